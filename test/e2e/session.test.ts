import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO_MEETING_ID, type EventEnvelope, type LandCode } from '@plenum/shared';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { arrive, leave, pathOf, VIEWPORTS, type Person } from './support/people.ts';
import { attr, checkIn, checkOut, closeVote, focusOn, openVote, outcomeOn, switchLanguage, tabTo, text, until, vote, waitForOpenVote } from './support/actions.ts';
import { checkAccessibility, formatAxeReport, type AxeSummary } from './support/axe.ts';
import { screenshot } from './support/artifacts.ts';
import { FlakyNetwork } from './support/network.ts';

/**
 * A whole DMK session in a real browser: the office prepares, the chair conducts, 16 delegates
 * (phones) check in, transfer and vote, the room screen follows — each person in a browser context
 * of their own, against the real server started as a user starts it.
 */

const ALL_LANDS: LandCode[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];
const IN_THE_ROOM: LandCode[] = ['BE', 'BB', 'BW', 'BY', 'HB', 'HH', 'HE'];
const REMOTE: LandCode[] = ['MV', 'NI', 'NW', 'RP', 'SN'];
const PRESENT = [...IN_THE_ROOM, ...REMOTE];
/** Absent all session; Saarland gives its vote to Berlin (R-MEM-4). */
const TRANSFER = { from: 'SL' as LandCode, to: 'BE' as LandCode };
/** Votes only with the keyboard. */
const KEYBOARD_LAND: LandCode = 'BW';
/** Loses its network, then votes: the vote waits on the phone and goes out once. */
const OFFLINE_LAND: LandCode = 'HB';
/** Votes, but the answer is lost on the way back: the phone resends with the same key. */
const LOST_ANSWER_LAND: LandCode = 'HH';

/** Added by the office at short notice (R-AGD-2). */
const SHORT_NOTICE = { number: 'TOP 11', title: 'Digitale Souveränität der Verwaltung' };

const availability = chromiumAvailability();

if (availability.kind === 'fail') {
  describe('browser end-to-end', () => {
    it('needs Chromium in CI', () => {
      throw new Error(availability.message);
    });
  });
}

