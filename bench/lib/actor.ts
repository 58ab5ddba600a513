import { io, type Socket } from 'socket.io-client';
import { now, withTimeout } from './clock.ts';

interface EnvelopeLike { seq: number; event?: { type?: string } }
interface BroadcastLike { events?: EnvelopeLike[] }
type AckLike<T> = { data?: T; error?: { code: string; rule?: string; details?: unknown } };

export interface ActorOptions {
  url: string;
  meetingId: string;
  headers?: Record<string, string>;
  auth?: Record<string, string>;
  label: string;
}

let keyCounter = 0;
/** Idempotency keys: unique per bench process, 8–80 chars of [A-Za-z0-9_-]. */
export const newKey = () => `bench-${process.pid}-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;

/**
 * A chair, delegate or screen connection held by the coordinator itself: it sends commands and
 * records when each envelope arrives (same process, same clock as the cast times).
 */
export class ActorClient {
  readonly seen = new Map<number, number>();
  /** Serialized size of the last broadcast that carried a VoteCast. */
  voteCastBytes = 0;
  lastSeq = 0;
  private constructor(readonly socket: Socket, readonly opts: ActorOptions) {}

  static async connect(opts: ActorOptions): Promise<ActorClient> {
    const socket = io(opts.url, {
      transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000,
      auth: opts.auth ?? {}, extraHeaders: opts.headers ?? {},
    });
    const actor = new ActorClient(socket, opts);
    socket.on('meeting:events', (msg: BroadcastLike) => {
      const t = now();
      for (const env of msg.events ?? []) {
        if (!actor.seen.has(env.seq)) actor.seen.set(env.seq, t);
        if (env.seq > actor.lastSeq) actor.lastSeq = env.seq;
        if (env.event?.type === 'VoteCast') actor.voteCastBytes = Buffer.byteLength(JSON.stringify(msg));
      }
    });
    await withTimeout(new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) => reject(new Error(`${opts.label}: ${e.message}`)));
    }), 20_000, `${opts.label} connect`);
    const res = await withTimeout(socket.emitWithAck('meeting:join', { protocol: 1, meetingId: opts.meetingId, lastSeq: null }) as Promise<AckLike<{ catchUp?: { kind: string; seq?: number; events?: EnvelopeLike[] } }>>,
      20_000, `${opts.label} join`);
    if (!res?.data) throw new Error(`${opts.label}: join refused ${JSON.stringify(res?.error)}`);
    const c = res.data.catchUp;
    actor.lastSeq = c?.kind === 'snapshot' ? c.seq ?? 0 : Math.max(0, ...(c?.events ?? []).map((e) => e.seq));
    return actor;
  }

  /** Sends one command; t0 is taken right before the emit, tAck when the ack arrives. */
  async command<T = { seq: number; events: EnvelopeLike[] }>(command: Record<string, unknown>, timeoutMs = 20_000) {
    const t0 = now();
    const res = await withTimeout(
      this.socket.emitWithAck('meeting:command', { meetingId: this.opts.meetingId, key: newKey(), command }) as Promise<AckLike<T>>,
      timeoutMs, `${this.opts.label} ${String(command.type)}`);
    return { t0, tAck: now(), res };
  }

  /** Like command(), but throws on a refusal. */
  async must<T = { seq: number; events: EnvelopeLike[] }>(command: Record<string, unknown>): Promise<T> {
    const { res } = await this.command<T>(command);
    if (!res.data) throw new Error(`${this.opts.label} ${String(command.type)} refused: ${JSON.stringify(res.error)}`);
    return res.data;
  }

  close() { this.socket.close(); }
}
