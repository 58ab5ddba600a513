import type { Browser } from 'playwright-core';
import type { LandCode } from '@plenum/shared';
import { chromiumAvailability, launchChromium } from './support/chromium.ts';
import { buildClientIfStale } from './support/build.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { arrive, type Person } from './support/people.ts';
import { attr, checkIn, focusOn, openVote, outcomeOn, tabTo, text, until, vote, waitForOpenVote } from './support/actions.ts';
import { pdfText } from './support/pdfText.ts';
import { screenshot } from './support/artifacts.ts';
import { checkAccessibility } from './support/axe.ts';

/** The 16 Länder in the order of the protocol (the chair calls them in this order). */
const LANDS: LandCode[] = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];
/** The one Land whose delegate also votes on a phone, differently from what is declared aloud. */
const PHONE_LAND: LandCode = 'HE';
/** Attendance by roll call: the key the chair presses per Land (R room, V video, T telephone); Hessen checked in itself. */
const ATTENDANCE_KEYS: Partial<Record<LandCode, 'r' | 'v' | 't'>> = {
  BW: 'r', BY: 'v', BE: 'r', BB: 'r', HB: 't', HH: 'v', MV: 't', NI: 'v', NW: 'r', RP: 't', SL: 't', SN: 'v', ST: 't', SH: 'v', TH: 't',
};
const ATTENDANCE_OF = { r: 'room', v: 'video', t: 'telephone' } as const;

const availability = chromiumAvailability();

if (availability.kind === 'fail') {
  describe('browser: roll call', () => {
    it('needs Chromium in CI', () => {
      throw new Error(availability.message);
    });
  });
}

/**
 * R-VOT-7 in the browser, a hybrid session mostly by telephone and video:
 * 1. attendance by roll call (R-SES-2): the chair records 15 Länder by keyboard (R/V/T), in
 *    protocol order, skipping Hessen, whose delegate checked in from the phone;
 * 2. during one vote the chair records all 16 Länder by keyboard (J on each row), while Hessen's
 *    delegate taps "Nein" on the phone first; the phone then shows "Vom Vorsitz erfasst: Ja", and the
 *    delegate corrects it to "Enthaltung" (the last entry counts; the conflict stays on record);
 * 3. the room screen follows the roll call (which Länder are recorded, marked "Aufruf" / "Gerät",
 *    never a choice while open) and after the close shows per Land where its vote came from;
 * 4. the phone's receipt says the device entry counted; the PDF and Markdown protocol say per Land
 *    "Namentlicher Aufruf" or "am Gerät", and the conflict.
 */
