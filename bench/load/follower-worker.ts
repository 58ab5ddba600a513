import { io, type Socket } from 'socket.io-client';
import { now } from '../lib/clock.ts';
import type { CollectReport, ConnectReport, ConnectSpec, FromWorker, ToWorker } from './messages.ts';

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
let outOfOrder = 0;
let disconnected = 0;
/** seq → receipt time per follower index (NaN: not received). */
const receipts = new Map<number, Float64Array>();

interface EnvelopeLike { seq: number }
interface BroadcastLike { events?: EnvelopeLike[] }

function record(i: number, msg: BroadcastLike) {
  const t = now();
  for (const env of msg.events ?? []) {
    if (!(env.seq > lastSeq[i]!)) { outOfOrder += 1; continue; }
    lastSeq[i] = env.seq;
    let row = receipts.get(env.seq);
    if (!row) { row = new Float64Array(sockets.length).fill(NaN); receipts.set(env.seq, row); }
    row[i] = t;
  }
}

function connectOne(i: number, spec: ConnectSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = io(spec.url, {
      transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000,
      auth: spec.auth ?? {}, extraHeaders: spec.headers ?? {},
    });
    sockets[i] = socket;
    socket.on('meeting:events', (msg: BroadcastLike) => record(i, msg));
    socket.once('connect_error', (err) => reject(err));
    socket.once('connect', () => {
      socket.timeout(30_000).emit('meeting:join', { protocol: 1, meetingId: spec.meetingId, lastSeq: null },
        (err: Error | null, res: { data?: { catchUp?: { kind: string; seq?: number; events?: EnvelopeLike[] } }; error?: { code: string } }) => {
          if (err) return reject(err);
          if (!res?.data) return reject(new Error(`join refused: ${res?.error?.code ?? 'no data'}`));
          const c = res.data.catchUp;
          const seq = c?.kind === 'snapshot' ? c.seq ?? 0 : Math.max(0, ...(c?.events ?? []).map((e) => e.seq));
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

function collect(casts: [number, number][], offset: number): CollectReport {
  const latencies = new Float64Array(casts.length * sockets.length);
  let n = 0;
  let missing = 0;
  const got = new Uint32Array(sockets.length);
  for (const [seq, t0] of casts) {
    const row = receipts.get(seq);
    for (let i = 0; i < sockets.length; i++) {
      const t = row ? row[i]! : NaN;
      if (Number.isNaN(t)) { missing += 1; continue; }
      latencies[n++] = t - offset - t0;
      got[i]! += 1;
    }
  }
  let complete = 0;
  for (let i = 0; i < sockets.length; i++) if (got[i] === casts.length) complete += 1;
  return { latencies: latencies.slice(0, n), missing, outOfOrder, disconnected, complete, followers: sockets.length };
}

process.on('message', (raw: unknown) => {
  const m = raw as ToWorker;
  try {
    if (m.op === 'clock') send({ op: 'clock', t: m.t, w: now() });
    else if (m.op === 'connect') void connectAll(m.spec).then((report) => send({ op: 'connected', report }));
    else if (m.op === 'progress') {
      let have = 0;
      for (let i = 0; i < lastSeq.length; i++) if (lastSeq[i]! >= m.seq) have += 1;
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
