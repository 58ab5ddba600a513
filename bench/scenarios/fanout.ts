import { loadavg } from 'node:os';
import { now, sleep, withTimeout } from '../lib/clock.ts';
import { cpuShare, sampleProc } from '../lib/procstat.ts';
import { round, roundSummary, summarize, type Summary } from '../lib/stats.ts';
import { FollowerPool } from '../load/pool.ts';
import type { CastSample, Target } from './target.ts';

export interface FanoutOptions {
  followers: number;
  casts: number;
  /** Casts per second, sent on a fixed schedule (open loop). */
  rate: number;
  perWorker: number;
  payloadBytes?: number;
  /** Byte size of Plenum's follower message (bare pads its pictures to it). */
  followerBytes?: number;
  log?: (s: string) => void;
}

export interface FanoutResult {
  target: string;
  followers: number;
  connected: number;
  connectFailed: number;
  connectErrors: string[];
  connectSeconds: number;
  workers: number;
  casts: number;
  castsAcked: number;
  rate: number;
  broadcastBytes: number;
  /** What a follower received in the cast window: messages, mean Socket.IO packet bytes, bytes per second. */
  perFollower: { messages: number; messageBytes: number; bytesPerSecond: number };
  /** ms */
  ack: Summary;
  chair: Summary;
  screen: Summary;
  follower: Summary;
  delivery: { expected: number; missing: number; outOfOrder: number; duplicates: number; complete: number; disconnected: number };
  /** Raw latencies (ms), kept in memory only, so that repeated runs can be pooled (lib/merge.ts). */
  raw?: { ack: Float64Array; chair: Float64Array; screen: Float64Array; follower: Float64Array };
  /** Runs merged into this result (lib/merge.ts: medians of the runs). */
  runs?: number;
  /** Min–max over the merged runs of the headline figures (ms). */
  spread?: { ackP99: [number, number]; chairP99: [number, number]; followerP50: [number, number]; followerP99: [number, number] };
  /** CPU share of the load generator (follower workers + coordinator) in the same window, cores. */
  loadGenCpu?: number;
  /** 1-minute load average of the machine at the start and the end of the cast window (others share it). */
  load: [number, number];
  server: {
    /** Share of one core during the fan-out window. */
    cpu: number;
    rssBaseMB: number;
    rssLoadedMB: number;
    /** (RSS with N idle followers − RSS before) / N, KB. */
    rssPerFollowerKB: number;
    heapPerFollowerKB: number;
    eldP50: number;
    eldP99: number;
    eldMax: number;
    startMs: number;
    /** Where an ack's time goes (Plenum only, ms): commit p99, whole batch p99, follower slice p99 and max. */
    commitP99?: number;
    batchP99?: number;
    sliceP99?: number;
    sliceMax?: number;
    /** Loop time per follower written (µs), over all slices of the cast window. */
    writeUs?: number;
  };
}

/**
 * One step of the fan-out bench against one target: start the server, connect N followers in
 * worker processes, let them idle (memory), then cast votes on a fixed schedule and measure
 * cast → ack, cast → chair/screen, cast → every follower; CPU and event-loop delay in the window.
 */