describe.skipIf(availability.kind !== 'found')('roll call: attendance and 16 Länder recorded by keyboard while a phone votes', () => {
  let server: RunningServer;
  let browser: Browser;
  let chair: Person;
  let phone: Person;
  let screen: Person;
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
    await browser?.close().catch(() => {});
    await server?.stop();
  }, 60_000);

  it('R-VOT-7: attendance by roll call; 16 Länder recorded by keyboard; Hessen\'s phone sees the record and corrects it; the screen follows; the conflict is on the console and in the protocol', async () => {
    chair = await arrive(browser, 'chair', linkFor('chair'), { width: 1440, height: 900 });
    phone = await arrive(browser, PHONE_LAND, linkFor('delegate', `p-${PHONE_LAND}-member`), { width: 390, height: 844 });
    screen = await arrive(browser, 'screen', linkFor('screen'), { width: 1920, height: 1080 });
    const page = chair.page;
    await until('chair connected', attr(page.getByTestId('connection-status'), 'data-status'), (s) => s === 'online');
    await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
    await until('session open', text(page.getByTestId('session-status')), (t) => t === 'eröffnet');

    // 1. Hessen checks in from its phone (remote); the chair calls the roll for the other 15, keyboard only.
    await checkIn(phone, 'remote');
    await tabTo(page, '/attendance-call-toggle');
    await page.keyboard.press('Enter');
    await page.getByTestId('attendance-call').waitFor();
    await tabTo(page, '/attendance-row-BW');
    const attendanceStarted = Date.now();
    for (const land of LANDS) await page.keyboard.press(land === PHONE_LAND ? 'ArrowDown' : ATTENDANCE_KEYS[land]!);
    for (const land of LANDS.filter((l) => l !== PHONE_LAND)) {
      const expected = ATTENDANCE_OF[ATTENDANCE_KEYS[land]!];
      await until(`${land} present (${expected})`, attr(page.getByTestId(`attendance-row-${land}`), 'data-attendance'), (v) => v === expected);
    }
    console.log(`e2e attendance by roll call: 15 Länder recorded by keyboard in ${((Date.now() - attendanceStarted) / 1000).toFixed(1)} s`);
    expect(await page.getByTestId(`attendance-state-${PHONE_LAND}`).innerText()).toContain('zugeschaltet · selbst angemeldet');
    expect(await page.getByTestId('attendance-state-BY').innerText()).toContain('per Video · erfasst');
    await until('quorum 16', text(page.getByTestId('quorum').first()), (t) => t.includes('16 Länder anwesend'));
    expect(await page.getByTestId('attendance-call-summary').innerText()).toBe('16 Länder anwesend: 4 im Raum, 5 per Video, 6 per Telefon, 1 zugeschaltet');
    await screenshot(page, '12-chair-attendance-call');
    const axeAttendance = await checkAccessibility(page, 'chair (attendance by roll call)', 'de');
    expect(axeAttendance.findings, JSON.stringify(axeAttendance.findings)).toEqual([]);
    // The attendance call fits the laptop: its last row lies inside 1440×900.
    const lastAttendance = await page.getByTestId('attendance-row-TH').boundingBox();
    expect(lastAttendance!.y + lastAttendance!.height).toBeLessThanOrEqual(900);
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(1440);

    await page.getByTestId('agenda-item-top-5').getByRole('button').first().click();
    await openVote(page, 'resolution', 'top-5');
    await waitForOpenVote(page, 'open-vote-panel');
    await screen.page.getByTestId('screen-turnout').waitFor();

    // 2. Hessen's delegate taps "Nein" on the phone first.
    await waitForOpenVote(phone.page, `ballot-${PHONE_LAND}`);
    await vote(phone, PHONE_LAND, 'no');
    await until('screen: Hessen voted from a device', attr(screen.page.getByTestId(`voted-${PHONE_LAND}`), 'data-source'), (v) => v === 'device');

    // Keyboard only from here: Tab to "Stimmen mündlich erfassen", Enter, Tab to the first Land's row.
    await tabTo(page, '/roll-call-toggle');
    await page.keyboard.press('Enter');
    await page.getByTestId('roll-call').waitFor();
    await until('Hessen\'s device vote in its row', attr(page.getByTestId(`roll-call-row-${PHONE_LAND}`), 'data-choice'), (v) => v === 'no');
    expect(await page.getByTestId(`roll-call-state-${PHONE_LAND}`).innerText()).toContain('vom Gerät');
    await tabTo(page, '/roll-call-row-BW');
    expect(await focusOn(page)).toBe('/roll-call-row-BW');

    // Half the roll call: the screen shows the recorded Länder as they come, no choice.
    // R-VOT-7: the row the chair is on is called: the screen says so, and Hessen's phone.
    for (let i = 0; i < 6; i++) await page.keyboard.press('j');
    expect(await focusOn(page)).toBe(`/roll-call-row-${PHONE_LAND}`);
    await until('screen: Hessen called', attr(screen.page.getByTestId('screen-called'), 'data-land'), (v) => v === PHONE_LAND);
    expect(await screen.page.getByTestId('screen-called').innerText()).toContain('Aufgerufen: Hessen');
    expect(await screen.page.getByTestId(`voted-${PHONE_LAND}`).getAttribute('data-called')).toBe('true');
    await until('phone: its Land called', attr(phone.page.getByTestId('called-notice'), 'data-land'), (v) => v === PHONE_LAND);
    expect(await phone.page.getByTestId('called-notice').innerText()).toContain('Ihr Land wird aufgerufen');
    for (let i = 6; i < 8; i++) await page.keyboard.press('j');
    await until('screen: Niedersachsen called', attr(screen.page.getByTestId('screen-called'), 'data-land'), (v) => v === 'NI');
    await until('screen: 8 declared orally', attr(screen.page.getByTestId('screen-turnout'), 'data-oral'), (v) => v === '8');
    expect(await screen.page.getByTestId('voted-HB').getAttribute('data-source')).toBe('rollCall');
    expect(await screen.page.getByTestId('voted-NI').getAttribute('data-voted')).toBe('false');
    expect(await screen.page.getByTestId('screen-vote').innerText()).not.toMatch(/\bJa\b|\bNein\b/);
    await screenshot(screen.page, '13-screen-roll-call-1920x1080');
    await screen.page.setViewportSize({ width: 640, height: 720 });
    await screenshot(screen.page, '13-screen-roll-call-640x720');
    const started = Date.now();
    for (let i = 8; i < LANDS.length; i++) await page.keyboard.press('j');
    for (const land of LANDS) {
      await until(`${land} recorded by roll call`, attr(page.getByTestId(`roll-call-row-${land}`), 'data-oral'), (v) => v === 'rollCall');
    }
    console.log(`e2e roll call: 16 Länder recorded by keyboard (the last 8 in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // The phone said "Nein", the chair recorded "Ja" afterwards: a conflict, and the last entry counts.
    await until('conflict flagged in Hessen\'s row', attr(page.getByTestId(`roll-call-row-${PHONE_LAND}`), 'data-conflict'), (v) => v === 'true');
    expect(await page.getByTestId(`roll-call-row-${PHONE_LAND}`).getAttribute('data-choice')).toBe('yes');
    // The 16 rows fit the laptop screen.
    const lastRow = await page.getByTestId('roll-call-row-TH').boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(900);
    // … and so does the button that closes the vote, beside them.
    const close = await page.getByTestId('close-vote').boundingBox();
    expect(close!.y + close!.height).toBeLessThanOrEqual(900);
    expect(await pageWidth()).toBeLessThanOrEqual(1440);
    await screenshot(page, '11-chair-roll-call');
    // The roll-call table is part of the console: WCAG 2.1 AA holds there too.
    const axe = await checkAccessibility(page, 'chair (roll call)', 'de');
    expect(axe.findings, JSON.stringify(axe.findings)).toEqual([]);

    // 3. Hessen's phone shows what the chair recorded, at once, and the delegate corrects it.
    const state = phone.page.getByTestId(`ballot-state-${PHONE_LAND}`);
    await until('phone: recorded by the chair', attr(state, 'data-source'), (v) => v === 'chair');
    expect(await state.innerText()).toContain('Vom Vorsitz erfasst: Ja');
    expect(await phone.page.getByTestId(`ballot-conflict-${PHONE_LAND}`).innerText()).toContain('Erfassung durch den Vorsitz');
    await screenshot(phone.page, '14-phone-recorded-by-chair-390');
    await phone.page.setViewportSize({ width: 320, height: 568 });
    await screenshot(phone.page, '14-phone-recorded-by-chair-320');
    const axePhone = await checkAccessibility(phone.page, 'phone (recorded by the chair)', 'de');
    expect(axePhone.findings, JSON.stringify(axePhone.findings)).toEqual([]);
    // The phone loses its connection (a real socket: the browser goes offline) as the delegate corrects:
    // a banner says the vote is not counted until confirmed; the tap waits; back online it is sent.
    await phone.page.context().setOffline(true);
    const banner = phone.page.getByTestId('connection-banner');
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await banner.innerText()).toContain('Keine Verbindung – Ihre Stimme wird erst gezählt, wenn sie bestätigt ist.');
    expect(await phone.page.getByTestId('connection-banner-region').getAttribute('role')).toBe('status');
    await phone.page.getByTestId(`ballot-${PHONE_LAND}`).getByTestId('vote-abstain').click();
    expect(await state.innerText()).toContain('Noch nicht gezählt');
    expect(await page.getByTestId(`roll-call-row-${PHONE_LAND}`).getAttribute('data-choice')).toBe('yes');
    await screenshot(phone.page, '14-phone-offline-320');
    await phone.page.context().setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    await until('phone: the correction counts', attr(state, 'data-source'), (v) => v === 'device');
    await phone.page.getByTestId(`vote-receipt-${PHONE_LAND}`).waitFor({ state: 'visible', timeout: 60_000 });
    await until('chair: Hessen corrected from the device', attr(page.getByTestId(`roll-call-row-${PHONE_LAND}`), 'data-choice'), (v) => v === 'abstain');
    expect(await page.getByTestId(`roll-call-row-${PHONE_LAND}`).getAttribute('data-oral')).toBe('device');

    await page.getByTestId('roll-call-toggle').press('Enter');
    expect(await page.getByTestId('vote-conflicts').innerText()).toContain('Hessen');
    const history = await page.getByTestId(`cast-by-${PHONE_LAND}`).innerText();
    expect(history).toMatch(/Mitglied Hessen: Nein[\s\S]*Ja \(mündlich: Namentlicher Aufruf[\s\S]*Mitglied Hessen: Enthaltung/);
    await until('tally yes 15', attr(page.getByTestId('tally-yes'), 'data-count'), (v) => v === '15');

    // All 16 voted, so closing asks nothing; the round is adopted.
    await page.getByTestId('close-vote').click();
    expect((await outcomeOn(page)).outcome).toBe('adopted');

    // 4. After the close: the receipt, the screen per Land, the protocol.
    const receipt = phone.page.getByTestId(`final-receipt-${PHONE_LAND}`);
    await receipt.waitFor();
    expect(await receipt.getAttribute('data-source')).toBe('device');
    expect(await receipt.innerText()).toContain('Ihre Stimme für Hessen: Enthaltung – gezählt (Eingabe am Gerät)');
    await screenshot(phone.page, '15-phone-receipt-320');
    await until('screen: result', attr(screen.page.getByTestId('screen-vote'), 'data-status'), (v) => v === 'closed');
    expect(await screen.page.getByTestId(`choice-${PHONE_LAND}`).getAttribute('data-source')).toBe('device');
    expect(await screen.page.getByTestId('choice-BW').innerText()).toMatch(/Ja\s*· Aufruf/);
    await screenshot(screen.page, '16-screen-roll-call-result-640x720');
    await screen.page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(screen.page, '16-screen-roll-call-result-1920x1080');
    const axeScreen = await checkAccessibility(screen.page, 'screen (result of a roll call)', 'de');
    expect(axeScreen.findings, JSON.stringify(axeScreen.findings)).toEqual([]);

    // The results protocol (its model, as the office and the chair read it) carries the conflict
    // and that 15 Länder' counting votes were declared by roll call, Hessen's from the device.
    const me = await (await chair.context.request.get(`${server.baseUrl}/api/me`)).json() as { meetingId: string };
    const base = `${server.baseUrl}/api/meetings/${encodeURIComponent(me.meetingId)}`;
    const res = await chair.context.request.get(`${base}/protocol.json`);
    expect(res.status()).toBe(200);
    type Lands = { land: string; choice: string | null; oral: string | null; conflict: boolean; differing: { choice: string; oral: string | null }[] }[];
    const protocol = await res.json() as { conflicts: { land: string }[]; items: { id: string; votes: { lands: Lands }[] }[] };
    expect(protocol.conflicts.map((c) => c.land)).toContain(PHONE_LAND);
    const round = protocol.items.find((i) => i.id === 'top-5')!.votes.at(-1)!;
    expect(round.lands.find((l) => l.land === PHONE_LAND)).toMatchObject({ choice: 'abstain', oral: null, conflict: true, differing: [{ choice: 'yes', oral: 'rollCall' }] });
    expect(round.lands.filter((l) => l.oral === 'rollCall')).toHaveLength(15);
    // The Markdown and the PDF say it in words.
    const md = await (await chair.context.request.get(`${base}/protocol.md`)).text();
    expect(md).toContain('| Berlin | Ja | Namentlicher Aufruf, erfasst von Vorsitz Berlin und Brandenburg |');
    expect(md).toContain('| Hessen | Enthaltung | am Gerät, abgegeben von Mitglied Hessen, abweichende Stimmen bei Abstimmungsschluss: nicht gezählt Ja (Namentlicher Aufruf, erfasst von Vorsitz Berlin und Brandenburg) |');
    expect(md).toMatch(/Mitglied Bayern \(Mitglied\): zugeschaltet per Video/);
    // The PDF is set in a worker that starts on the first request: on a loaded machine that takes a while.
    const pdf = await chair.context.request.get(`${base}/protocol.pdf`, { timeout: 90_000 });
    expect(pdf.status()).toBe(200);
    const flat = pdfText(await pdf.body()).replace(/\s+/g, ' ');
    expect(flat).toContain('Berlin Ja Namentlicher Aufruf, erfasst von Vorsitz Berlin und Brandenburg');
    expect(flat).toContain('TOP 5: Hessen – gezählt Enthaltung (am Gerät, abgegeben von Mitglied Hessen); nicht gezählt Ja (Namentlicher Aufruf');
  }, 240_000);
});
