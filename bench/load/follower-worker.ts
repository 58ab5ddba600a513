import { io, type Socket } from 'socket.io-client';
import { now } from '../lib/clock.ts';
import type { Cast, CollectReport, ConnectReport, ConnectSpec, FromWorker, ToWorker } from './messages.ts';

/**
 * A follower worker: a separate process holding a few thousand Socket.IO client connections
 * (WebSocket transport only, 127.0.0.1 only), recording when each follower receives each
 * envelope. It exits on its own after MAX_LIFETIME_MS or when the coordinator goes away.
 */
const MAX_LIFETIME_MS = Number(process.env.BENCH_WORKER_MAX_MS ?? 15 * 60_000);
setTimeout(() => process.exit(3), MAX_LIFETIME_MS).unref();
process.on('disconnect', () => process.exit(0));

const send = (m: FromWorker) => process.send!(m);

const sockets: Socket[] = [];
let lastSeq = new Float64Array(0);
/** Meetings followed (many sessions): follower i follows meeting i % meetings. */
let meetings = 1;
let outOfOrder = 0;
let duplicates = 0;
let disconnected = 0;
/** seq → receipt time per follower index (NaN: not received). */
const receipts = new Map<number, Float64Array>();
/** What the first follower of this worker received after its join: messages and Socket.IO packet bytes. */
const firstFollower = { messages: 0, bytes: 0 };

interface EnvelopeLike { seq: number }
interface BroadcastLike { events?: EnvelopeLike[] }
interface PictureLike { projection?: { seq: number } }

/**
 * One delivered picture with sequence number `seq` (an envelope of the event stream, or a public
 * projection computed at `seq`). A picture at or below the follower's last one is a repeat
 * (harmless: clients keep the newest); below it, out of order.
 */
function record(i: number, seq: number, t: number) {
  if (seq === lastSeq[i]) { duplicates += 1; return; }
  if (!(seq > lastSeq[i]!)) { outOfOrder += 1; return; }
  lastSeq[i] = seq;
  let row = receipts.get(seq);
  if (!row) { row = new Float64Array(sockets.length).fill(NaN); receipts.set(seq, row); }
  row[i] = t;
}

function count(i: number, event: string, msg: unknown) {
  if (i !== 0) return;
  firstFollower.messages += 1;
  // The Socket.IO packet as it travels: 2["<event>",<json>]
  firstFollower.bytes += Buffer.byteLength(JSON.stringify([event, msg])) + 1;
}

function connectOne(i: number, spec: ConnectSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(spec.url, {
      transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000,
      auth: spec.auth ?? {}, extraHeaders: spec.headers ?? {},
    });
    sockets[i] = socket;
    socket.on('meeting:events', (msg: BroadcastLike) => {
      const t = now();
      count(i, 'meeting:events', msg);
      for (const env of msg.events ?? []) record(i, env.seq, t);
    });
    socket.on('meeting:public', (msg: PictureLike) => {
      const t = now();
      count(i, 'meeting:public', msg);
      if (msg.projection) record(i, msg.projection.seq, t);
    });
    socket.once('connect_error', (err) => reject(err));
    socket.once('connect', () => {
      const meetingId = spec.meetingIds?.[i % spec.meetingIds.length] ?? spec.meetingId;
      socket.timeout(30_000).emit('meeting:join', { protocol: 1, meetingId, lastSeq: null },
        (err: Error | null, res: { data?: { catchUp?: { kind: string; seq?: number; events?: EnvelopeLike[]; projection?: { seq: number } } }; error?: { code: string } }) => {
          if (err) return reject(err);
          if (!res?.data) return reject(new Error(`join refused: ${res?.error?.code ?? 'no data'}`));
          const c = res.data.catchUp;
          const seq = c?.kind === 'snapshot' ? c.seq ?? 0 : c?.kind === 'public' ? c.projection?.seq ?? 0 : Math.max(0, ...(c?.events ?? []).map((e) => e.seq));
          if (seq > lastSeq[i]!) lastSeq[i] = seq;
          socket.on('disconnect', () => { disconnected += 1; });
          resolve();
        });
    });
  });
}

async function connectAll(spec: ConnectSpec): Promise<ConnectReport> {
  const start = now();
  sockets.length = spec.count;
  meetings = spec.meetingIds?.length ?? 1;
  lastSeq = new Float64Array(spec.count);
  let next = 0;
  let ok = 0;
  let failed = 0;
  const errors: string[] = [];
  const lane = async () => {
    while (next < spec.count) {
      const i = next++;
      try { await connectOne(i, spec); ok += 1; } catch (e) {
        failed += 1;
        if (errors.length < 5) errors.push(String((e as Error).message ?? e));
        sockets[i]?.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, spec.concurrency) }, lane));
  const ms = now() - start;
  // The join acks carried full snapshots (≈ 40 KB each): collect that garbage now, not during the casts.
  (globalThis as { gc?: () => void }).gc?.();
  return { ok, failed, errors, ms };
}

/**
 * Cast → the first picture that shows it: for each cast (its seq) and follower, the receipt of the
 * first picture with a seq at or above the cast's (a coalesced picture covers every cast before it).
 */
function collect(casts: Cast[], offset: number): CollectReport {
  const latencies = new Float64Array(casts.length * sockets.length);
  const seqs = [...receipts.keys()].sort((a, b) => a - b);
  let n = 0;
  let missing = 0;
  const got = new Uint32Array(sockets.length);
  const expected = new Uint32Array(meetings);
  for (const [seq, t0, meeting = 0] of casts) {
    expected[meeting]! += 1;
    let from = seqs.findIndex((s) => s >= seq);
    if (from < 0) from = seqs.length;
    for (let i = meeting; i < sockets.length; i += meetings) {
      let t = NaN;
      for (let k = from; k < seqs.length && Number.isNaN(t); k++) t = receipts.get(seqs[k]!)![i]!;
      if (Number.isNaN(t)) { missing += 1; continue; }
      latencies[n++] = t - offset - t0;
      got[i]! += 1;
    }
  }
  let complete = 0;
  for (let i = 0; i < sockets.length; i++) if (got[i] === expected[i % meetings]) complete += 1;
  return {
    latencies: latencies.slice(0, n), missing, outOfOrder, duplicates, disconnected, complete, followers: sockets.length,
    messages: receipts.size, firstFollower: { ...firstFollower },
  };
}

process.on('message', (raw: unknown) => {
  const m = raw as ToWorker;
  try {
    if (m.op === 'clock') send({ op: 'clock', t: m.t, w: now() });
    else if (m.op === 'connect') void connectAll(m.spec).then((report) => send({ op: 'connected', report }));
    else if (m.op === 'progress') {
      let have = 0;
      const want = (i: number) => (Array.isArray(m.seq) ? m.seq[i % m.seq.length]! : m.seq);
      for (let i = 0; i < lastSeq.length; i++) if (lastSeq[i]! >= want(i)) have += 1;
      send({ op: 'progress', have });
    } else if (m.op === 'collect') send({ op: 'results', report: collect(m.casts, m.offset) });
    else if (m.op === 'close') {
      for (const s of sockets) s?.close();
      setTimeout(() => process.exit(0), 200);
    }
  } catch (e) {
    send({ op: 'error', message: String((e as Error).stack ?? e) });
  }
});
