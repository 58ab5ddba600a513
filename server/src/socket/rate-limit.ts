/** A token bucket: `perSecond` refill, `burst` capacity. Synchronous, so it can gate work before it starts. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly perSecond: number, private readonly burst: number) {
    this.tokens = burst;
  }

  take(cost = 1): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
