import type { Browser } from 'playwright-core';
import { berlinDate, DMK_PROFILE, upcomingDmkSessions, type ConferenceHome, type DraftState } from '@plenum/shared';
import { startServer as startInProcess, type RunningServer } from '../../server/src/app.ts';
import { tmpDataDir } from '../../server/test/helpers.ts';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { arrive, type Person } from './support/people.ts';
import { checkAccessibility, formatAxeReport, type AxeSummary } from './support/axe.ts';
import { screenshot } from './support/artifacts.ts';

/**
 * A meeting of the DMK-Arbeitsgremium in real browsers (R-AGR-1..3): the office creates it in the
 * conference, the chair Land's chair leads it at 1440×900, Bavaria's working level follows on a
 * phone; the other Länder answer over HTTP. The chair calls the demo paper's two brackets in turn,
 * every Land answers, the chair resolves both, ends the meeting with a new version proposed for the
 * next DMK, and the office puts that version on the next session's agenda. The server runs in this
 * process so that the test can hand out the meeting's personal invitations (one per person).
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
    // The meeting's own invitations: the chair and every Land's working level.
    const invite = async (role: 'chair' | 'delegate', participantId: string) => (await server.invitations.create(AG, { role, participantId, label: participantId })).url;
    for (const l of DMK_PROFILE.lands) if (l.code !== 'BY') cookies[l.code] = await redeem(await invite('delegate', `ag-${l.code.toLowerCase()}`));
    chair = await arrive(browser, 'chair', await invite('chair', 'ag-chair'), DESKTOP);
    by = await arrive(browser, 'BY', await invite('delegate', 'ag-by'), PHONE);
    await chair.page.getByTestId('ag-live').waitFor();
    await by.page.getByTestId('ag-live').waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    if (axe.length) console.log(formatAxeReport(axe));
  }, 60_000);

  it('R-AGR-1: the chair opens the meeting; each open bracket is listed in turn with who holds it; there is no vote', async () => {
    await chair.page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await chair.page.getByTestId('session-status').filter({ hasText: 'eröffnet' }).waitFor();
    await by.page.getByTestId('check-in-remote').click();
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
    await screenshot(by.page, 'ag-live-by-390');
    await screenshot(chair.page, 'ag-live-chair-1440');
    axe.push(await checkAccessibility(chair.page, 'ag-live-chair', 'de'));
    axe.push(await checkAccessibility(by.page, 'ag-live-by', 'de'));
    const card = chair.page.getByTestId('bracket-b1');
    await card.getByLabel('Klammer auflösen mit').selectOption({ label: 'Alternative BY' });
    await card.getByRole('button', { name: 'Auflösen' }).click();
    for (const p of [chair, by]) await p.page.getByTestId('ag-bracket-b1').waitFor({ state: 'detached' });
    expect((await draft()).brackets.b1!.resolution!.agreed).toHaveLength(16);
  }, 180_000);

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
    await screenshot(chair.page, 'ag-ended-chair-1440');
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
  }, 120_000);
});
