import type { Choice, LandCode } from '@plenum/shared';
import type { Locator, Page } from 'playwright-core';
import type { Person } from './people.ts';

/** What people do at a session, through the UI only (clicks, selects, keys), as a person would. */

const WAIT = { timeout: 15_000 };

/**
 * Waits until `read` returns what `ok` accepts; says what it last saw when it gives up. A read that
 * fails (the element not there yet: a loaded machine renders late) is tried again until the timeout.
 */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  let last: T | undefined;
  let failed: unknown = null;
  for (;;) {
    try {
      last = await read();
      failed = null;
      if (ok(last)) return last;
    } catch (err) {
      failed = err;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}; last seen: ${failed ? String(failed) : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const attr = (locator: Locator, name: string) => () => locator.getAttribute(name, { timeout: 5_000 });
export const text = (locator: Locator) => () => locator.innerText({ timeout: 5_000 });

export async function checkIn(delegate: Person, mode: 'room' | 'remote'): Promise<void> {
  const button = delegate.page.getByTestId(`check-in-${mode}`);
  await button.click();
  await until(`${delegate.name} checked in (${mode})`, attr(button, 'aria-pressed'), (v) => v === 'true');
}

export async function checkOut(delegate: Person): Promise<void> {
  await delegate.page.getByTestId('check-out').click();
  await delegate.page.getByTestId('check-out').waitFor({ state: 'detached', ...WAIT });
}

/** A delegate casts the vote of `land` (its own, or one held by transfer) and waits for the receipt. */
export async function vote(delegate: Person, land: LandCode, choice: Choice): Promise<void> {
  const ballot = delegate.page.getByTestId(`ballot-${land}`);
  const button = ballot.getByTestId(`vote-${choice}`);
  await button.click();
  await until(`${delegate.name}: ${land} ${choice} acknowledged`, attr(button, 'aria-pressed'), (v) => v === 'true');
  await ballot.getByTestId(`vote-receipt-${land}`).waitFor({ state: 'visible', ...WAIT });
}

/** The chair opens a round: motion kind by its radio, the item by its select, then "open". */
export async function openVote(chair: Page, kind: 'resolution' | 'bundesratProcedure' | 'admitShortNotice', item: string | { label: string }): Promise<void> {
  const form = chair.locator('.vote-panel form');
  await form.locator(`input[type="radio"][value="${kind}"]`).check();
  await form.locator('select').first().selectOption(item);
  await chair.getByTestId('open-vote').click();
}

export async function waitForOpenVote(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ state: 'visible', ...WAIT });
}

/**
 * The chair closes the round. While Länder have not voted, the console asks first ("3 Länder haben
 * nicht abgestimmt – trotzdem schließen?"); the chair confirms.
 */
export async function closeVote(chair: Page): Promise<void> {
  await chair.getByTestId('close-vote').click();
  const confirm = chair.getByTestId('confirm-ok');
  await Promise.race([
    confirm.waitFor({ state: 'visible', ...WAIT }).then(() => confirm.click()).catch(() => {}),
    chair.getByTestId('close-vote').waitFor({ state: 'detached', ...WAIT }).catch(() => {}),
  ]);
  await chair.getByTestId('close-vote').waitFor({ state: 'detached', ...WAIT });
}

/** Outcome as shown on a page: its data attribute, the visible word and the explanation line. */
export async function outcomeOn(page: Page): Promise<{ outcome: string | null; word: string; explanation: string }> {
  const section = page.getByTestId('outcome').first();
  await section.waitFor({ state: 'visible', ...WAIT });
  return {
    outcome: await section.getAttribute('data-outcome'),
    word: (await section.locator('.outcome-word').innerText()).trim(),
    // The rule and its calculation sit behind a closed "details" control: read the text, not what is rendered.
    explanation: (await section.getByTestId('explanation').count()) > 0 ? ((await section.getByTestId('explanation').textContent()) ?? '').trim() : '',
  };
}

export async function switchLanguage(page: Page, to: 'de' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === to) return;
  await page.getByTestId('lang-switch').click();
  await until(`<html lang="${to}">`, attr(page.locator('html'), 'lang'), (v) => v === to);
}

/** Where the keyboard focus is: "<ballot testid>/<element testid or tag>". */
export function focusOn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    return `${el.closest('[data-testid^="ballot-"]')?.getAttribute('data-testid') ?? ''}/${el.getAttribute('data-testid') ?? el.tagName}`;
  });
}

/** Presses Tab from the top of the page until `target` has the focus (keyboard only, no mouse). */
export async function tabTo(page: Page, target: string, maxTabs = 60): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let at = '';
  for (let i = 0; i < maxTabs && at !== target; i++) {
    await page.keyboard.press('Tab');
    at = await focusOn(page);
  }
  if (at !== target) throw new Error(`Tab never reached ${target} (last focus: ${at})`);
}
