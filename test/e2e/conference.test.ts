import type { Browser } from 'playwright-core';
import { DEMO_MEETING_ID, type ConferenceHome } from '@plenum/shared';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { arrive, type Person } from './support/people.ts';
import { socketPerson, type SocketPerson } from './support/socketPerson.ts';
import { checkIn, until, vote } from './support/actions.ts';
import { screenshot } from './support/artifacts.ts';

/**
 * Issue 10 in real browsers: the conference, not one demo. The demo session is held with the
 * printed links (over sockets: chair and eleven Länder, TOP 6 adopted). The office then creates
 * the next regular session in the conference home and sees its chair and deadlines; the chair
 * opens it in the browser; Berlin's member joins with the same link used for the demo session
 * (it lands on the live session, the switcher lists both) and votes on the phone; the archive on
 * the conference home lists the resolutions of both sessions.
 */
const availability = chromiumAvailability();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP'];
const TITLE = '2. Digitalministerkonferenz (E2E)';

if (availability.kind === 'fail') {
  describe('the conference in the browser', () => {
    it('needs Chromium in CI', () => { throw new Error(availability.message); });
  });
}

/** A calendar day `days` from today (UTC is close enough five weeks ahead). */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(availability.kind !== 'found')('issue 10: the office creates the next session, the chair opens it, a delegate votes with the same link (R-SES-1, R-CHR-1, R-AGD-6)', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Person;
  let chair: Person;
  let berlin: Person;
  let created = '';
  const sockets: SocketPerson[] = [];
  const linkFor = (role: string, participantId: string | null = null) =>
    server.links.find((l) => l.role === role && (participantId === null || l.participantId === participantId))!.url;
  const home = async (): Promise<ConferenceHome> => (await (await office.context.request.get(`${server.baseUrl}/api/conference`)).json()) as ConferenceHome;

  /** Chair and eleven Länder over sockets in one session: open (if asked), check in, one resolution vote adopted. */
  async function holdVote(meetingId: string | undefined, itemId: string, open: boolean, skip: string[] = []) {
    const chairSocket = await socketPerson(server, linkFor('chair'), meetingId);
    const delegates = await Promise.all(LANDS.filter((l) => !skip.includes(l)).map((l) => socketPerson(server, linkFor('delegate', `p-${l}-member`), meetingId)));
    sockets.push(chairSocket, ...delegates);
    if (open) await chairSocket.send({ type: 'openSession' });
    for (const d of delegates) await d.send({ type: 'checkIn', mode: 'room' });
    return { chairSocket, delegates, itemId };
  }

  beforeAll(async () => {
    if (availability.kind !== 'found') return;
    buildClientIfStale();
    [server, browser] = await Promise.all([startServer({ expectedLinks: 19 }), launchChromium(availability.path)]);
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await browser?.close();
    await server?.stop();
  });

  it('the demo session is held with the printed links: TOP 6 adopted, the session closed', async () => {
    const { chairSocket, delegates } = await holdVote(undefined, 'top-6', true);
    expect(chairSocket.meetingId).toBe(DEMO_MEETING_ID);
    const opened = await chairSocket.send({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-6', paragraph: null } });
    const voteId = opened.data.events.find((e: { event: { type: string } }) => e.event.type === 'VoteOpened').event.voteId as string;
    for (const [i, d] of delegates.entries()) await d.send({ type: 'castVote', voteId, land: LANDS[i], choice: 'yes' });
    await chairSocket.send({ type: 'closeVote', voteId });
    await chairSocket.send({ type: 'closeSession' });
    for (const s of sockets.splice(0)) s.close();
  }, 120_000);

  it('the office creates the next regular session in the conference home and sees its chair Land and its deadlines', async () => {
    office = await arrive(browser, 'office', linkFor('office'), DESKTOP);
    const page = office.page;
    const form = page.getByTestId('conference-create');
    await form.waitFor();
    await form.getByLabel('Titel').fill(TITLE);
    await form.getByLabel('Datum').fill(daysAhead(35));
    await form.getByLabel('Ort').fill('Kiel');
    await page.getByTestId('conference-preview-chair').waitFor();
    await form.locator('button[type=submit]').click();
    const card = page.locator('[data-testid^="conference-session-"]', { hasText: TITLE });
    await card.waitFor();
    expect((await card.getByTestId('conference-chair').innerText()).trim().length).toBeGreaterThan(2);
    const deadlines = card.getByTestId('conference-deadlines');
    expect(await deadlines.locator('tbody tr').count()).toBe(3);
    created = (await home()).sessions.find((s) => s.title === TITLE)!.id;
    expect((await home()).sessions.find((s) => s.id === created)!.chairLands.length).toBeGreaterThan(0);
    await screenshot(page, '10-office-conference-home-1440x900');
    await page.setViewportSize(PHONE);
    await screenshot(page, '10-office-conference-home-390');
    await page.setViewportSize(DESKTOP);
    // A proposal on its agenda (the standing items are reports, taken note of without a vote).
    const officeSocket = await socketPerson(server, linkFor('office'), created);
    sockets.push(officeSocket);
    await officeSocket.send({
      type: 'addAgendaItem', shortNotice: false, itemId: 'cloud',
      item: { number: 'TOP 5', title: 'Cloud-Strategie der Länder', kind: 'proposal', rapporteurs: ['BE'], paragraphs: [{ number: '1', text: 'Die DMK beschließt die Cloud-Strategie.' }] },
    });
  }, 120_000);

  it('the chair\'s link lands on the new session (the next one to hold) and the chair opens it', async () => {
    chair = await arrive(browser, 'chair', linkFor('chair'), DESKTOP);
    const switcher = chair.page.getByTestId('session-switcher');
    await until('the chair is on the new session', () => switcher.inputValue(), (v) => v === created);
    expect(await switcher.locator('option').count()).toBe(3);
    await chair.page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await until('the new session is open', async () => (await home()).sessions.find((s) => s.id === created)!.status, (s) => s === 'open');
    await screenshot(chair.page, '10-chair-session-switcher-1440x900');
  }, 120_000);

  it('Berlin joins with the same link it used for the demo session, lands on the live session and votes on the phone', async () => {
    const { chairSocket, delegates } = await holdVote(created, 'cloud', false, ['BE']);
    berlin = await arrive(browser, 'BE', linkFor('delegate', 'p-BE-member'), PHONE);
    const switcher = berlin.page.getByTestId('session-switcher');
    await until('Berlin is on the live session', () => switcher.inputValue(), (v) => v === created);
    expect(await switcher.locator('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('läuft'), expect.stringContaining('beendet')]));
    await screenshot(berlin.page, '10-delegate-session-switcher-390');
    await checkIn(berlin, 'room');
    const opened = await chairSocket.send({ type: 'openVote', motion: { kind: 'resolution', itemId: 'cloud', paragraph: null } });
    const voteId = opened.data.events.find((e: { event: { type: string } }) => e.event.type === 'VoteOpened').event.voteId as string;
    await vote(berlin, 'BE', 'yes');
    const others = LANDS.filter((l) => l !== 'BE');
    for (const [i, d] of delegates.entries()) await d.send({ type: 'castVote', voteId, land: others[i], choice: 'yes' });
    await chairSocket.send({ type: 'closeVote', voteId });
  }, 180_000);

  it('the archive on the conference home lists the resolutions of both sessions', async () => {
    await office.page.reload();
    const archive = office.page.getByTestId('conference-archive');
    await archive.getByTestId(`archive-${DEMO_MEETING_ID}-top-6`).waitFor();
    await archive.getByTestId(`archive-${created}-cloud`).waitFor();
    expect(await archive.getByTestId(`archive-${created}-cloud`).innerText()).toContain('Cloud-Strategie der Länder');
    await archive.getByTestId('archive-search').fill('Cloud');
    await until('the search narrows the archive', () => archive.locator('tbody tr').count(), (n) => n === 1);
    await screenshot(office.page, '10-office-archive-1440x900');
  }, 120_000);
});