describe.skipIf(availability.kind !== 'found')('a whole DMK session in Chromium (office, chair, 16 delegates, room screen)', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Person;
  let chair: Person;
  let screen: Person;
  /** Follows /public/<meeting> without an invitation once the session is public (R-SES-4). */
  let publicViewer: Person;
  const delegates = {} as Record<LandCode, Person>;
  const networks = {} as Record<LandCode, FlakyNetwork>;
  const axe: AxeSummary[] = [];
  const timings: Record<string, number> = {};
  let t0 = 0;
  let scenarioStart = 0;
  const laps: string[] = [];
  let lastLap = 0;
  /** Time since the previous mark, printed at the end: where the scenario spends its time. */
  const mark = (what: string) => {
    const now = Date.now();
    laps.push(`${what} ${((now - (lastLap || now)) / 1000).toFixed(1)} s`);
    lastLap = now;
  };

  const linkFor = (role: string, participantId: string | null = null) => {
    const link = server.links.find((l) => l.role === role && (participantId === null || l.participantId === participantId));
    if (!link) throw new Error(`no printed invitation for ${role} ${participantId ?? ''}:\n${server.output()}`);
    return link.url;
  };
  /** The server's record, read as the office reads it (GET /api/meetings/:id/export with its cookie). */
  const exportEvents = async (): Promise<EventEnvelope[]> => {
    const res = await office.context.request.get(`${server.baseUrl}/api/meetings/${DEMO_MEETING_ID}/export`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { events: EventEnvelope[] }).events;
  };
  /** VoteCast events of the latest round for one Land, from the server's record. */
  const castsFor = async (land: LandCode) => {
    const events = await exportEvents();
    const opened = events.filter((e) => e.event.type === 'VoteOpened').at(-1)!.event as { voteId: string };
    return events.filter((e) => e.event.type === 'VoteCast' && (e.event as { voteId: string }).voteId === opened.voteId && (e.event as { land: string }).land === land);
  };
  /** The room screen's state (data-state) and the item it shows, if any. */
  // Read both in one step in the page: the screen may change state between two separate reads (the
  // item element goes away when the session closes), and a read of a vanished element waits in vain.
  const screenShows = () => screen.page.evaluate(() => ({
    state: document.querySelector('[data-testid="screen-state"]')?.getAttribute('data-state') ?? null,
    item: document.querySelector('[data-testid="screen-item"]')?.getAttribute('data-item') ?? null,
  }));
  const screenIs = (state: string, item: string | null) => until(`screen: ${state} ${item ?? ''}`, screenShows, (v) => v.state === state && v.item === item);
  /** Every element matched lies inside the viewport (nothing needs scrolling to be seen). */
  const allInViewport = (page: Person['page'], selector: string) => page.evaluate(async (sel) => {
    // After a viewport change, let the browser render twice: sizes that follow the window (container
    // query units) settle in the frame after the resize.
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => r(null)));
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) out.push(`${el.getAttribute('data-testid') ?? el.textContent?.slice(0, 30)} at ${Math.round(r.top)}–${Math.round(r.bottom)}`);
    }
    return { count: document.querySelectorAll(sel).length, outside: out, scrollY: window.scrollY };
  }, selector);
  const a11y = async (person: Person, view: string) => {
    for (const lang of ['de', 'en'] as const) {
      await switchLanguage(person.page, lang);
      const summary = await checkAccessibility(person.page, view, lang);
      axe.push(summary);
      // The switch changes the words, not the result: TOP 6 reads "Adopted" with an English explanation.
      if (lang === 'en' && view !== 'office') {
        // The page re-renders after <html lang> changes: wait for the word rather than read it once.
        const shown = await until(`${view}: the outcome in English`, () => outcomeOn(person.page), (o) => o.word === 'Adopted');
        expect(shown, view).toMatchObject({ outcome: 'adopted', word: 'Adopted', explanation: expect.stringContaining('base 13, needed 9, yes 10') });
      }
      await screenshot(person.page, `a11y-${view}-${lang}`);
    }
    await switchLanguage(person.page, 'de');
  };

  beforeAll(async () => {
    if (availability.kind !== 'found') return;
    t0 = Date.now();
    const { built } = buildClientIfStale();
    timings.build = Date.now() - t0;
    if (built) console.log(`e2e: built the client (npx vite build) in ${timings.build} ms`);
    [server, browser] = await Promise.all([startServer({ expectedLinks: 19 }), launchChromium(availability.path)]);
    timings.setup = Date.now() - t0;
  }, 180_000);

  afterAll(async () => {
    const end = Date.now();
    await browser?.close().catch(() => {});
    await server?.stop();
    if (axe.length > 0) console.log(formatAxeReport(axe));
    if (laps.length > 0) console.log(`e2e steps: ${laps.join(' · ')}`);
    if (t0) {
      console.log(`e2e: setup ${((timings.setup ?? 0) / 1000).toFixed(1)} s (client build ${((timings.build ?? 0) / 1000).toFixed(1)} s), `
        + `scenario ${scenarioStart ? ((end - scenarioStart) / 1000).toFixed(1) : '–'} s, total ${((end - t0) / 1000).toFixed(1)} s`);
    }
  }, 60_000);

  it('everyone redeems a personal link: GET /i/:token → cookie → the view of their role, secret gone from the URL', async () => {
    scenarioStart = Date.now();
    lastLap = scenarioStart;
    expect(server.links.map((l) => l.role).sort()).toEqual(['chair', ...Array(16).fill('delegate'), 'office', 'screen'].sort());

    office = await arrive(browser, 'office', linkFor('office'), VIEWPORTS.laptop);
    chair = await arrive(browser, 'chair', linkFor('chair'), VIEWPORTS.laptop);
    screen = await arrive(browser, 'screen', linkFor('screen'), VIEWPORTS.screen);
    for (const land of ALL_LANDS) {
      const flaky = land === OFFLINE_LAND || land === LOST_ANSWER_LAND;
      const prepare = flaky ? async (context: BrowserContext) => { networks[land] = await FlakyNetwork.attach(context); } : undefined;
      delegates[land] = await arrive(browser, land, linkFor('delegate', `p-${land}-member`), VIEWPORTS.phone, { prepare });
    }

    await until('office on /office', async () => pathOf(office), (p) => p === '/office');
    await until('chair on /chair', async () => pathOf(chair), (p) => p === '/chair');
    await until('screen on /screen', async () => pathOf(screen), (p) => p === '/screen');
    for (const land of ALL_LANDS) {
      const d = delegates[land];
      await until(`${land} on /delegate`, async () => pathOf(d), (p) => p === '/delegate');
      // The delegate's page names its Land (German first).
      await d.page.getByTestId('check-in-room').waitFor({ state: 'visible' });
    }
    for (const p of [office, chair, screen, ...Object.values(delegates)]) {
      expect(p.page.url()).not.toContain('/i/');
      const cookies = await p.context.cookies();
      expect(cookies.find((c) => c.name === 'plenum_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    }
    await until('chair connected', attr(chair.page.getByTestId('connection-status'), 'data-status'), (s) => s === 'online');
    expect(await delegates.BY.page.locator('h1').innerText()).toContain('Bayern');
    mark('19 arrivals');
  }, 240_000); // 19 browsers arrive one after another: on a loaded 2-core machine this alone took 118 s

  it('the office prepares: the demo agenda is there, a short-notice item is added, a new invitation shows its QR code and works', async () => {
    const page = office.page;
    const agenda = page.getByTestId('office-agenda');
    await until('TOP 6 and TOP 9 on the office agenda', text(agenda), (t) => t.includes('TOP 6') && t.includes('TOP 9'));

    // R-AGD-2: a short-notice addition, entered through the agenda form.
    const form = page.locator('form', { has: page.locator('textarea[aria-describedby="agenda-add-paragraphs-hint"]') });
    await form.getByLabel('Nummer', { exact: true }).fill(SHORT_NOTICE.number);
    await form.getByLabel('Titel', { exact: true }).fill(SHORT_NOTICE.title);
    await form.getByLabel('Sachsen', { exact: true }).check();
    await form.getByLabel('Ziffern des Beschlussvorschlags').fill('Die DMK bittet die Geschäftsstelle, bis zur nächsten Sitzung zu berichten.');
    await form.getByLabel('kurzfristig angemeldet (Zulassung nötig)').check();
    await form.locator('button[type="submit"]').click();
    await until('TOP 11 on the agenda', text(agenda), (t) => t.includes('TOP 11'));
    await until('TOP 11 reaches the chair, flagged short-notice', text(chair.page.locator('.agenda-panel')), (t) => /TOP 11[\s\S]*kurzfristig/.test(t));

    // A personal invitation for Saarland's permanent deputy, with its QR code.
    const invitations = page.locator('section.invitations');
    const invForm = invitations.locator('form');
    await invForm.locator('select').nth(0).selectOption('delegate');
    await invForm.locator('select').nth(1).selectOption('p-SL-deputy');
    await invForm.locator('button[type="submit"]').click();
    const card = invitations.getByTestId('invitation-card').first();
    await card.getByTestId('invitation-qr').waitFor({ state: 'visible' });
    expect(await card.getByTestId('invitation-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const url = (await card.locator('code').innerText()).trim();
    expect(url).toMatch(/\/i\/[A-Za-z0-9_-]{20,}$/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '01-office-invitation-qr');

    // The link works: it opens the delegate view of Saarland's deputy.
    const deputy = await arrive(browser, 'SL deputy', url, VIEWPORTS.phone);
    await until('deputy on /delegate', async () => pathOf(deputy), (p) => p === '/delegate');
    await until('deputy view names Saarland', text(deputy.page.locator('h1')), (t) => t.includes('Saarland') && /Ständige Vertretung/.test(t));
    await leave(deputy);
    mark('office');
  }, 60_000);

  it('R-SES-2, R-VOT-3: the chair opens the session; 12 Länder check in (7 in the room, 5 remote) → chair and screen show quorum 12 ≥ 11', async () => {
    await chair.page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await until('session open', text(chair.page.getByTestId('session-status')), (t) => t === 'eröffnet');

    for (const land of IN_THE_ROOM) await checkIn(delegates[land], 'room');
    for (const land of REMOTE) await checkIn(delegates[land], 'remote');

    for (const land of IN_THE_ROOM) await until(`${land} in the room on the chair's list`, attr(chair.page.getByTestId(`land-row-${land}`), 'data-presence'), (v) => v === 'room');
    for (const land of REMOTE) await until(`${land} remote on the chair's list`, attr(chair.page.getByTestId(`land-row-${land}`), 'data-presence'), (v) => v === 'remote');
    expect(await chair.page.getByTestId('land-row-SL').getAttribute('data-presence')).toBe('absent');

    for (const page of [chair.page, screen.page]) {
      const quorum = page.getByTestId('quorum').first();
      await until('quorum 12 of 11', text(quorum), (t) => t.includes('12 Länder anwesend, 11 erforderlich'));
      expect(await quorum.getAttribute('data-met')).toBe('true');
    }
    await screenshot(chair.page, '02-chair-quorum');
    await screenshot(screen.page, '02-screen-quorum');
    mark('check-ins');
  }, 60_000);

  it('R-MEM-4: absent Saarland transfers its vote to Berlin from its phone; the chair is informed, Berlin holds it', async () => {
    const sl = delegates[TRANSFER.from].page;
    await sl.getByTestId('transfer-to').selectOption(TRANSFER.to);
    await sl.getByRole('button', { name: 'Stimme übertragen' }).click();
    await sl.getByTestId('transfers-given').waitFor({ state: 'visible' });
    expect(await sl.getByTestId('transfers-given').innerText()).toContain('Berlin');

    await until('chair sees the transfer', text(chair.page.getByTestId(`land-row-${TRANSFER.to}`)), (t) => t.includes('Saarland'));
    await delegates[TRANSFER.to].page.getByTestId('transfers-held').waitFor({ state: 'visible' });
    // Transfer does not make Saarland present (R-VOT-3 interpretation): still 12.
    expect(await chair.page.getByTestId('land-row-SL').getAttribute('data-presence')).toBe('absent');
  }, 30_000);

  it('R-SES-4: the session goes public by its decision; the room screen shows the QR code and address of the public view, which a visitor opens', async () => {
    await chair.page.locator('.vote-panel form input[type="radio"][value="setPublic"]').check();
    await chair.page.getByTestId('open-vote').click();
    await waitForOpenVote(chair.page, 'open-vote-panel');
    await screenIs('voteOpen', null);
    // Two thirds of the 13 in the electorate suffice (R-SES-4: consensus, else two-thirds majority).
    for (const land of PRESENT.slice(0, 9)) { await waitForOpenVote(delegates[land].page, `ballot-${land}`); await vote(delegates[land], land, 'yes'); }
    await closeVote(chair.page);
    await screenIs('result', null);
    const link = screen.page.getByTestId('public-link');
    await link.getByTestId('public-qr').waitFor({ state: 'visible' });
    const address = (await link.locator('.screen-public-url').innerText()).trim();
    expect(address).toBe(`${new URL(server.baseUrl).host}/public/${DEMO_MEETING_ID}`);
    // A visitor types the short address: no cookie, no invitation.
    const context = await browser.newContext({ viewport: VIEWPORTS.screen, locale: 'de-DE', reducedMotion: 'reduce' });
    publicViewer = { name: 'public viewer', context, page: await context.newPage() };
    await publicViewer.page.goto(`http://${address}`, { waitUntil: 'domcontentloaded' });
    await publicViewer.page.getByTestId('public-view').waitFor({ state: 'visible' });
    await until('public viewer online', attr(publicViewer.page.getByTestId('connection-status'), 'data-status'), (v) => v === 'online');
    await screenshot(screen.page, '05-screen-public-qr');
    mark('session public');
  }, 90_000);

  it('R-VOT-2: TOP 6 — 9 yes, 2 no, 1 abstain, and Saarland yes cast by Berlin → base 13, needed 9, yes 10 → adopted everywhere', async () => {
    // The chair calls up TOP 6 and opens the vote on it.
    await chair.page.getByTestId('agenda-item-top-6').getByRole('button').first().click();
    await screenIs('itemCalled', 'top-6');
    await openVote(chair.page, 'resolution', 'top-6');
    await waitForOpenVote(chair.page, 'open-vote-panel');
    await screenIs('voteOpen', 'top-6');
    for (const land of PRESENT) await waitForOpenVote(delegates[land].page, `ballot-${land}`);
    await waitForOpenVote(delegates[TRANSFER.to].page, `ballot-${TRANSFER.from}`);
    // The transferring Land's own phone shows it has no ballot of its own now.
    expect(await delegates[TRANSFER.from].page.getByTestId(`ballot-${TRANSFER.from}`).count()).toBe(0);
    await screenshot(delegates.BE.page, '03-delegate-BE-ballots-own-and-transferred');
    mark('TOP 6 opened');

    // Keyboard only: Tab to the yes button of its own ballot, past it and back with Shift+Tab, then Space.
    const kb = delegates[KEYBOARD_LAND].page;
    await tabTo(kb, `ballot-${KEYBOARD_LAND}/vote-yes`);
    await kb.keyboard.press('Tab');
    expect(await focusOn(kb)).toBe(`ballot-${KEYBOARD_LAND}/vote-no`);
    await kb.keyboard.press('Shift+Tab');
    expect(await focusOn(kb)).toBe(`ballot-${KEYBOARD_LAND}/vote-yes`);
    await kb.keyboard.press('Space');
    const kbYes = kb.getByTestId(`ballot-${KEYBOARD_LAND}`).getByTestId('vote-yes');
    await until('keyboard vote acknowledged', attr(kbYes, 'aria-pressed'), (v) => v === 'true');
    await kb.getByTestId(`vote-receipt-${KEYBOARD_LAND}`).waitFor({ state: 'visible' });
    mark('keyboard vote');

    // Offline while voting: the click happens without network; the vote waits on the phone and
    // goes out once when the network is back.
    const off = delegates[OFFLINE_LAND];
    const offStatus = off.page.getByTestId('connection-status');
    await networks[OFFLINE_LAND].goOffline();
    await until('offline shown', attr(offStatus, 'data-status'), (s) => s !== 'online');
    await off.page.getByTestId(`ballot-${OFFLINE_LAND}`).getByTestId('vote-yes').click();
    await off.page.getByTestId('pending-count').waitFor({ state: 'visible' });
    await screenshot(off.page, '04-delegate-HB-offline-vote-waiting');
    expect(await castsFor(OFFLINE_LAND)).toHaveLength(0);
    await networks[OFFLINE_LAND].goOnline();
    await until('back online', attr(offStatus, 'data-status'), (s) => s === 'online', 30_000);
    await off.page.getByTestId(`vote-receipt-${OFFLINE_LAND}`).waitFor({ state: 'visible', timeout: 30_000 });
    await off.page.getByTestId('pending-count').waitFor({ state: 'detached' });
    mark('offline vote');

    // The answer is lost: the vote reaches the server, the acknowledgement does not; the network
    // drops; after reconnecting the phone resends with the same key and is told it was counted.
    const lost = delegates[LOST_ANSWER_LAND];
    networks[LOST_ANSWER_LAND].loseAnswers = true;
    await lost.page.getByTestId(`ballot-${LOST_ANSWER_LAND}`).getByTestId('vote-yes').click();
    await until('the server has the vote', () => castsFor(LOST_ANSWER_LAND), (c) => c.length === 1);
    expect(await lost.page.getByTestId('pending-count').isVisible()).toBe(true);
    await networks[LOST_ANSWER_LAND].goOffline();
    await networks[LOST_ANSWER_LAND].goOnline();
    await lost.page.getByTestId(`vote-receipt-${LOST_ANSWER_LAND}`).waitFor({ state: 'visible', timeout: 30_000 });
    await lost.page.getByTestId('pending-count').waitFor({ state: 'detached', timeout: 30_000 });
    mark('lost-answer vote');

    // The others click.
    const yes = PRESENT.filter((l) => ![KEYBOARD_LAND, OFFLINE_LAND, LOST_ANSWER_LAND, 'NW', 'RP', 'SN'].includes(l));
    for (const land of yes) await vote(delegates[land], land, 'yes');
    await vote(delegates.NW, 'NW', 'no');
    await vote(delegates.RP, 'RP', 'no');
    await vote(delegates.SN, 'SN', 'abstain');
    // Berlin casts Saarland's vote separately from its own.
    await vote(delegates[TRANSFER.to], TRANSFER.from, 'yes');

    await until('chair tally yes 10', attr(chair.page.getByTestId('tally-yes'), 'data-count'), (v) => v === '10');
    expect(await chair.page.getByTestId('tally-no').getAttribute('data-count')).toBe('2');
    expect(await chair.page.getByTestId('tally-abstain').getAttribute('data-count')).toBe('1');
    expect(await chair.page.getByTestId(`ballot-row-${TRANSFER.from}`).innerText()).toContain('Berlin');
    await until('screen shows 13 of 13 voted', text(screen.page.getByTestId('voted-lands')), (t) => t.includes('13'));
    mark('clicked votes');
    await screenshot(chair.page, '05-chair-vote-open-top6');
    await screenshot(screen.page, '05-screen-vote-open-top6');

    await closeVote(chair.page);
    const views = [chair, screen, ...PRESENT.map((l) => delegates[l]), delegates[TRANSFER.from]];
    for (const person of views) {
      const shown = await outcomeOn(person.page);
      expect(shown, person.name).toMatchObject({ outcome: 'adopted', word: 'Angenommen' });
      expect(shown.explanation, person.name).toContain('Basis 13, erforderlich 9, Ja 10, Nein 2, Enthaltung 1');
      expect(shown.explanation, person.name).toContain('angenommen');
    }
    await screenIs('result', 'top-6');
    await screenshot(chair.page, '06-chair-top6-adopted');
    // The screen with the result at a projector's, a laptop's and half a video call's size: in one
    // screen, all 16 Länder without scrolling.
    for (const [w, h] of [[1920, 1080], [1280, 720], [640, 720]]) {
      await screen.page.setViewportSize({ width: w, height: h });
      // Sizes that follow the window settle a few frames after the resize on a loaded machine.
      const lands = await until(`16 Länder inside ${w}×${h}`, () => allInViewport(screen.page, '[data-testid="land-choices"] li'), (v) => v.outside.length === 0, 5_000).catch(() => allInViewport(screen.page, '[data-testid="land-choices"] li'));
      expect(lands, `screen ${w}×${h}`).toMatchObject({ count: 16, outside: [], scrollY: 0 });
      await screenshot(screen.page, `06-screen-top6-adopted-${w}x${h}`);
    }
    await screen.page.setViewportSize(VIEWPORTS.screen);
    await screenshot(delegates.SN.page, '06-delegate-SN-top6-adopted');
    mark('TOP 6 closed, outcome on 16 pages');
  }, 120_000);

  it('R-MEM-2: the vote sent while offline and the vote whose answer was lost are each counted once (server record)', async () => {
    const events = await exportEvents();
    const opened = events.filter((e) => e.event.type === 'VoteOpened').at(-1)!.event as { voteId: string };
    const casts = events.filter((e) => e.event.type === 'VoteCast' && (e.event as { voteId: string }).voteId === opened.voteId);
    for (const land of [OFFLINE_LAND, LOST_ANSWER_LAND]) expect(casts.filter((e) => (e.event as { land: string }).land === land), land).toHaveLength(1);
    // Every Land of the electorate once: 12 present + Saarland by transfer.
    expect(casts.map((e) => (e.event as { land: string }).land).sort()).toEqual([...PRESENT, TRANSFER.from].sort());
    const closed = events.find((e) => e.event.type === 'VoteClosed' && (e.event as { voteId: string }).voteId === opened.voteId)!.event as { explanation: { base: number; needed: number; yes: number; outcome: string } };
    expect(closed.explanation).toMatchObject({ base: 13, needed: 9, yes: 10, outcome: 'adopted' });
  }, 30_000);

  it('WCAG 2.1 AA (axe): office, chair, delegate and screen, in German and English, have no serious or critical violations (in English: "Adopted")', async () => {
    await a11y(office, 'office');
    await a11y(chair, 'chair');
    await a11y(delegates.BE, 'delegate');
    await a11y(screen, 'screen');
    mark('axe');
    for (const s of axe) expect(s.serious + s.critical, `${s.view}/${s.lang}: ${s.findings.map((f) => `${f.id} ${f.targets.join(',')}`).join('; ')}`).toBe(0);
  }, 240_000); // eight axe runs (four views, two languages)

  it('R-VOT-2, R-VOT-5: TOP 7 — 3 yes, 4 no, 3 abstentions (on a 320×568 phone, across a planned restart and a kill -9), a late check-in told why → base 13, needed 9 → rejected everywhere', async () => {
    await chair.page.getByTestId('agenda-item-top-7').getByRole('button').first().click();
    await screenIs('itemCalled', 'top-7');
    await openVote(chair.page, 'resolution', 'top-7');
    await waitForOpenVote(chair.page, 'open-vote-panel');
    await screenIs('voteOpen', 'top-7');

    // Berlin on a small phone (320×568): its own ballot and Saarland's, both cast without scrolling.
    const be = delegates[TRANSFER.to].page;
    await be.setViewportSize(VIEWPORTS.smallPhone);
    await waitForOpenVote(be, `ballot-${TRANSFER.from}`);
    await be.evaluate(() => window.scrollTo(0, 0));
    const buttons = '[data-testid^="ballot-"] button';
    expect(await allInViewport(be, buttons), 'ballot buttons at 320×568').toMatchObject({ count: 6, outside: [], scrollY: 0 });
    await be.getByTestId('vote-alert').waitFor({ state: 'visible' });
    expect(await be.title()).toMatch(/^● Abstimmung:/);
    await screenshot(be, '07-delegate-BE-320x568-two-ballots');
    await vote(delegates[TRANSFER.to], TRANSFER.to, 'yes');
    await vote(delegates[TRANSFER.to], TRANSFER.from, 'abstain');
    expect(await allInViewport(be, buttons), 'still no scrolling after both votes').toMatchObject({ count: 6, outside: [], scrollY: 0 });
    await be.getByTestId('vote-alert').waitFor({ state: 'detached' });
    await screenshot(be, '07-delegate-BE-320x568-both-cast');
    await be.setViewportSize(VIEWPORTS.phone);
    await waitForOpenVote(delegates.BB.page, 'ballot-BB');
    await vote(delegates.BB, 'BB', 'yes');

    // R-VOT-5: Thüringen checks in while the round is open: it is told why it has no ballot now,
    // and the screen says it was not present at the opening (not "absent").
    const th = delegates.TH;
    await checkIn(th, 'remote');
    await th.page.getByTestId('late-check-in').waitFor({ state: 'visible' });
    expect(await th.page.getByTestId('late-check-in').innerText()).toContain('nach Eröffnung dieser Abstimmung');
    expect(await th.page.getByTestId('ballot-TH').count()).toBe(0);
    await until('screen: Thüringen not entitled in this round', text(screen.page.getByTestId('not-entitled-TH')), (t) => t.includes('bei Eröffnung nicht anwesend'));
    await screenshot(th.page, '07-delegate-TH-late-check-in');
    // The keyboard-only delegate again, this time with Enter.
    const kb = delegates[KEYBOARD_LAND].page;
    await waitForOpenVote(kb, `ballot-${KEYBOARD_LAND}`);
    await tabTo(kb, `ballot-${KEYBOARD_LAND}/vote-yes`);
    await kb.keyboard.press('Enter');
    await until('keyboard vote (Enter) acknowledged', attr(kb.getByTestId(`ballot-${KEYBOARD_LAND}`).getByTestId('vote-yes'), 'aria-pressed'), (v) => v === 'true');
    for (const land of ['BY', 'HB', 'HH', 'HE'] as LandCode[]) { await waitForOpenVote(delegates[land].page, `ballot-${land}`); await vote(delegates[land], land, 'no'); }
    // The delegate's ballot while a round is open, checked by axe too (not only the result).
    // The views while a round is open (ballot, live tally, Länder chips), checked by axe too.
    for (const [person, view] of [[delegates.MV, 'delegate (vote open)'], [chair, 'chair (vote open)'], [screen, 'screen (vote open)']] as const) {
      const open = await checkAccessibility(person.page, view, 'de');
      axe.push(open);
      expect(open.serious + open.critical, `${view}: ${open.findings.map((f) => `${f.id} ${f.targets.join(',')}`).join('; ')}`).toBe(0);
    }
    await until('chair tally no 4', attr(chair.page.getByTestId('tally-no'), 'data-count'), (v) => v === '4');
    mark('TOP 7 votes');

    // A planned restart (SIGTERM: the server closes every socket, "io server disconnect") and a
    // crash (kill -9), each while the vote is open and a phone taps its vote with the server down:
    // every page reconnects by itself, without a reload, and the queued vote is counted once.
    const everyone = [office, chair, screen, publicViewer, ...ALL_LANDS.map((l) => delegates[l])];
    for (const p of everyone) await p.page.evaluate(() => { (window as unknown as { plenumLoaded: boolean }).plenumLoaded = true; });
    for (const [signal, land] of [['SIGTERM', 'MV'], ['SIGKILL', 'NI']] as const) {
      const phone = delegates[land];
      await server.restart(signal, async () => {
        for (const p of [phone, chair, screen]) await until(`${p.name} sees the server gone (${signal})`, attr(p.page.getByTestId('connection-status'), 'data-status'), (v) => v !== 'online');
        for (const p of [screen, publicViewer]) await until(`${p.name} says it is offline`, async () => p.page.getByTestId('offline-banner').isVisible(), (v) => v);
        await phone.page.getByTestId(`ballot-${land}`).getByTestId('vote-abstain').click();
        await phone.page.getByTestId('pending-count').waitFor({ state: 'visible' });
      });
      for (const p of everyone) await until(`${p.name} online again after ${signal}`, attr(p.page.getByTestId('connection-status'), 'data-status'), (v) => v === 'online', 30_000);
      await phone.page.getByTestId(`vote-receipt-${land}`).waitFor({ state: 'visible', timeout: 30_000 });
      await phone.page.getByTestId('pending-count').waitFor({ state: 'detached', timeout: 30_000 });
      expect(await castsFor(land), `${land} after ${signal}`).toHaveLength(1);
      expect(await screen.page.getByTestId('offline-banner').count()).toBe(0);
      mark(`${signal} restart`);
    }
    for (const p of everyone) expect(await p.page.evaluate(() => (window as unknown as { plenumLoaded?: boolean }).plenumLoaded), `${p.name} not reloaded`).toBe(true);
    await until('chair tally abstain 3', attr(chair.page.getByTestId('tally-abstain'), 'data-count'), (v) => v === '3');
    await closeVote(chair.page);
    await screenIs('result', 'top-7');
    // R-MEM-2: after the close the phone keeps what was counted.
    expect(await be.getByTestId(`final-receipt-${TRANSFER.from}`).innerText()).toContain('Ihre Stimme für Saarland: Enthaltung – gezählt');
    await checkOut(th);
    for (const person of [chair, screen, delegates.BY, delegates.MV]) {
      const shown = await outcomeOn(person.page);
      expect(shown, person.name).toMatchObject({ outcome: 'rejected', word: 'Abgelehnt' });
      expect(shown.explanation).toContain('Basis 13, erforderlich 9, Ja 3, Nein 4');
    }
    await screenshot(screen.page, '07-screen-top7-rejected');
    mark('TOP 7');
  }, 240_000);

  it('R-AGD-2: the short-notice TOP 11 is admitted by simple majority (3 yes, 1 no), and the agenda says so', async () => {
    const page = chair.page;
    await openVote(page, 'admitShortNotice', { label: `${SHORT_NOTICE.number} ${SHORT_NOTICE.title}` });
    await waitForOpenVote(page, 'open-vote-panel');
    // The screen titles the round by the item it is about (TOP 11), not by the item called (TOP 7).
    await until('screen: admission vote on TOP 11', text(screen.page.getByTestId('screen-item')), (t) => t.includes(SHORT_NOTICE.number));
    for (const [land, choice] of [['NI', 'yes'], ['NW', 'yes'], ['RP', 'yes'], ['SN', 'no']] as const) {
      await waitForOpenVote(delegates[land].page, `ballot-${land}`);
      await vote(delegates[land], land, choice);
    }
    await closeVote(page);
    const shown = await outcomeOn(page);
    expect(shown).toMatchObject({ outcome: 'adopted', word: 'Angenommen' });
    expect(shown.explanation).toContain('Ja 3, Nein 1');
    expect(shown.explanation).toContain('einfache Mehrheit');
    const item = page.locator('.agenda-panel li', { hasText: SHORT_NOTICE.number });
    await until('TOP 11 admitted on the chair agenda', text(item), (t) => t.includes('kurzfristig angemeldet – zugelassen'));
    mark('TOP 11 admitted');
  }, 60_000);

  it('R-AGD-3: TOP 9 (Bundesrat) refuses a substantive vote until the procedural vote passes, then opens it', async () => {
    const page = chair.page;
    await page.getByTestId('agenda-item-top-9').getByRole('button').first().click();
    await openVote(page, 'resolution', 'top-9');
    const refusal = page.locator('.vote-panel').getByTestId('error');
    await refusal.waitFor({ state: 'visible' });
    expect(await refusal.getAttribute('data-code')).toBe('agenda.bundesratProcedureRequired');
    expect(await refusal.innerText()).toContain('Verfahrensbeschluss mit Zweidrittelmehrheit');
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('open-vote-panel').count()).toBe(0);
    await screenshot(page, '08-chair-top9-refused');

    await openVote(page, 'bundesratProcedure', 'top-9');
    await waitForOpenVote(page, 'open-vote-panel');
    const yes = PRESENT.slice(0, 9);
    for (const land of yes) { await waitForOpenVote(delegates[land].page, `ballot-${land}`); await vote(delegates[land], land, 'yes'); }
    await until('chair tally yes 9', attr(page.getByTestId('tally-yes'), 'data-count'), (v) => v === '9');
    await closeVote(page);
    const procedural = await outcomeOn(page);
    expect(procedural).toMatchObject({ outcome: 'adopted', word: 'Angenommen' });
    expect(procedural.explanation).toContain('Basis 13, erforderlich 9, Ja 9');
    expect(await page.getByTestId('outcome').first().locator('.outcome-motion').innerText()).toContain('Verfahrensbeschluss (Bundesrat): TOP 9');
    // The agenda now shows TOP 9 as cleared.
    await until('TOP 9 cleared on the agenda', text(page.getByTestId('agenda-item-top-9')), (t) => t.includes('Verfahrensbeschluss gefasst'));

    // Now the substantive vote opens.
    await openVote(page, 'resolution', 'top-9');
    await waitForOpenVote(page, 'open-vote-panel');
    expect(await page.locator('.vote-panel').getByTestId('error').count()).toBe(0);
    expect(await page.locator('.vote-motion').innerText()).toContain('Beschluss: TOP 9');
    await waitForOpenVote(delegates.RP.page, 'ballot-RP');
    await screenshot(page, '09-chair-top9-substantive-open');
    await screenshot(delegates.RP.page, '09-delegate-RP-top9-ballot');
    await page.getByTestId('cancel-vote').click();
    // Cancelling discards votes: the console asks first, naming that consequence.
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain('Abstimmung abbrechen?');
    await page.getByTestId('confirm-ok').click();
    await until('cancelled', attr(page.getByTestId('outcome').first(), 'data-outcome'), (v) => v === 'cancelled');
    mark('TOP 9');
  }, 90_000);

  it('R-SES-2: the chair closes the session; the screen says so instead of the last result', async () => {
    // A closed session cannot be reopened: the console asks first and names the items left.
    // "Zurück" (the focused, safe choice) prevents an accidental close.
    await chair.page.getByRole('button', { name: 'Sitzung schließen' }).click();
    const question = chair.page.getByTestId('confirm-dialog');
    expect(await question.innerText()).toMatch(/Tagesordnungspunkte sind nicht behandelt: .*TOP 5/);
    expect(await chair.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-cancel');
    await chair.page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await chair.page.getByTestId('session-status').innerText()).toBe('eröffnet');
    await chair.page.getByRole('button', { name: 'Sitzung schließen' }).click();
    await chair.page.getByTestId('confirm-ok').click();
    await until('screen: session closed', screenShows, (v) => v.state === 'closed');
    expect(await screen.page.getByTestId('screen-closed').innerText()).toContain('Die Sitzung ist geschlossen.');
    expect(await screen.page.getByTestId('outcome').count()).toBe(0);
    await screenshot(screen.page, '10-screen-session-closed');
  }, 30_000);
});
