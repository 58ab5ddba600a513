import type { FanoutResult } from '../scenarios/fanout.ts';
import { round, type Summary } from './stats.ts';

/** min and max of one figure over the repeated runs. */
export type Spread = [min: number, max: number];

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[]): Spread => {
  const s = xs.filter(Number.isFinite);
  return s.length ? [round(Math.min(...s)), round(Math.max(...s))] : [NaN, NaN];
};

/**
 * Repeated runs of one target at one N, as one result: every latency percentile, CPU, memory and
 * bytes figure is the MEDIAN of the runs' figures (one disturbed run moves it little), `spread`
 * keeps min–max of the headline figures, delivery counts are summed.
 */
export function mergeRuns(runs: FanoutResult[]): FanoutResult {
  const first = runs[0]!;
  const med = (get: (r: FanoutResult) => number, digits = 1) => round(median(runs.map(get)), digits);
  const summary = (k: 'ack' | 'chair' | 'screen' | 'follower'): Summary => ({
    n: runs.reduce((s, r) => s + r[k].n, 0),
    p50: med((r) => r[k].p50), p95: med((r) => r[k].p95), p99: med((r) => r[k].p99), max: med((r) => r[k].max), mean: med((r) => r[k].mean),
  });
  return {
    ...first,
    connected: Math.min(...runs.map((r) => r.connected)),
    connectFailed: runs.reduce((s, r) => s + r.connectFailed, 0),
    connectErrors: runs.flatMap((r) => r.connectErrors).slice(0, 3),
    connectSeconds: med((r) => r.connectSeconds),
    casts: runs.reduce((s, r) => s + r.casts, 0),
    castsAcked: runs.reduce((s, r) => s + r.castsAcked, 0),
    ack: summary('ack'), chair: summary('chair'), screen: summary('screen'), follower: summary('follower'),
    spread: {
      ackP99: spread(runs.map((r) => r.ack.p99)),
      chairP99: spread(runs.map((r) => r.chair.p99)),
      followerP50: spread(runs.map((r) => r.follower.p50)),
      followerP99: spread(runs.map((r) => r.follower.p99)),
    },
    delivery: {
      expected: runs.reduce((s, r) => s + r.delivery.expected, 0),
      missing: runs.reduce((s, r) => s + r.delivery.missing, 0),
      outOfOrder: runs.reduce((s, r) => s + r.delivery.outOfOrder, 0),
      duplicates: runs.reduce((s, r) => s + (r.delivery.duplicates ?? 0), 0),
      complete: Math.min(...runs.map((r) => r.delivery.complete)),
      disconnected: runs.reduce((s, r) => s + r.delivery.disconnected, 0),
    },
    perFollower: {
      messages: med((r) => r.perFollower.messages),
      messageBytes: med((r) => r.perFollower.messageBytes, 0),
      bytesPerSecond: med((r) => r.perFollower.bytesPerSecond, 0),
    },
    load: [med((r) => r.load[0], 2), med((r) => r.load[1], 2)],
    loadGenCpu: med((r) => r.loadGenCpu ?? NaN, 2),
    server: {
      cpu: med((r) => r.server.cpu, 2),
      rssBaseMB: med((r) => r.server.rssBaseMB),
      rssLoadedMB: med((r) => r.server.rssLoadedMB),
      rssPerFollowerKB: med((r) => r.server.rssPerFollowerKB),
      heapPerFollowerKB: med((r) => r.server.heapPerFollowerKB),
      eldP50: med((r) => r.server.eldP50, 2),
      eldP99: med((r) => r.server.eldP99, 2),
      eldMax: Math.max(...runs.map((r) => r.server.eldMax)),
      startMs: med((r) => r.server.startMs),
      commitP99: med((r) => r.server.commitP99 ?? NaN, 2),
      batchP99: med((r) => r.server.batchP99 ?? NaN, 2),
      sliceP99: med((r) => r.server.sliceP99 ?? NaN, 2),
      sliceMax: med((r) => r.server.sliceMax ?? NaN, 2),
    },
    runs: runs.length,
    raw: undefined,
  };
}

/** Without the raw arrays, for the results file. */
export const withoutRaw = (r: FanoutResult): FanoutResult => ({ ...r, raw: undefined });
