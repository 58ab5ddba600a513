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

/** What one size showed: where its PNG is, how far the page scrolls sideways (0: it reflows), and what sticks out. */
export interface SizeShot { name: string; path: string; sideways: number; culprits: string[] }

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
    const { sideways, culprits } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The outermost elements that reach past the window (their parent does not): what to fix.
      const out = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 1
        && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1));
      return {
        sideways: document.documentElement.scrollWidth - width,
        culprits: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
      };
    });
    const file = `${name}-${size.width}x${size.height}`;
    const path = join(ARTIFACTS_DIR, `${file}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push({ name: file, path, sideways, culprits });
  }
  if (own) await page.setViewportSize(own);
  return shots;
}
