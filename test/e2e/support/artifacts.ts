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
