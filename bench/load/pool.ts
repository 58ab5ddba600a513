import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { now, withTimeout } from '../lib/clock.ts';
import { concat } from '../lib/stats.ts';
import type { Cast, CollectReport, ConnectReport, ConnectSpec, FromWorker, ToWorker } from './messages.ts';

const WORKER = fileURLToPath(new URL('./follower-worker.ts', import.meta.url));

/** One forked follower worker, with a request/response helper over IPC. */
class Worker {
  offset = 0;
  private waiting: { op: string; resolve: (m: FromWorker) => void }[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromWorker) => {
      if (m.op === 'error') { console.error('[worker]', m.message); return; }
      const i = this.waiting.findIndex((w) => w.op === m.op);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(m);
    });
  }
  ask<T extends FromWorker['op']>(msg: ToWorker, reply: T, ms: number): Promise<Extract<FromWorker, { op: T }>> {
    const p = new Promise<FromWorker>((resolve) => this.waiting.push({ op: reply, resolve }));
    this.child.send(msg);
    return withTimeout(p, ms, `worker ${reply}`) as Promise<Extract<FromWorker, { op: T }>>;
  }
  /** Offset of the worker's clock to ours: the median of a few round trips. */
  async calibrate() {
    const offsets: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t = now();
      const r = await this.ask({ op: 'clock', t }, 'clock', 30_000); // a loaded machine starts tsx workers slowly
      const back = now();
      offsets.push(r.w - (t + back) / 2);
    }
    offsets.sort((a, b) => a - b);
    this.offset = offsets[3]!;
  }
}

export interface PoolConnect { followers: number; report: ConnectReport }
export interface PoolResult extends Omit<CollectReport, 'latencies'> { latencies: Float64Array }

/**
 * N followers spread over ceil(N / perWorker) worker processes, so the load generator's CPU is
 * never the server's. Every call has a hard timeout; close() always kills the workers.
 */
export class FollowerPool {
  private workers: Worker[] = [];

  static async start(total: number, perWorker: number): Promise<FollowerPool> {
    const pool = new FollowerPool();
    const n = Math.max(1, Math.ceil(total / perWorker));
    for (let k = 0; k < n; k++) {
      const child = fork(WORKER, [], {
        execArgv: ['--import', 'tsx', '--max-old-space-size=2048', '--expose-gc'],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      pool.workers.push(new Worker(child));
    }
    await Promise.all(pool.workers.map((w) => w.calibrate()));
    return pool;
  }

  get size() { return this.workers.length; }
  get pids(): number[] { return this.workers.map((w) => w.child.pid!).filter(Boolean); }

  async connect(spec: Omit<ConnectSpec, 'count'>, total: number, timeoutMs: number): Promise<PoolConnect> {
    const base = Math.floor(total / this.workers.length);
    const extra = total % this.workers.length;
    const reports = await Promise.all(this.workers.map((w, k) =>
      w.ask({ op: 'connect', spec: { ...spec, count: base + (k < extra ? 1 : 0) } }, 'connected', timeoutMs)));
    const report: ConnectReport = { ok: 0, failed: 0, errors: [], ms: 0 };
    for (const { report: r } of reports) {
      report.ok += r.ok; report.failed += r.failed; report.errors.push(...r.errors); report.ms = Math.max(report.ms, r.ms);
    }
    return { followers: total, report };
  }

  /** How many followers have seen `seq` (or later). */
  async have(seq: number | number[]): Promise<number> {
    const r = await Promise.all(this.workers.map((w) => w.ask({ op: 'progress', seq }, 'progress', 10_000)));
    return r.reduce((s, x) => s + x.have, 0);
  }

  async collect(casts: Cast[]): Promise<PoolResult> {
    const r = await Promise.all(this.workers.map((w) => w.ask({ op: 'collect', casts, offset: w.offset }, 'results', 60_000)));
    const out: PoolResult = {
      latencies: concat(r.map((x) => x.report.latencies)), missing: 0, outOfOrder: 0, duplicates: 0, disconnected: 0, complete: 0, followers: 0,
      messages: Math.max(0, ...r.map((x) => x.report.messages)),
      // Per follower: the mean over the workers' first followers.
      firstFollower: {
        messages: r.reduce((s, x) => s + x.report.firstFollower.messages, 0) / Math.max(1, r.length),
        bytes: r.reduce((s, x) => s + x.report.firstFollower.bytes, 0) / Math.max(1, r.length),
      },
    };
    for (const { report } of r) {
      out.missing += report.missing; out.outOfOrder += report.outOfOrder; out.duplicates += report.duplicates; out.disconnected += report.disconnected;
      out.complete += report.complete; out.followers += report.followers;
    }
    return out;
  }

  async close() {
    await Promise.all(this.workers.map((w) => new Promise<void>((resolve) => {
      if (w.child.exitCode !== null) return resolve();
      const t = setTimeout(() => { w.child.kill('SIGKILL'); resolve(); }, 3_000);
      w.child.once('exit', () => { clearTimeout(t); resolve(); });
      try { w.child.send({ op: 'close' } satisfies ToWorker); } catch { w.child.kill('SIGKILL'); }
    })));
  }
}
