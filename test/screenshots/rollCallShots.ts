/**
 * Screenshots of a roll call as the room and the phones see it (R-VOT-7 / R-SES-2): the chair
 * calling Hessen (1440×900), the room screen (1920×1080, 640×720), Hessen's phone (390, 320 px),
 * the phone without a connection, the office's tables, and the public view after the close. Run:
 *   node --import tsx test/screenshots/rollCallShots.ts [outDir]
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { socketPerson } from '../e2e/support/socketPerson.ts';
import { openPage, screenshotRun, shootTo } from './pages.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

const page = (browser: Browser, url: string, viewport: { width: number; height: number }) => openPage(browser, url, viewport);
const shoot = (p: Page, name: string) => shootTo(outDir, p, name);

/** The chair's keys on the focused row of her roll-call table, one after the other. */
async function press(p: Page, keys: string) {
  for (const key of keys) await p.keyboard.press(key);
}

async function main() {
  await screenshotRun(outDir, async ({ browser, server, link }) => {
    const chairActor = await socketPerson(server, link('chair'));
    const chair = await page(browser, link('chair'), { width: 1440, height: 900 });
    const office = await page(browser, link('office'), { width: 1440, height: 900 });
    const screen = await page(browser, link('screen'), { width: 1920, height: 1080 });
    const phone = await page(browser, link('delegate', 'p-HE-member'), { width: 390, height: 844 });
    await chairActor.send({ type: 'openSession' });
    await chairActor.send({ type: 'setCurrentItem', itemId: 'top-5' });

    // The attendance call: the chair at Hessen.
    await chair.getByTestId('attendance-call-toggle').click();
    await chair.getByTestId('attendance-row-BW').focus();
    await press(chair, 'rvttrv');
    await screen.getByTestId('screen-called').waitFor();
    await shoot(chair, 'roll-call-attendance-chair-1440x900');
    await shoot(screen, 'roll-call-attendance-screen-1920x1080');
    await phone.getByTestId('called-notice').waitFor();
    await shoot(phone, 'roll-call-attendance-phone-390x844');
    await press(chair, 'rrrrrrrrrr');
    await chair.getByTestId('attendance-call-toggle').click();
    // R-SES-4: make the session public (by a recorded show of hands) so the public view has a round.
    const pubVote = (await chairActor.send({ type: 'openVote', motion: { kind: 'setPublic', public: true } })).data.events.find((e: any) => e.event.type === 'VoteOpened').event.voteId;
    for (const land of LANDS) await chairActor.send({ type: 'recordVote', voteId: pubVote, land, choice: 'yes', mode: 'showOfHands' });
    await chairActor.send({ type: 'closeVote', voteId: pubVote });
    const pub = await page(browser, `${server.baseUrl}/public/${chairActor.meetingId}`, { width: 1920, height: 1080 });

    // A vote's roll call; Hessen's phone votes on its own.
    const voteId = (await chairActor.send({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } })).data.events.find((e: any) => e.event.type === 'VoteOpened').event.voteId;
    await phone.getByTestId('vote-no').click();
    await chair.getByTestId('roll-call-toggle').click();
    await chair.getByTestId('roll-call-row-BW').focus();
    await press(chair, 'jjnjje');
    await screen.locator('[data-testid="screen-called"][data-land="HE"]').waitFor();
    await shoot(chair, 'roll-call-vote-chair-1440x900');
    await shoot(screen, 'roll-call-vote-screen-1920x1080');
    await screen.setViewportSize({ width: 640, height: 720 });
    await shoot(screen, 'roll-call-vote-screen-640x720');
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await shoot(pub, 'roll-call-vote-public-1920x1080');
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shoot(phone, 'roll-call-vote-phone-390x844');
    await phone.setViewportSize({ width: 320, height: 568 });
    await shoot(phone, 'roll-call-vote-phone-320x568');
    // The office's tables, at the chair's side.
    await office.getByTestId('office-roll-call').scrollIntoViewIfNeeded();
    await office.getByTestId('office-roll-call').getByTestId('roll-call-toggle').click();
    await office.getByTestId('roll-call-row-HE').waitFor();
    await office.getByTestId('office-roll-call').scrollIntoViewIfNeeded();
    await shoot(office, 'roll-call-vote-office-1440x900');

    // The phone loses its connection (the browser goes offline), taps a choice, and comes back.
    await phone.context().setOffline(true);
    await phone.getByTestId('connection-banner').waitFor({ timeout: 30_000 });
    await phone.getByTestId('vote-abstain').click();
    await shoot(phone, 'phone-offline-320x568');
    await phone.setViewportSize({ width: 390, height: 844 });
    await shoot(phone, 'phone-offline-390x844');
    await phone.context().setOffline(false);
    await phone.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 60_000 });
    await shoot(phone, 'phone-back-online-390x844');

    await press(chair, 'jjjjjjjjjj');
    await chairActor.send({ type: 'closeVote', voteId });
    await pub.getByTestId('land-choices').waitFor();
    await shoot(pub, 'roll-call-result-public-1920x1080');
    await pub.setViewportSize({ width: 640, height: 720 });
    await shoot(pub, 'roll-call-result-public-640x720');
    await pub.setViewportSize({ width: 390, height: 844 });
    await shoot(pub, 'roll-call-result-public-390x844');
  });
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
