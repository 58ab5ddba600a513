/**
 * Screenshots of every role at the sizes people use (docs/screenshots). Run:
 *   node --import tsx test/screenshots/take.ts [outDir]
 * Builds the client if stale, starts the demo server on a free port with an empty data folder,
 * drives a session through real Socket.IO clients (the 16 Länder), and photographs the chair
 * (1440×900), the room screen (1920×1080 and a 640×720 video-call half), a phone (390×844 and
 * 320×568), the office and /publications (320×568) in Debian's Chromium. Needs /usr/bin/chromium
 * (or CHROME_PATH). The Arbeitsgremium's views at 320, 390, 640×720, 1440×900 and 1920×1080 are
 * taken by test/e2e/arbeitsgremium.test.ts (support/artifacts.ts screenshotAtSizes), which drives
 * the meeting they show.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { socketPerson } from '../e2e/support/socketPerson.ts';
import { openPage, screenshotRun, shootTo } from './pages.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

const fontsLoaded = new Set<string>();
type Ack = { data?: any; error?: { code: string } };

const page = (browser: Browser, url: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') =>
  openPage(browser, url, viewport, { colorScheme, onFont: (name) => fontsLoaded.add(name) });
const shoot = (p: Page, name: string) => shootTo(outDir, p, name);

async function main() {
  await screenshotRun(outDir, async ({ browser, server, link }) => {
    const chairActor = await socketPerson(server, link('chair'));
    const delegates = Object.fromEntries(await Promise.all(LANDS.map(async (land) => [land, await socketPerson(server, link('delegate', `p-${land}-member`))] as const)));

    const chair = await page(browser, link('chair'), { width: 1440, height: 900 });
    const office = await page(browser, link('office'), { width: 1440, height: 900 });
    const screen = await page(browser, link('screen'), { width: 1920, height: 1080 });
    const phone = await page(browser, link('delegate', 'p-BE-member'), { width: 390, height: 844 });

    await chairActor.send({ type: 'openSession' });
    // 14 Länder present, Thüringen and Saarland absent; Saarland's vote goes to Berlin.
    for (const land of LANDS) {
      if (land === 'TH' || land === 'SL' || land === 'BE') continue;
      await delegates[land].send({ type: 'checkIn', mode: land === 'HB' || land === 'MV' ? 'remote' : 'room' });
    }
    await phone.getByTestId('check-in-room').click();
    await delegates.SL.send({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } });
    await chairActor.send({ type: 'setCurrentItem', itemId: 'top-5' });
    await delegates.NW.send({ type: 'requestFloor' });
    await delegates.HH.send({ type: 'requestFloor' });
    await delegates.BY.send({ type: 'requestFloor' });
    await chairActor.send({ type: 'giveFloor' });
    await shoot(office, 'office-1440x900');
    await shoot(screen, 'screen-item-1920');

    await chair.getByTestId('open-vote').click();
    await chair.getByTestId('close-vote').waitFor();
    const open = await currentVoteId(delegates.BW.socket, delegates.BW.meetingId);
    // The votes come in from the phones: 9 yes, 1 no, 1 abstain, Saarland's by Berlin; three still open.
    const choices: Record<string, string> = { BW: 'yes', BY: 'yes', BB: 'yes', HB: 'yes', HH: 'yes', HE: 'yes', NI: 'yes', NW: 'no', RP: 'abstain', SN: 'yes', ST: 'no' };
    for (const [land, choice] of Object.entries(choices)) await delegates[land].send({ type: 'castVote', voteId: open, land, choice });
    await delegates.BE.send({ type: 'castVote', voteId: open, land: 'SL', choice: 'yes' });
    await chair.evaluate(() => window.scrollTo(0, 0));
    await shoot(chair, 'chair-vote-1440x900');
    await shoot(screen, 'screen-vote-1920');
    await shoot(phone, 'phone-vote-390x844');
    await phone.setViewportSize({ width: 320, height: 568 });
    await shoot(phone, 'phone-vote-320x568');
    await screen.setViewportSize({ width: 640, height: 720 });
    await shoot(screen, 'screen-vote-640x720');
    await screen.setViewportSize({ width: 1920, height: 1080 });

    await chair.getByTestId('close-vote').click();
    await chair.getByTestId('confirm-dialog').waitFor();
    await shoot(chair, 'chair-confirm-close-1440x900');
    await chair.getByTestId('confirm-ok').click();
    await chair.getByTestId('outcome').waitFor();
    await shoot(chair, 'chair-result-1440x900');
    await chair.setViewportSize({ width: 1280, height: 800 });
    await shoot(chair, 'chair-result-1280x800');
    await shoot(screen, 'screen-result-1920');
    await screen.setViewportSize({ width: 1280, height: 720 });
    await shoot(screen, 'screen-result-1280x720');
    await screen.setViewportSize({ width: 1920, height: 1080 });
    const dark = await page(browser, link('screen'), { width: 1920, height: 1080 }, 'dark');
    await shoot(dark, 'screen-result-1920-dark');
    await shoot(phone, 'phone-result-320x568');

    const pubs = await page(browser, `${server.baseUrl}/publications`, { width: 320, height: 568 });
    await shoot(pubs, 'publications-320x568');
    console.log(`fonts loaded by the pages: ${[...fontsLoaded].sort().join(', ')}`);
  });
  process.exit(0);
}

/** The open round's id, read from a fresh snapshot. */
async function currentVoteId(socket: Socket, meetingId: string): Promise<string> {
  const res = await socket.emitWithAck('meeting:resync', { meetingId, lastSeq: 0 }) as Ack;
  const state = res.data.catchUp.state;
  const open = Object.values(state.votes ?? {}).find((v: any) => v.status === 'open') as { id: string } | undefined;
  if (!open) throw new Error('no open vote');
  return open.id;
}

main().catch((e) => { console.error(e); process.exit(1); });
