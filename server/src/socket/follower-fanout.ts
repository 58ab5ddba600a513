import { channel } from 'node:diagnostics_channel';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { DMK_PROFILE, type MeetingState, type PublicUpdate, type RulesProfile } from '@plenum/shared';
import { publicView } from '../meeting/state-view.ts';
import { batchesInFlight } from '../pipeline/batches-in-flight.ts';
import type { PlenumServer, PlenumSocket } from './types.ts';

/**
 * Public followers (R-SES-4) can be many thousands. They get the public projection
 * (shared/src/public/projection.ts), not the events, and this is how it reaches them:
 *
 * - **Coalesced.** A change only marks the meeting's feed dirty. A pass over the followers starts
 *   at most once per `intervalMs` (the first change after a quiet spell goes out at once, after
 *   the ack), so a burst of casts becomes one picture per interval, not one message per cast.
 * - **Computed and serialized once.** The projection is computed from the newest state when a
 *   slice starts and the state changed, encoded once as a Socket.IO packet and once as a
 *   WebSocket frame, and the same bytes are written to every follower.
 * - **Rolling, after the ack, in slices.** Followers are served at most `slice` sockets and
 *   `sliceMs` per macrotask, so the delegates' acks and the chair's events (the live room) never
 *   wait behind a pass (≈ 18 µs per socket: 10,000 followers ≈ 180 ms). A change during a pass reaches the followers
 *   not yet served in the same pass; only those already served wait for the next pass. Each
 *   follower gets a projection only if it is newer than the one it has.
 * - When the session stops being public, there is no projection any more: the followers are told
 *   ('session.notPublic') and disconnected after the running pass.
 */
/**
 * How long each slice held the event loop ({ ms, sockets }), for the bench's probe; publishing
 * costs nothing while nobody subscribes.
 */
export const sliceChannel = channel('plenum:fanout:slice');

/** Macrotasks a slice waits, at most, for command batches in flight before it writes anyway. */
const YIELD_TO_COMMANDS_MAX = 16;

export interface FanoutOptions {
  /** Minimum time between the starts of two passes (ms): each follower gets at most one update per interval. */
  intervalMs?: number;
  /** Sockets written per macrotask, at most. */
  slice?: number;
  /** Time one slice may hold the loop (ms), at most (checked every 32 writes). */
  sliceMs?: number;
  profile?: RulesProfile;
}

/** engine.io takes `wsPreEncodedFrame` (as Socket.IO's own broadcast passes it) though its types do not name it. */
type WriteOptions = Parameters<PlenumSocket['conn']['write']>[1];
interface Encoded { seq: number; packet: string; frame: Buffer[] }

interface Feed {
  room: string;
  /** The newest state not yet projected (null: the latest projection is current). */
  dirty: MeetingState | null;
  latest: Encoded | null;
  /** The seq each follower was last sent. */
  sent: WeakMap<PlenumSocket, number>;
  lastPassAt: number;
  running: boolean;
  timer: NodeJS.Timeout | NodeJS.Immediate | null;
  /** The session stopped being public: tell and disconnect after the running pass. */
  ended: boolean;
}

export class FollowerFanout {
  private readonly feeds = new Map<string, Feed>();
  private readonly busy = new Set<Promise<void>>();
  private readonly intervalMs: number;
  private readonly slice: number;
  private readonly sliceMs: number;
  private readonly profile: RulesProfile;

  constructor(private readonly io: () => PlenumServer | null, options: FanoutOptions = {}) {
    this.intervalMs = options.intervalMs ?? 100;
    this.slice = options.slice ?? 250;
    this.sliceMs = options.sliceMs ?? 4;
    this.profile = options.profile ?? DMK_PROFILE;
  }

  /** A committed change of `meetingId` whose followers are in `room`. Cheap: the work is in the pass. */
  update(room: string, meetingId: string, state: MeetingState) {
    let feed = this.feeds.get(meetingId);
    if (!feed) {
      if (!state.session?.public) return; // nobody can be following
      feed = { room, dirty: null, latest: null, sent: new WeakMap(), lastPassAt: -Infinity, running: false, timer: null, ended: false };
      this.feeds.set(meetingId, feed);
    }
    feed.dirty = state;
    if (!state.session?.public) feed.ended = true;
    this.schedule(meetingId, feed);
  }