export async function runFanout(target: Target, o: FanoutOptions): Promise<FanoutResult> {
  const log = o.log ?? (() => {});
  const live = await target.start({ payloadBytes: o.payloadBytes, followerBytes: o.followerBytes });
  let pool: FollowerPool | undefined;
  try {
    await sleep(500);
    const base = await live.server.probe('gc');
    const baseProc = sampleProc(live.server.pid);

    pool = await FollowerPool.start(o.followers, o.perWorker);
    log(`${target.name} N=${o.followers}: connecting with ${pool.size} workers`);
    const connect = await pool.connect({ ...live.follower, concurrency: 64 }, o.followers, 60_000 + o.followers * 30);
    log(`${target.name} N=${o.followers}: ${connect.report.ok} connected in ${round(connect.report.ms / 1000)} s, ${connect.report.failed} failed ${connect.report.errors.slice(0, 2).join('; ')}`);

    await sleep(2_000);
    await live.server.probe('gc');
    await sleep(300);
    const loaded = await live.server.probe('read');
    const loadedProc = sampleProc(live.server.pid);
    const ok = Math.max(1, connect.report.ok);

    await live.server.probe('reset');
    const loadA = loadavg()[0]!;
    const cpuA = sampleProc(live.server.pid);
    const workersA = pool.pids.map(sampleProc);
    const selfA = process.cpuUsage();
    const selfT = now();
    const start = now() + 50;
    const pending: Promise<CastSample>[] = [];
    for (let k = 0; k < o.casts; k++) {
      const due = start + (k * 1000) / o.rate;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      pending.push(live.cast(k).catch((e) => ({ seq: -1, t0: due, tAck: NaN, ok: false, error: String(e) })));
    }
    const samples = await withTimeout(Promise.all(pending), 60_000, 'casts acked');
    const acked = samples.filter((s) => s.ok && s.seq > 0);
    const lastSeq = Math.max(0, ...acked.map((s) => s.seq));
    const deadline = now() + 20_000 + o.followers;
    while (now() < deadline && (await pool.have(lastSeq)) < connect.report.ok) await sleep(200);
    const cpuB = sampleProc(live.server.pid);
    const workersB = pool.pids.map(sampleProc);
    const self = process.cpuUsage(selfA);
    const loadGenCpu = workersA.reduce((sum, a, i) => sum + cpuShare(a, workersB[i]!), 0) + (self.user + self.system) / 1000 / (now() - selfT);
    const eld = await live.server.probe('read');

    const casts = acked.map((s) => [s.seq, s.t0] as [number, number]);
    const delivered = await pool.collect(casts);
    const seenBy = (seen: Map<number, number>) => Float64Array.from(acked.map((s) => (seen.get(s.seq) ?? NaN) - s.t0).filter(Number.isFinite));
    const raw = {
      ack: Float64Array.from(acked.map((s) => s.tAck - s.t0)),
      chair: seenBy(live.chair.seen),
      screen: seenBy(live.screen.seen),
      follower: delivered.latencies,
    };

    return {
      target: target.name,
      followers: o.followers,
      connected: connect.report.ok,
      connectFailed: connect.report.failed,
      connectErrors: connect.report.errors.slice(0, 3),
      connectSeconds: round(connect.report.ms / 1000),
      workers: pool.size,
      casts: o.casts,
      castsAcked: acked.length,
      rate: o.rate,
      broadcastBytes: live.broadcastBytes(),
      perFollower: {
        messages: round(delivered.firstFollower.messages, 1),
        messageBytes: round(delivered.firstFollower.bytes / Math.max(1, delivered.firstFollower.messages), 0),
        // Over the cast window (casts / rate seconds).
        bytesPerSecond: round(delivered.firstFollower.bytes / (o.casts / o.rate), 0),
      },
      ack: roundSummary(summarize(raw.ack)),
      chair: roundSummary(summarize(raw.chair)),
      screen: roundSummary(summarize(raw.screen)),
      follower: roundSummary(summarize(raw.follower)),
      raw,
      runs: 1,
      delivery: {
        expected: acked.length * connect.report.ok,
        missing: delivered.missing - acked.length * connect.report.failed,
        outOfOrder: delivered.outOfOrder,
        duplicates: delivered.duplicates,
        complete: delivered.complete,
        disconnected: delivered.disconnected,
      },
      load: [round(loadA, 2), round(loadavg()[0]!, 2)],
      loadGenCpu: round(loadGenCpu, 2),
      server: {
        cpu: round(cpuShare(cpuA, cpuB), 2),
        rssBaseMB: round(baseProc.rssBytes / 2 ** 20),
        rssLoadedMB: round(loadedProc.rssBytes / 2 ** 20),
        rssPerFollowerKB: round((loadedProc.rssBytes - baseProc.rssBytes) / ok / 1024),
        heapPerFollowerKB: round((loaded.memory.heapUsed - base.memory.heapUsed) / ok / 1024),
        eldP50: round(eld.eld.p50, 2),
        eldP99: round(eld.eld.p99, 2),
        eldMax: round(eld.eld.max, 2),
        startMs: round(live.server.startMs),
        commitP99: round(eld.timings?.commit.p99 ?? NaN, 2),
        batchP99: round(eld.timings?.batch.p99 ?? NaN, 2),
        sliceP99: round(eld.timings?.slice.p99 ?? NaN, 2),
        sliceMax: round(eld.timings?.slice.max ?? NaN, 2),
        writeUs: round(eld.timings?.writeUs ?? NaN, 2),
      },
    };
  } finally {
    await pool?.close();
    await live.close();
  }
}
