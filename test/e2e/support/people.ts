import type { Browser, BrowserContext, Page } from 'playwright-core';

/** One person at the session: a browser context of their own (own cookie jar) and one page. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  smallPhone: { width: 320, height: 568 },
  laptop: { width: 1280, height: 800 },
  screen: { width: 1280, height: 720 },
} as const;

/**
 * Redeems a personal invitation link as that person would: open it, press the page's button, let
 * the server set the session cookie and redirect (GET /i/:token → POST → 303 → / → the role's view).
 */
export async function arrive(
  browser: Browser, name: string, inviteUrl: string, viewport: { width: number; height: number },
  options: { locale?: string; prepare?: (context: BrowserContext) => Promise<void> } = {},
): Promise<Person> {
  const context = await browser.newContext({ viewport, locale: options.locale ?? 'de-DE', reducedMotion: 'reduce' });
  context.setDefaultTimeout(15_000);
  await options.prepare?.(context);
  const page = await context.newPage();
  // Errors in the page are printed so that a failing step says why.
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  await page.goto(inviteUrl, { waitUntil: 'domcontentloaded' });
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/i/'), { waitUntil: 'domcontentloaded' }),
    page.locator('main form button[type=submit]').click(),
  ]);
  return { name, context, page };
}

export async function leave(person: Person): Promise<void> {
  await person.context.close();
}

/** The URL path the person ended up on, without the secret (which must not stay in the URL). */
export function pathOf(person: Person): string {
  return new URL(person.page.url()).pathname;
}

/** Context for a person who is not logged in (anonymous visitor). */
export async function anonymous(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'de-DE' });
  return { context, page: await context.newPage() };
}
