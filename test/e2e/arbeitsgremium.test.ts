import type { Browser, Locator } from 'playwright-core';
import { berlinDate, DMK_PROFILE, upcomingDmkSessions, type ConferenceHome, type DraftState } from '@plenum/shared';
import { startServer as startInProcess, type RunningServer } from '../../server/src/app.ts';
import { tmpDataDir } from '../../server/test/helpers.ts';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { arrive, type Person } from './support/people.ts';
import { checkAccessibility, formatAxeReport, type AxeSummary } from './support/axe.ts';
import { screenshotAtSizes, type SizeShot } from './support/artifacts.ts';

/**
 * A meeting of the DMK-Arbeitsgremium in real browsers (R-AGR-1..3): the office creates it in the
 * conference, the chair Land's chair leads it at 1440×900, Bavaria's working level follows on a
 * phone; the other Länder answer over HTTP. The chair calls the demo paper's two brackets in turn,
 * every Land answers, the chair resolves both, ends the meeting with a new version proposed for the
 * next DMK, and the office puts that version on the next session's agenda. The office issues every
 * person's conference invitation in its view of the meeting (shows one again, reissues one); the
 * chair, Bavaria and the other Länder enter with those links. Every view of the meeting (the live
 * view of chair and Land, the Land's and the office's drafts, the room screen, the comparison of
 * versions) is photographed at 320, 390, 640×720, 1440×900 and 1920×1080 without sideways
 * scrolling, and checked by axe (WCAG 2.1 AA). The server runs in this process so that the test
 * can read the draft's stream.
 */
const availability = chromiumAvailability();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const AG = 'ag-e2e-1';

