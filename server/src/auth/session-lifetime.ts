/** How long a cookie session lives: since its last use (idle) and since it was created (absolute). */
export interface SessionLifetime { idleMs: number; absoluteMs: number }

/**
 * A session id carries its creation time in front of its secret (`<ms base36>.<secret>`); the
 * stored hash covers both, so the time cannot be changed without losing the session. The last
 * use is kept in memory: after a restart the idle time counts from the first use again.
 */
export class SessionClock {
  private readonly lastUse = new Map<string, number>();
  private readonly created = new Map<string, number>();

  constructor(private readonly lifetime: SessionLifetime, private readonly now: () => number, private readonly startedAt = now()) {}

  newSessionId(secret: string): string { return `${this.now().toString(36)}.${secret}`; }

  /** From the cookie value: when the session was made (older ids without a time: the server's start). */
  static createdAt(sessionId: string, fallback: number): number {
    const dot = sessionId.indexOf('.');
    const t = dot > 0 ? parseInt(sessionId.slice(0, dot), 36) : NaN;
    return Number.isFinite(t) ? t : fallback;
  }

  /** Record a use of the session; false when it has expired (idle or absolute). */
  use(sessionHash: string, sessionId: string | null): boolean {
    const now = this.now();
    if (sessionId !== null) this.created.set(sessionHash, SessionClock.createdAt(sessionId, this.startedAt));
    const created = this.created.get(sessionHash) ?? this.startedAt;
    const last = this.lastUse.get(sessionHash) ?? now;
    if (now - created > this.lifetime.absoluteMs || now - last > this.lifetime.idleMs) {
      this.forget(sessionHash);
      return false;
    }
    this.lastUse.set(sessionHash, now);
    return true;
  }

  forget(sessionHash: string): void {
    this.lastUse.delete(sessionHash);
    this.created.delete(sessionHash);
  }
}
