import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClientIfStale } from '../e2e/support/build.ts';
import { findChromium, launchChromium } from '../e2e/support/chromium.ts';
import { startServer, type RunningServer } from '../e2e/support/server.ts';

/**
 * A page as a person opens it: its own browser context (German, reduced motion), the invitation
 * redeemed through its form when the URL is a link, then settled. `onFont`: each web font it loads.
 */
export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number },
  options: { colorScheme?: 'light' | 'dark'; onFont?: (name: string) => void } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', reducedMotion: 'reduce', colorScheme: options.colorScheme ?? 'light' });
  const p = await context.newPage();
  p.on('pageerror', (e) => console.error(`page error at ${url}: ${e.message}`));
  if (options.onFont) p.on('response', (r) => { if (r.url().endsWith('.woff2')) options.onFont!(r.url().replace(/^.*\//, '')); });
  await p.goto(url, { waitUntil: 'domcontentloaded' });
  if (new URL(p.url()).pathname.startsWith('/i/')) {
    await Promise.all([
      p.waitForURL((u) => !u.pathname.startsWith('/i/'), { waitUntil: 'domcontentloaded' }),
      p.locator('main form button[type=submit]').click(),
    ]);
  }
  await p.waitForLoadState('networkidle');
  return p;
}

/** A PNG of what the page shows now, after a moment for live updates and fonts. */
export async function shootTo(outDir: string, p: Page, name: string): Promise<void> {
  await p.waitForTimeout(400);
  await p.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${name}.png`);
}

/**
 * A screenshot run: the client built if stale, the demo server on a free port with an empty data
 * folder, Debian's Chromium; `shots` gets the browser, the server and `link(role, participant)`,
 * and everything is stopped after it, however it ends.
 */
export async function screenshotRun(outDir: string, shots: (ctx: {
  browser: Browser; server: RunningServer; link: (role: string, participant?: string) => string;
}) => Promise<void>): Promise<void> {
  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium (apt-get install -y chromium, or CHROME_PATH)');
  mkdirSync(outDir, { recursive: true });
  buildClientIfStale();
  const server = await startServer({ expectedLinks: 19 });
  const browser = await launchChromium(chromium);
  try {
    const link = (role: string, participant?: string) => server.links.find((l) => l.role === role && (!participant || l.participantId === participant))!.url;
    await shots({ browser, server, link });
  } finally {
    await browser.close();
    await server.stop();
  }
}
