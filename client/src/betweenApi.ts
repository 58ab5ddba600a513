import type { ErrorPayload } from '@plenum/shared';
import { newIdempotencyKey } from './store/key.ts';

/** REST for the between-sessions streams (circulars, protocol, agenda, deadlines, follow-up). */

export type BetweenAnswer<S> = { data: { state: S; duplicate?: boolean } } | { error: ErrorPayload };

/**
 * POST a between-sessions command with an Idempotency-Key. A network failure is retried once
 * with the same key, so a command that did reach the server is not applied twice.
 */
export async function postBetween<S = unknown>(kind: string, id: string, command: unknown, key = newIdempotencyKey()): Promise<BetweenAnswer<S>> {
  const send = () => fetch(`/api/between/${kind}/${encodeURIComponent(id)}`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ command }),
  });
  let res: Response;
  try {
    res = await send();
  } catch {
    try { res = await send(); } catch { return { error: { code: 'internal.error' } }; }
  }
  const body = (await res.json().catch(() => null)) as BetweenAnswer<S> | null;
  if (res.ok && body && 'data' in body) return body;
  return { error: (body && 'error' in body ? body.error : null) ?? { code: 'internal.error' } };
}

/** GET JSON from the API; null when offline, refused or not JSON (the view keeps what it has). */
export async function getJson<T>(url: string): Promise<T | null> {
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    return res.ok ? ((await res.json()) as T) : null;
  } catch {
    return null;
  }
}
