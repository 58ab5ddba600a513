import { RateLimiterMemory } from 'rate-limiter-flexible';
import { TokenBucket } from './rate-limit.ts';

export interface PersonLimitsConfig {
  /** Open sockets of one cookie session (one person's tabs and devices). */
  socketsPerSession: number;
  /** Open sockets from one address (a delegation behind one NAT, public followers). */
  socketsPerIp: number;
  /** Joins and resyncs (each may send a full snapshot) of one person per minute. */
  snapshotsPerMinute: number;
  /** Bytes one person may send, counted before a message is parsed: per second and burst. */
  bytesPerSecond: number;
  bytesBurst: number;
}

/** Messages of one person over all their sockets: average per second and burst. */
export interface MessageRate { perSecond: number; burst: number }

/**
 * Public followers have no session: they are counted by address, and one address may be a room
 * of viewers behind one NAT, so their message and snapshot allowances are this many times a person's.
 */
export const PUBLIC_ADDRESS_SHARE = 20;

export type LimitRefusal = 'limit.connections' | 'rate.limited' | 'rate.bytes';

interface Person { sockets: number; bytes: TokenBucket }

/**
 * Limits per person and per address, not per socket: a person is a cookie session, or the
 * address for public followers. Opening more sockets gives no more allowance.
 */
export class PersonLimits {
  private readonly people = new Map<string, Person>();
  private readonly addresses = new Map<string, number>();
  private readonly messages: RateLimiterMemory;
  private readonly snapshots: RateLimiterMemory;

  constructor(private readonly config: PersonLimitsConfig, rate: MessageRate) {
    // A fixed window of burst/perSecond seconds holding `burst` points: the average is perSecond.
    this.messages = new RateLimiterMemory({ keyPrefix: 'msg', points: rate.burst, duration: Math.max(1, Math.ceil(rate.burst / rate.perSecond)) });
    this.snapshots = new RateLimiterMemory({ keyPrefix: 'snap', points: config.snapshotsPerMinute, duration: 60 });
  }

  static personKey(sessionHash: string | null, address: string): string {
    return sessionHash ? `ses:${sessionHash}` : `ip:${address}`;
  }

  /** A new socket of this person from this address, or why not; call `release` when it closes. */
  admit(person: string, address: string): LimitRefusal | null {
    const own = this.people.get(person);
    const sessionCap = person.startsWith('ses:') ? this.config.socketsPerSession : this.config.socketsPerIp;
    if ((own?.sockets ?? 0) >= sessionCap) return 'limit.connections';
    if ((this.addresses.get(address) ?? 0) >= this.config.socketsPerIp) return 'limit.connections';
    if (own) own.sockets += 1;
    else this.people.set(person, { sockets: 1, bytes: new TokenBucket(this.config.bytesPerSecond, this.config.bytesBurst) });
    this.addresses.set(address, (this.addresses.get(address) ?? 0) + 1);
    return null;
  }

  release(person: string, address: string): void {
    const own = this.people.get(person);
    if (own && --own.sockets <= 0) this.people.delete(person);
    const n = (this.addresses.get(address) ?? 1) - 1;
    if (n <= 0) this.addresses.delete(address);
    else this.addresses.set(address, n);
  }

  /** Synchronous, before parsing: false when this person's byte budget is spent. */
  takeBytes(person: string, bytes: number): boolean {
    return this.people.get(person)?.bytes.take(bytes) ?? false;
  }

  /** One message; joins and resyncs also draw on the snapshot allowance. */
  async takeMessage(person: string, event: string): Promise<LimitRefusal | null> {
    try {
      const weight = person.startsWith('ip:') ? 1 / PUBLIC_ADDRESS_SHARE : 1;
      await this.messages.consume(person, weight);
      if (event === 'meeting:join' || event === 'meeting:resync') await this.snapshots.consume(person, weight);
      return null;
    } catch {
      return 'rate.limited';
    }
  }
}
