import { createStore, useStore } from 'zustand';

/** A tiny history-API router: the path lives in a store, links and redirects go through `navigate`. */
const location = createStore<{ path: string }>()(() => ({ path: typeof window === 'undefined' ? '/' : window.location.pathname }));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => location.setState({ path: window.location.pathname }));
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  location.setState({ path });
}

export function usePath(): string {
  return useStore(location, (s) => s.path);
}

/** `/public/:meetingId` → the meeting id (decoded), else null. */
export function matchPublic(path: string): string | null {
  const m = /^\/public\/([^/]+)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1]) : null;
}
