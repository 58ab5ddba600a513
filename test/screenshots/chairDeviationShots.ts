/**
 * Screenshots of the office recording a deviation from the chair rotation (R-CHR-3) in the
 * conference home: the form with the swap of two years and the agreement of all 16 Länder, then
 * the chair table with both years swapped, at 1440×900 and on a 390 px phone. Run:
 *   node --import tsx test/screenshots/chairDeviationShots.ts [outDir]
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage, screenshotRun, shootTo } from './pages.ts';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const shoot = (p: Page, name: string) => shootTo(outDir, p, name);

async function record(browser: Browser, url: string, viewport: { width: number; height: number }, size: string, swap: [string, string]) {
  const office = await openPage(browser, url, viewport);
  const form = office.getByTestId('chair-deviation-form');
  await form.getByLabel('Jahr', { exact: true }).fill(swap[0]);
  await form.getByLabel('Tausch mit Jahr').fill(swap[1]);
  await form.getByLabel('Beschluss und Begründung').fill(`Beschluss der DMK: Tausch ${swap[0]}/${swap[1]} wegen Landtagswahl`);
  await form.getByRole('button', { name: 'Alle 16 Länder' }).click();
  await office.locator('#conference-deviation').scrollIntoViewIfNeeded();
  await shoot(office, `chair-deviation-form-${size}`);
  await form.getByRole('button', { name: 'Abweichung festhalten' }).click();
  await office.getByText(`Der Tausch der Jahre ${swap[0]} und ${swap[1]} ist festgehalten.`).waitFor();
  await office.getByTestId('chair-table').locator(`tr[data-year="${swap[0]}"]`).scrollIntoViewIfNeeded();
  await shoot(office, `chair-deviation-table-${size}`);
  // What reaches past the right edge (none expected): the innermost such elements, named.
  const wide = await office.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > w + 1))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} in #${e.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? '?'}`);
  });
  console.log(`${size}: reaching past the right edge: ${wide.length ? wide.join(', ') : 'nothing'}`);
  await office.close();
}

async function main() {
  await screenshotRun(outDir, async ({ browser, link }) => {
    await record(browser, link('office'), { width: 1440, height: 900 }, '1440x900', ['2027', '2028']);
    await record(browser, link('office'), { width: 390, height: 844 }, '390x844', ['2030', '2031']);
  });
}

main().catch((err) => { console.error(err); process.exit(1); });
