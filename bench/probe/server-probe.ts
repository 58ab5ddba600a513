import { subscribe } from 'node:diagnostics_channel';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into a server child (`--import bench/probe/server-probe.ts`), ours or bare alike, so
 * both are measured the same way without touching server code: event-loop delay from perf_hooks,
 * memory and CPU from the process itself, answered over the fork IPC channel.
 *
 * For Plenum (BENCH_PROBE_PLENUM=1) it also times where an ack's time goes: the commit (the
 * event log's append, wrapped here), the whole batch (decide → commit → broadcast → acks, the
 * runtime's applyBatch) and each follower slice (the fan-out's diagnostics channel).
 */
/** The histogram records the whole interval between samples; the delay is what exceeds it. */
const RESOLUTION_MS = 1;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

type Timing = { n: number; p50: number; p99: number; max: number };
export interface ProbeReading {
  eld: { p50: number; p99: number; max: number; mean: number };
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  /** ms; absent for the bare server. */
  timings?: { commit: Timing; batch: Timing; slice: Timing; writeUs: number };
}

const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
const samples = { commit: [] as number[], batch: [] as number[], slice: [] as number[] };
/** Follower sockets written and the loop time the slices took: µs per follower write. */
const written = { sockets: 0, ms: 0 };
const timing = (xs: number[]): Timing => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1]! : NaN);
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.length ? s[s.length - 1]! : NaN };
};

/** Times an async method of a prototype into `into` (skipped when the method does not exist). */
function timeMethod(proto: Record<string, unknown> | undefined, name: string, into: number[]) {
  const original = proto?.[name];
  if (typeof original !== 'function') return;
  proto![name] = async function timed(this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try { return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args); } finally { into.push(performance.now() - t0); }
  };
}

/**
 * Where the commit and the batch live in the server's code (before and after the command pipeline
 * became generic); the first that exists is timed, and none is no error (the figure stays empty).
 */
const TIMED: { into: number[]; candidates: [file: string, exported: string, method: string][] }[] = [
  { into: samples.commit, candidates: [
    ['../../server/src/store/sqlite/event-log.ts', 'SqliteEventLog', 'append'],
    ['../../server/src/store/sqlite-store.ts', 'SqliteEventStore', 'appendBatch'],
  ] },
  { into: samples.batch, candidates: [
    ['../../server/src/pipeline/stream-runtime.ts', 'StreamRuntime', 'applyBatch'],
    ['../../server/src/meeting/runtime.ts', 'MeetingRuntime', 'applyBatch'],
  ] },
];

if (process.env.BENCH_PROBE_PLENUM) {
  subscribe('plenum:fanout:slice', (m) => {
    const { ms, sockets } = m as { ms: number; sockets: number };
    samples.slice.push(ms);
    written.sockets += sockets;
    written.ms += ms;
  });
  for (const { into, candidates } of TIMED) {
    for (const [file, exported, method] of candidates) {
      const mod = (await import(file).catch(() => null)) as Record<string, { prototype?: Record<string, unknown> }> | null;
      const proto = mod?.[exported]?.prototype;
      if (typeof proto?.[method] !== 'function') continue;
      timeMethod(proto, method, into);
      break;
    }
  }
}

if (process.send) {
  process.on('message', (msg: unknown) => {
    const m = msg as { bench?: string; op?: string; id?: number };
    if (m?.bench !== 'probe') return;
    if (m.op === 'reset') {
      histogram.reset();
      for (const xs of Object.values(samples)) xs.length = 0;
      written.sockets = 0;
      written.ms = 0;
    }
    if (m.op === 'gc') (globalThis as { gc?: () => void }).gc?.();
    const reading: ProbeReading = {
      eld: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
      ...(process.env.BENCH_PROBE_PLENUM ? { timings: { commit: timing(samples.commit), batch: timing(samples.batch), slice: timing(samples.slice), writeUs: written.sockets ? (written.ms * 1000) / written.sockets : NaN } } : {}),
    };
    process.send!({ bench: 'probe', id: m.id, reading });
  });
  // The probe must never keep a server alive on its own.
  process.channel?.unref();
}
