import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * The keyboard path of a roll call (R-VOT-7): one focusable row per Land, a roving tabindex, a
 * letter on the focused row records that Land and moves on to the next; the arrow keys, Home and
 * End move between rows. `keys` maps a lower-case letter to what it records.
 */
export function useRowKeys<T>(count: number, keys: Record<string, T>, onKey: (row: number, value: T) => void) {
  const [current, setCurrent] = useState(0);
  const rows = useRef<(HTMLElement | null)[]>([]);
  const focusRow = (i: number) => {
    const j = Math.max(0, Math.min(count - 1, i));
    setCurrent(j);
    rows.current[j]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    // A control inside the row (a select) keeps its own keys.
    if (e.altKey || e.ctrlKey || e.metaKey || e.target !== e.currentTarget) return;
    const value = keys[e.key.toLowerCase()];
    if (value !== undefined) {
      e.preventDefault();
      onKey(i, value);
      focusRow(i + 1);
      return;
    }
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: count - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    focusRow(to);
  };
  /** Props for row `i`. */
  const row = (i: number) => ({
    ref: (el: HTMLElement | null) => { rows.current[i] = el; },
    tabIndex: i === current ? 0 : -1,
    onFocus: (e: { target: EventTarget; currentTarget: EventTarget }) => { if (e.target === e.currentTarget) setCurrent(i); },
    onKeyDown: (e: KeyboardEvent) => onKeyDown(e, i),
  });
  return { current, focusRow, row };
}
