import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { announce } from './announcer.tsx';

const BRAND = 'Plenum';

/**
 * WCAG 2.4.3 / 4.1.3 for a single-page app: when a view is loaded (first load or a route change),
 * focus moves to its main heading (h1, tabIndex=-1) so keyboard and screen-reader users start
 * at the content, and the page title is announced. Focus is not taken from an element the user
 * is in. `document.title` follows the heading (it changes with data and language).
 */
export function usePageFocus(mainRef: RefObject<HTMLElement | null>, view?: string): void {
  useEffect(() => {
    const h1 = mainRef.current?.querySelector('h1');
    if (!h1) return;
    h1.tabIndex = -1;
    const active = document.activeElement;
    const userIsElsewhere = active && active !== document.body && active.isConnected && !mainRef.current?.contains(active);
    if (!userIsElsewhere) h1.focus({ preventScroll: false });
    // A live region filled in the same frame it is inserted is often not read: wait a moment.
    const timer = window.setTimeout(() => announce(pageTitle(h1)), 150);
    return () => window.clearTimeout(timer);
  }, [mainRef]);

  useLayoutEffect(() => {
    const h1 = mainRef.current?.querySelector('h1');
    if (h1) document.title = [pageTitle(h1), view, BRAND].filter(Boolean).join(' – ');
  });
}

/** The heading's words; a subtitle inside it (`.subtitle`) is its own part, not glued to the title. */
function pageTitle(h1: HTMLElement): string {
  const parts: string[] = [];
  let main = '';
  for (const node of Array.from(h1.childNodes)) {
    if (node instanceof HTMLElement && node.classList.contains('subtitle')) parts.push(node.textContent ?? '');
    else main += node.textContent ?? '';
  }
  return [main, ...parts].map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' – ');
}
