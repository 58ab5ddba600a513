import { createStore, useStore } from 'zustand';

/**
 * Two live regions for the whole app: polite (tally changes, confirmations) and assertive
 * (connection loss). A counter makes a repeated message count as a change for screen readers.
 */
interface Announcements {
  polite: string;
  assertive: string;
  n: number;
}
const announcements = createStore<Announcements>()(() => ({ polite: '', assertive: '', n: 0 }));

export function announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
  announcements.setState((s) => ({ ...s, [politeness]: message, n: s.n + 1 }));
}

export function Announcer() {
  const { polite, assertive } = useStore(announcements);
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announce-polite">{polite}</div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announce-assertive">{assertive}</div>
    </>
  );
}