if (availability.kind === 'fail') {
  describe('Arbeitsgremium in the browser', () => {
    it('needs Chromium in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('a meeting of the Arbeitsgremium, live in the browser (R-AGR-1..3)', () => {
  let server: RunningServer;
  let browser: Browser;
  let chair: Person;
  let by: Person;
  let office: string;
  let officePage: Person;
  let screen: Person;
  let byDrafts: Person;
  const shots: SizeShot[] = [];
  /** A view at every review size (docs/screenshots' sizes) and through axe (WCAG 2.1 AA) at its own size. */
  const review = async (p: Person, name: string) => {
    axe.push(await checkAccessibility(p.page, name, 'de'));
    shots.push(...await screenshotAtSizes(p.page, name));
  };
  let next: string;
  const cookies: Record<string, string> = {};
  const axe: AxeSummary[] = [];

  const redeem = async (url: string) => {
    const res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { origin: server.url } });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const post = async (cookie: string, path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: { state: unknown }; error?: { code: string } } };
  };
  /** The invitation label the office's view gives a Land's working level (its placeholder name and the Land). */
  const label = (code: string) => { const name = DMK_PROFILE.lands.find((l) => l.code === code)!.name; return `Arbeitsebene ${name} (${name})`; };
  /** The links on the office's invitation cards, by label. */
  const cardLinks = async (panel: Locator) => Object.fromEntries(await panel.getByTestId('invitation-card').evaluateAll((cards) => cards.map((c) => [
    c.querySelector('.invitation-label')!.firstChild!.textContent!.trim(), c.querySelector('.invitation-url code')!.textContent!,
  ]))) as Record<string, string>;
  /** A path on the origin the person's cookie was set for (the links' public address, not necessarily server.url). */
  const open = (p: Person, path: string) => p.page.goto(new URL(path, p.page.url()).toString());
  const draft = async () => (await server.between.service.state('draft', 'draft-top-7')).state as DraftState;
  /** Every Land but those in the browser answers the call over HTTP. */
  const othersAnswer = async (except: string[], answer: 'agree' | 'hold' = 'agree') => {
    const answers = await Promise.all(DMK_PROFILE.lands.filter((l) => !except.includes(l.code))
      .map((l) => post(cookies[l.code]!, '/api/between/draft/draft-top-7', { command: { type: 'answerBracketCall', answer } })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  };

  beforeAll(async () => {
    if (availability.kind !== 'found') return;
    buildClientIfStale();
    [server, browser] = await Promise.all([
      startInProcess({ port: 0, host: '127.0.0.1', logLevel: 'warn', printDemoLinks: false, dataDir: tmpDataDir() }),
      launchChromium(availability.path),
    ]);
    office = await redeem(server.demoLinks!.find((l) => l.role === 'office')!.url);
    const today = berlinDate(new Date());
    const created = await post(office, '/api/between/conference/dmk', { command: {
      type: 'createSession', sessionId: AG, kind: 'arbeitsgremium', title: 'Sitzung des DMK-Arbeitsgremiums', date: today, startTime: '09:00', place: 'Videokonferenz', format: 'video',
    } });
    expect(created.status).toBe(200);
    next = upcomingDmkSessions(await server.between.conference.state(), today)[0]!.id;
    // The office issues the meeting's invitations in its view of the meeting: each person's one
    // conference invitation (issue 10), the chair's and every Land's working level's.
    officePage = await arrive(browser, 'office', server.demoLinks!.find((l) => l.role === 'office')!.url, DESKTOP);
    await officePage.page.getByTestId('session-switcher').selectOption(AG);
    const panel = officePage.page.getByTestId('working-level');
    await panel.getByRole('button', { name: 'Fehlende Einladungen ausstellen (17)' }).click();
    await panel.getByTestId('invitation-card').nth(16).waitFor();
    const links = await cardLinks(panel);
    expect(Object.keys(links)).toHaveLength(17);
    // Shown again: the same link; reissued: a new one, and the old one no longer opens anything.
    await panel.getByRole('button', { name: 'Link anzeigen: Arbeitsebene Bayern (Bayern)' }).click();
    await panel.getByTestId('invitation-card').filter({ hasText: 'erneut angezeigt' }).filter({ hasText: links[label('BY')]! }).waitFor();
    await panel.getByRole('button', { name: 'Neu ausstellen: Arbeitsebene Bremen (Bremen)' }).click();
    await officePage.page.getByTestId('confirm-ok').click();
    await panel.getByTestId('invitation-card').filter({ hasText: 'neu ausgestellt' }).waitFor();
    const reissued = (await cardLinks(panel))[label('HB')]!;
    expect(reissued).not.toBe(links[label('HB')]);
    expect((await fetch(links[label('HB')]!, { redirect: 'manual' })).headers.get('location')).toBe('/invalid-link');
    links[label('HB')] = reissued;
    await panel.getByTestId('working-level-invitation-BY').filter({ hasText: 'öffnet: Sitzung des DMK-Arbeitsgremiums' }).waitFor();
    await review(officePage, 'ag-office-working-level');
    for (const l of DMK_PROFILE.lands) if (l.code !== 'BY') cookies[l.code] = await redeem(links[label(l.code)]!);
    chair = await arrive(browser, 'chair', Object.entries(links).find(([k]) => k.startsWith('Vorsitz'))![1], DESKTOP);
    by = await arrive(browser, 'BY', links[label('BY')]!, PHONE);
    // Bavaria's officer on the same link in a second browser, on the Land's drafts view; the meeting's room screen.
    byDrafts = await arrive(browser, 'BY drafts', links[label('BY')]!, PHONE);
    await open(byDrafts, '/drafts');
    screen = await arrive(browser, 'screen', (await server.invitations.create(AG, { role: 'screen', participantId: null, label: 'Saal' })).url, { width: 1920, height: 1080 });
    await chair.page.getByTestId('ag-live').waitFor();
    await by.page.getByTestId('ag-live').waitFor();
  }, 600_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    if (axe.length) console.log(formatAxeReport(axe));
  }, 60_000);

  it('R-AGR-1: the chair opens the meeting; each open bracket is listed in turn with who holds it; there is no vote', async () => {
    await chair.page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await chair.page.getByTestId('session-status').filter({ hasText: 'eröffnet' }).waitFor();
    await by.page.getByTestId('check-in-remote').click();
    // The chair sees Bavaria's working level connected (the Land is represented by it here).
    await chair.page.locator('[data-testid="land-row-BY"][data-presence="remote"]').waitFor({ state: 'attached' });
    for (const p of [chair, by]) {
      await p.page.getByTestId('ag-holders-b1').filter({ hasText: 'gehalten von BY, NW' }).waitFor();
      await p.page.getByTestId('ag-holders-b2').filter({ hasText: 'gehalten von HE' }).waitFor();
    }
    await by.page.getByTestId('ag-bracket-b1').filter({ hasText: 'Ihr Land hält diese Klammer' }).waitFor();
    expect(await chair.page.getByRole('button', { name: /Abstimmung eröffnen/ }).count()).toBe(0);
  }, 120_000);

  it('R-AGR-1: the chair calls K1, Bavaria is told on its phone and answers; all 16 answer live; the chair resolves', async () => {
    await chair.page.getByRole('button', { name: 'Nächste Klammer aufrufen: K1' }).click();
    await by.page.getByTestId('draft-notices').filter({ hasText: 'Klammer K1 in „Digitale Teilhabe“, die Ihr Land hält, ist aufgerufen.' }).waitFor();
    await by.page.getByTestId('bracket-call').getByRole('button', { name: 'einverstanden' }).click();
    await othersAnswer(['BY']);
    await chair.page.getByTestId('bracket-call').locator('[data-answer="agree"]').nth(15).waitFor();
    await by.page.getByTestId('bracket-call').locator('[data-answer="agree"]', { hasText: 'BY' }).waitFor();
    // Every view of the meeting with K1 called and answered, at every size.
    await open(officePage, '/drafts');
    await officePage.page.getByTestId('brackets-per-land').waitFor();
    await byDrafts.page.locator('#mine-heading').waitFor();
    await review(chair, 'ag-live-chair');
    await review(by, 'ag-live-by');
    await review(byDrafts, 'ag-drafts-land-by');
    await review(officePage, 'ag-drafts-office');
    // R-AGR-1: the room screen shows the called bracket and every Land's answer, and no GO-5 quorum.
    await screen.page.getByTestId('bracket-call').filter({ hasText: 'Aufgerufen: Klammer K1' }).locator('[data-answer="agree"]').nth(15).waitFor();
    expect(await screen.page.getByText('Beschlussfähigkeit').count()).toBe(0);
    await review(screen, 'ag-screen');
    const card = chair.page.getByTestId('bracket-b1');
    await card.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative BY' });
    await card.getByRole('button', { name: 'Auflösen' }).click();
    for (const p of [chair, by]) await p.page.getByTestId('ag-bracket-b1').waitFor({ state: 'detached' });
    expect((await draft()).brackets.b1!.resolution!.agreed).toHaveLength(16);
  }, 900_000);

  it('R-AGR-2: K2 is called next; Hesse holds out, then gives way; resolved, the paper is agreed', async () => {
    await chair.page.getByRole('button', { name: 'Nächste Klammer aufrufen: K2' }).click();
    await chair.page.getByTestId('ag-bracket-b2').filter({ hasText: 'aufgerufen' }).waitFor();
    await post(cookies.HE!, '/api/between/draft/draft-top-7', { command: { type: 'answerBracketCall', answer: 'hold' } });
    await othersAnswer(['BY', 'HE']);
    await by.page.getByTestId('bracket-call').getByRole('button', { name: 'einverstanden' }).click();
    // Hesse holds out for the text as it stands being replaced: the original wording is refused.
    const card = chair.page.getByTestId('bracket-b2');
    await card.getByLabel('Klammer auflösen mit').selectOption({ label: 'Ursprünglicher Text' });
    await card.getByRole('button', { name: 'Auflösen' }).click();
    await chair.page.getByTestId('ag-error').filter({ hasText: 'HE' }).waitFor();
    await post(cookies.HE!, '/api/between/draft/draft-top-7', { command: { type: 'answerBracketCall', answer: 'agree' } });
    await card.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative HE' });
    await card.getByRole('button', { name: 'Auflösen' }).click();
    for (const p of [chair, by]) await p.page.getByText('Kein Entwurf hat offene Klammern.').waitFor();
  }, 120_000);

  it('R-AGR-2/3: the meeting ends with a new version proposed for the next DMK; the office puts it on that session\'s agenda', async () => {
    await chair.page.getByRole('button', { name: 'Fassungen schneiden und vorschlagen' }).click();
    await chair.page.getByTestId('ag-proposal').filter({ hasText: '„Digitale Teilhabe“ v3' }).waitFor();
    // The comparison of v3 with v2: the resolved brackets' wording marked.
    await open(officePage, '/drafts/draft-top-7');
    await officePage.page.getByTestId('version-diff').waitFor();
    await review(officePage, 'ag-versions-office');
    await chair.page.getByTestId('close-session').click();
    await chair.page.getByRole('button', { name: 'Sitzung endgültig schließen' }).click();
    await chair.page.getByTestId('session-status').filter({ hasText: 'geschlossen' }).waitFor();
    const v3 = (await draft()).versions.at(-1)!;
    expect([v3.number, v3.openBrackets.length]).toEqual([3, 0]);
    const home = async () => (await (await fetch(`${server.url}/api/conference`, { headers: { cookie: office } })).json()) as ConferenceHome;
    const ag = (await home()).sessions.find((s) => s.id === AG)!;
    expect(ag.meeting!.agendaProposals[0]).toMatchObject({ targetSessionId: next, drafts: [{ draftId: 'draft-top-7', version: 3, openBrackets: 0 }] });
    const put = await post(office, '/api/between/draft/draft-top-7', { command: { type: 'putVersionOnAgenda', version: 3, meetingId: next, itemId: 'top-teilhabe' } });
    expect(put.status).toBe(200);
    expect((await home()).sessions.find((s) => s.id === next)!.meeting!.items.map((i) => i.title)).toContain('Digitale Teilhabe');
    expect(axe.filter((a) => a.total > 0).map((a) => a.findings)).toEqual([]);
    // WCAG 1.4.10 reflow: no view scrolls sideways at any size, 320 px included.
    expect(shots.filter((s) => s.sideways > 0).map((s) => `${s.name}: ${s.sideways}px (${s.culprits.join('; ')})`)).toEqual([]);
  }, 600_000);
});
