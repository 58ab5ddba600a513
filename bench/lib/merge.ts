import type { FanoutResult } from '../scenarios/fanout.ts';
import { concat, round, roundSummary, summarize } from './stats.ts';

/**
 * Pools repeated runs of one target at one N: latency percentiles over all samples of all runs;
 * CPU, memory and event-loop figures as the mean of the runs; delivery counts summed.
 */
export function mergeRuns(runs: FanoutResult[]): FanoutResult {
  if (runs.length === 1) return runs[0]!;
  const first = runs[0]!;
  const mean = (get: (r: FanoutResult) => number) => round(runs.reduce((s, r) => s + get(r), 0) / runs.length, 2);
  const pooled = (k: 'ack' | 'chair' | 'screen' | 'follower') => roundSummary(summarize(concat(runs.map((r) => r.raw?.[k] ?? new Float64Array()))));
  return {
    ...first,
    connected: Math.min(...runs.map((r) => r.connected)),
    connectFailed: runs.reduce((s, r) => s + r.connectFailed, 0),
    connectErrors: runs.flatMap((r) => r.connectErrors).slice(0, 3),
    connectSeconds: mean((r) => r.connectSeconds),
    casts: runs.reduce((s, r) => s + r.casts, 0),
    castsAcked: runs.reduce((s, r) => s + r.castsAcked, 0),
    ack: pooled('ack'), chair: pooled('chair'), screen: pooled('screen'), follower: pooled('follower'),
    delivery: {
      expected: runs.reduce((s, r) => s + r.delivery.expected, 0),
      missing: runs.reduce((s, r) => s + r.delivery.missing, 0),
      outOfOrder: runs.reduce((s, r) => s + r.delivery.outOfOrder, 0),
      duplicates: runs.reduce((s, r) => s + (r.delivery.duplicates ?? 0), 0),
      complete: Math.min(...runs.map((r) => r.delivery.complete)),
      disconnected: runs.reduce((s, r) => s + r.delivery.disconnected, 0),
    },
    perFollower: {
      messages: mean((r) => r.perFollower.messages),
      messageBytes: mean((r) => r.perFollower.messageBytes),
      bytesPerSecond: mean((r) => r.perFollower.bytesPerSecond),
    },
    load: [mean((r) => r.load[0]), mean((r) => r.load[1])],
    loadGenCpu: mean((r) => r.loadGenCpu ?? NaN),
    server: {
      cpu: mean((r) => r.server.cpu),
      rssBaseMB: mean((r) => r.server.rssBaseMB),
      rssLoadedMB: mean((r) => r.server.rssLoadedMB),
      rssPerFollowerKB: mean((r) => r.server.rssPerFollowerKB),
      heapPerFollowerKB: mean((r) => r.server.heapPerFollowerKB),
      eldP50: mean((r) => r.server.eldP50),
      eldP99: mean((r) => r.server.eldP99),
      eldMax: Math.max(...runs.map((r) => r.server.eldMax)),
      startMs: mean((r) => r.server.startMs),
    },
    runs: runs.length,
    raw: undefined,
  };
}

/** Without the raw arrays, for the results file. */
export const withoutRaw = (r: FanoutResult): FanoutResult => ({ ...r, raw: undefined });