  /** Resolves when every pass scheduled so far has run (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.busy.size > 0 || [...this.feeds.values()].some((f) => f.timer || f.running)) {
      await Promise.all([...this.busy]);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private schedule(meetingId: string, feed: Feed) {
    if (feed.running || feed.timer) return;
    const wait = Math.max(0, feed.lastPassAt + this.intervalMs - performance.now());
    const start = () => {
      feed.timer = null;
      const p = this.pass(meetingId, feed).finally(() => this.busy.delete(p));
      this.busy.add(p);
    };
    // Even without a wait, not before the next macrotask: the ack and the live room go first
    // (setImmediate, not a 1 ms timer: nothing else to wait for).
    feed.timer = wait === 0 ? setImmediate(start) : setTimeout(start, wait);
  }

  private async pass(meetingId: string, feed: Feed) {
    const server = this.io();
    if (!server) return;
    feed.running = true;
    feed.lastPassAt = performance.now();
    let served = false;
    let firstSeq = 0;
    try {
      const nsp = server.of('/');
      const ids = [...(nsp.adapter.rooms.get(feed.room) ?? [])];
      let i = 0;
      while (i < ids.length && !feed.ended) {
        if (i > 0) {
          await nextMacrotask();
          // The delegate first: a command batch waiting or committing goes before the next slice
          // (bounded, so that steady command traffic slows a pass but never stops it).
          for (let k = 0; k < YIELD_TO_COMMANDS_MAX && batchesInFlight.any; k++) await nextMacrotask();
        }
        const t0 = performance.now();
        const latest = this.refresh(feed);
        if (!latest) break;
        if (!served) firstSeq = latest.seq;
        served = true;
        let written = 0;
        // At most `slice` sockets, and no longer than `sliceMs` (checked every 32 writes): on a
        // loaded machine a write costs more, and the loop must still come back for the acks.
        for (const end = Math.min(ids.length, i + this.slice); i < end; i++) {
          if (written > 0 && written % 32 === 0 && performance.now() - t0 > this.sliceMs) break;
          const socket = nsp.sockets.get(ids[i]!);
          if (!socket || (feed.sent.get(socket) ?? 0) >= latest.seq) continue;
          writeFollowerFrame(socket, latest.packet, latest.frame);
          feed.sent.set(socket, latest.seq);
          written += 1;
        }
        if (sliceChannel.hasSubscribers) sliceChannel.publish({ ms: performance.now() - t0, sockets: written });
      }
    } finally {
      feed.running = false;
    }
    if (feed.ended) return this.end(meetingId, feed);
    // Changed during the pass (or since its last slice): those served before the change need the
    // newer picture. Without followers nothing was projected; the next change (or a join's own
    // projection) covers it.
    if (served && (feed.dirty || (feed.latest?.seq ?? 0) > firstSeq)) this.schedule(meetingId, feed);
  }

  /** The projection of the newest state, encoded once; null when the session is no longer public. */
  private refresh(feed: Feed): Encoded | null {
    if (feed.dirty) {
      const projection = publicView(feed.dirty, this.profile);
      feed.dirty = null;
      if (!projection) { feed.ended = true; return null; }
      const update: PublicUpdate = { meetingId: projection.meetingId ?? '', projection };
      // A Socket.IO EVENT packet for the main namespace, then the engine.io message packet ('4') as one text frame.
      const packet = this.io()!.encoder.encode({ type: 2, nsp: '/', data: ['meeting:public', update] })[0] as string;
      // One buffer, not [header, payload]: one write per follower instead of cork + two writes.
      feed.latest = { seq: projection.seq, packet, frame: [Buffer.concat(textFrame(`4${packet}`))] };
    }
    return feed.latest;
  }

  private end(meetingId: string, feed: Feed) {
    this.feeds.delete(meetingId);
    const server = this.io();
    if (!server) return;
    // This node's followers only: every node ends its own (cluster).
    server.local.to(feed.room).emit('meeting:error', { code: 'session.notPublic', rule: 'R-SES-4' });
    server.local.in(feed.room).disconnectSockets(true);
  }
}

/** The parts of engine.io's socket and WebSocket transport the direct write relies on (untyped there). */
interface EngineConnection {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport?: { name: string; socket?: { _sender?: { sendFrame?: (list: Buffer[], cb?: () => void) => void } } };
}

/**
 * Writes one picture to one follower. The same frame goes to everyone, so engine.io's per-packet
 * work (a packet object, its events, the flush, the write callback) buys nothing here: when the
 * WebSocket is open and nothing of engine.io's own waits in its buffer, the frame goes straight to
 * the socket, in order behind what engine.io has already written. Otherwise (long-polling, an
 * upgrade, packets queued) engine.io writes it, after what it holds.
 * bench/micro/fanout-write.ts measures the difference (about a third less CPU per follower).
 */
export function writeFollowerFrame(socket: PlenumSocket, packet: string, frame: Buffer[]) {
  const conn = socket.conn as unknown as EngineConnection;
  const sender = conn.transport?.socket?._sender;
  if (conn.readyState === 'open' && !conn.upgrading && conn.writeBuffer.length === 0 && conn.transport?.name === 'websocket' && sender?.sendFrame) {
    sender.sendFrame(frame);
  } else {
    socket.conn.write(packet, { wsPreEncodedFrame: frame } as WriteOptions);
  }
}

/** An unmasked, final WebSocket text frame (RFC 6455 §5.2) as ws's Sender.frame() builds it: [header, payload]. */
export function textFrame(text: string): Buffer[] {
  const payload = Buffer.from(text);
  const n = payload.length;
  const header = Buffer.alloc(n < 126 ? 2 : n < 65536 ? 4 : 10);
  header[0] = 0x81;
  if (n < 126) header[1] = n;
  else if (n < 65536) { header[1] = 126; header.writeUInt16BE(n, 2); }
  else { header[1] = 127; header.writeBigUInt64BE(BigInt(n), 2); }
  return [header, payload];
}
