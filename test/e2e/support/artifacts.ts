import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots go to test/e2e/artifacts/ (git-ignored), one PNG per view and moment. */
export const ARTIFACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Laptop and screen views as whole pages; a phone as its screen shows it (what the delegate sees). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  const phone = (page.viewportSize()?.width ?? 1000) < 600;
  await page.screenshot({ path, fullPage: !phone });
  return path;
}

/** The sizes every view is looked at (BITV / WCAG reflow at 320 CSS px, phones, a video-call half, laptop, projector). */
export const REVIEW_SIZES = [
  { width: 320, height: 640 }, { width: 390, height: 844 }, { width: 640, height: 720 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 },
] as const;

/** What one size showed: where its PNG is and how far the page scrolls sideways (0: it reflows). */
export interface SizeShot { name: string; path: string; sideways: number }

/**
 * The page at every review size, as whole pages (cut-off text shows anywhere on it), named
 * `<name>-<width>x<height>.png`; measures horizontal scrolling at each, and returns to the page's
 * own size afterwards.
 */
export async function screenshotAtSizes(page: Page, name: string): Promise<SizeShot[]> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const own = page.viewportSize();
  const shots: SizeShot[] = [];
  for (const size of REVIEW_SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const file = `${name}-${size.width}x${size.height}`;
    const path = join(ARTIFACTS_DIR, `${file}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push({ name: file, path, sideways });
  }
  if (own) await page.setViewportSize(own);
  return shots;
}
