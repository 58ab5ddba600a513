import type { Browser } from 'playwright-core';
import type { LandCode } from '@plenum/shared';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { arrive, type Person } from './support/people.ts';
import { attr, checkIn, focusOn, openVote, outcomeOn, tabTo, text, until, vote, waitForOpenVote } from './support/actions.ts';
import { socketPerson, type SocketPerson } from './support/socketPerson.ts';
import { screenshot } from './support/artifacts.ts';
import { checkAccessibility } from './support/axe.ts';

/** The 16 Länder in the order of the protocol (the chair calls them in this order). */
const LANDS: LandCode[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];
/** The one Land whose delegate also votes on a phone, differently from what is declared aloud. */
const PHONE_LAND: LandCode = 'HE';

const availability = chromiumAvailability();

if (availability.kind === 'fail') {
  describe('browser: roll call', () => {
    it('needs Chromium in CI', () => {
      throw new Error(availability.message);
    });
  });
}

/**
 * R-VOT-7 in the browser: during one vote the chair records all 16 Länder by keyboard only (roll
 * call: J on each row), while Hessen's delegate taps "Nein" on a phone. The device vote shows in its
 * row at once; the chair's later record differs from it, so the console and the results protocol
 * show a conflict, and the last entry (the chair's "Ja") counts.
 */
describe.skipIf(availability.kind !== 'found')('roll call: the chair records 16 Länder by keyboard while a phone votes', () => {
  let server: RunningServer;
  let browser: Browser;
  let chair: Person;
  let phone: Person;
  const others: SocketPerson[] = [];
  const linkFor = (role: string, participantId: string | null = null) => {
    const link = server.links.find((l) => l.role === role && (participantId === null || l.participantId === participantId));
    if (!link) throw new Error(`no printed invitation for ${role} ${participantId ?? ''}:\n${server.output()}`);
    return link.url;
  };

  beforeAll(async () => {
    if (availability.kind !== 'found') return;
    buildClientIfStale();
    [server, browser] = await Promise.all([startServer({ expectedLinks: 19 }), launchChromium(availability.path)]);
  }, 180_000);

  afterAll(async () => {
    for (const p of others) p.close();
    await browser?.close().catch(() => {});
    await server?.stop();
  }, 60_000);

  it('R-VOT-7: 16 Länder recorded by keyboard in protocol order; Hessen\'s phone vote shows at once; the conflict is on the console and in the protocol', async () => {
    chair = await arrive(browser, 'chair', linkFor('chair'), { width: 1440, height: 900 });
    phone = await arrive(browser, PHONE_LAND, linkFor('delegate', `p-${PHONE_LAND}-member`), { width: 390, height: 844 });
    const page = chair.page;
    await until('chair connected', attr(page.getByTestId('connection-status'), 'data-status'), (s) => s === 'online');
    await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await until('session open', text(page.getByTestId('session-status')), (t) => t === 'eröffnet');

    // Everyone is in the room; 15 Länder check in from devices not under test, Hessen from its phone.
    for (const land of LANDS.filter((l) => l !== PHONE_LAND)) {
      const person = await socketPerson(server, linkFor('delegate', `p-${land}-member`));
      others.push(person);
      await person.send({ type: 'checkIn', mode: 'room' });
    }
    await checkIn(phone, 'room');
    await until('quorum 16', text(page.getByTestId('quorum').first()), (t) => t.includes('16 Länder anwesend'));

    await page.getByTestId('agenda-item-top-5').getByRole('button').first().click();
    await openVote(page, 'resolution', 'top-5');
    await waitForOpenVote(page, 'open-vote-panel');

    // Hessen's delegate taps "Nein" on the phone first.
    await waitForOpenVote(phone.page, `ballot-${PHONE_LAND}`);
    await vote(phone, PHONE_LAND, 'no');

    // Keyboard only from here: Tab to "Stimmen mündlich erfassen", Enter, Tab to the first Land's row.
    await tabTo(page, '/roll-call-toggle');
    await page.keyboard.press('Enter');
    await page.getByTestId('roll-call').waitFor();
    await until('Hessen\'s device vote in its row', attr(page.getByTestId(`roll-call-row-${PHONE_LAND}`), 'data-choice'), (v) => v === 'no');
    expect(await page.getByTestId(`roll-call-state-${PHONE_LAND}`).innerText()).toContain('vom Gerät');
    await tabTo(page, '/roll-call-row-BW');
    expect(await focusOn(page)).toBe('/roll-call-row-BW');

    const started = Date.now();
    for (let i = 0; i < LANDS.length; i++) await page.keyboard.press('j');
    for (const land of LANDS) {
      await until(`${land} recorded by roll call`, attr(page.getByTestId(`roll-call-row-${land}`), 'data-oral'), (v) => v === 'rollCall');
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`e2e roll call: 16 Länder recorded by keyboard in ${seconds.toFixed(1)} s`);
    // The point of the keyboard path: a whole roll call well inside a minute, even on a loaded box.
    expect(seconds).toBeLessThan(60);

    // The phone said "Nein", the chair recorded "Ja" afterwards: a conflict, and the last entry counts.
    await until('conflict flagged in Hessen\'s row', attr(page.getByTestId(`roll-call-row-${PHONE_LAND}`), 'data-conflict'), (v) => v === 'true');
    expect(await page.getByTestId(`roll-call-row-${PHONE_LAND}`).getAttribute('data-choice')).toBe('yes');
    await screenshot(page, '11-chair-roll-call');
    // The roll-call table is part of the console: WCAG 2.1 AA holds there too.
    const axe = await checkAccessibility(page, 'chair (roll call)', 'de');
    expect(axe.findings, JSON.stringify(axe.findings)).toEqual([]);
    await page.getByTestId('roll-call-toggle').press('Enter');
    expect(await page.getByTestId('vote-conflicts').innerText()).toContain('Hessen');
    const history = await page.getByTestId(`cast-by-${PHONE_LAND}`).innerText();
    expect(history).toMatch(/Mitglied Hessen: Nein[\s\S]*Ja \(mündlich: Namentlicher Aufruf/);
    await until('tally yes 16', attr(page.getByTestId('tally-yes'), 'data-count'), (v) => v === '16');

    // All 16 voted, so closing asks nothing; the round is adopted.
    await page.getByTestId('close-vote').click();
    expect((await outcomeOn(page)).outcome).toBe('adopted');

    // The results protocol (its model, as the office and the chair read it) carries the conflict
    // and that every Land's counting vote was declared by roll call.
    const me = await (await chair.context.request.get(`${server.baseUrl}/api/me`)).json() as { meetingId: string };
    const res = await chair.context.request.get(`${server.baseUrl}/api/meetings/${encodeURIComponent(me.meetingId)}/protocol.json`);
    expect(res.status()).toBe(200);
    type Lands = { land: string; choice: string | null; oral: string | null; conflict: boolean }[];
    const protocol = await res.json() as { conflicts: { land: string }[]; items: { id: string; votes: { lands: Lands }[] }[] };
    expect(protocol.conflicts.map((c) => c.land)).toContain(PHONE_LAND);
    const round = protocol.items.find((i) => i.id === 'top-5')!.votes.at(-1)!;
    expect(round.lands.find((l) => l.land === PHONE_LAND)).toMatchObject({ choice: 'yes', oral: 'rollCall', conflict: true });
    expect(round.lands.filter((l) => l.oral === 'rollCall')).toHaveLength(16);
  }, 180_000);
});
