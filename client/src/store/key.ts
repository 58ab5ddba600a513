/**
 * Idempotency keys for commands (protocol.ts: 8–80 chars of [A-Za-z0-9_-]).
 * A key is made once per command and reused on every resend, so the server applies it once.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID().replace(/-/g, '');
  // Fallback for old browsers without randomUUID: 16 random bytes as hex.
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
