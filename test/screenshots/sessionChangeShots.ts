/**
 * Screenshots of a session the office moved in the conference (R-SES-1): a delegate's phone
 * (390×844, 320×568) and the chair console (1440×900) on the moved session, with the new date, the
 * old one and the reason; and the format (R-SES-2) on the chair's session panel. Run:
 *   node --import tsx test/screenshots/sessionChangeShots.ts [outDir]
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { addCalendarDays } from '@plenum/shared';
import { redeem } from '../../server/test/helpers.ts';
import { openPage, screenshotRun, shootTo } from './pages.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const shoot = (p: Page, name: string) => shootTo(outDir, p, name);

async function main() {
  await screenshotRun(outDir, async ({ browser, link }) => {
    const base = new URL(link('office')).origin;
    const office = await redeem(base, link('office').split('/i/')[1]);
    const post = (command: unknown) => fetch(`${base}/api/between/conference/dmk`, {
      method: 'POST', headers: { cookie: office, origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ command }),
    });
    const home = await (await fetch(`${base}/api/conference`, { headers: { cookie: office } })).json() as { sessions: { id: string; phase: string; date: string }[] };
    const next = home.sessions.find((s) => s.phase === 'upcoming')!;
    // Four weeks later, the same weekday.
    const moved = await post({ type: 'rescheduleSession', sessionId: next.id, date: addCalendarDays(next.date, 28), place: 'Wiesbaden', format: 'telephone', reason: 'Terminkollision mit der Ministerpräsidentenkonferenz' });
    if (moved.status !== 200) throw new Error(`reschedule refused: ${await moved.text()}`);
    for (const [width, height] of [[390, 844], [320, 568]]) {
      const phone = await openPage(browser, link('delegate', 'p-BE-member'), { width, height });
      // The demo session (planned, earlier) is where the link lands: the person switches to the moved one.
      await phone.getByTestId('session-switcher').selectOption(next.id);
      await phone.getByTestId('session-rescheduled').waitFor().catch(async () => {
        await phone.screenshot({ path: `${outDir}/debug-phone.png` });
        throw new Error(`no notice on ${phone.url()}`);
      });
      await shoot(phone, `session-moved-phone-${width}x${height}`);
      await phone.close();
    }
    const chair = await openPage(browser, link('chair'), { width: 1440, height: 900 });
    await chair.getByTestId('session-switcher').selectOption(next.id);
    await chair.getByTestId('session-rescheduled').waitFor();
    await shoot(chair, 'session-moved-chair-1440x900');
    await chair.getByRole('tab', { name: 'Sitzung und Aufzeichnung' }).click();
    await chair.getByTestId('session-format').scrollIntoViewIfNeeded();
    await shoot(chair, 'session-moved-chair-panel-1440x900');
  });
}

main().catch((err) => { console.error(err); process.exit(1); });
