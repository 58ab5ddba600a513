import { now } from '../lib/clock.ts';
import { cpuShare, sampleProc } from '../lib/procstat.ts';
import { round, summarize, type Summary } from '../lib/stats.ts';
import { rmSync } from 'node:fs';
import { connectCast, prepareSession, startPlenum } from './plenum.ts';

export interface ThroughputResult {
  seconds: number;
  delegates: number;
  acked: number;
  refused: Record<string, number>;
  votesPerSecond: number;
  ack: Summary;
  serverCpu: number;
  note: string;
}

/**
 * Durable command throughput: the 16 delegates each cast back-to-back (next cast after the ack)
 * on one open vote for `seconds`. Every ack follows a committed SQLite transaction
 * (WAL, synchronous=FULL). The per-socket rate limit (20/s) is raised for this run only, since it
 * exists to stop abuse, not to pace a delegate.
 */
export async function runThroughput(seconds: number): Promise<ThroughputResult> {
  const { server, dataDir, url } = await startPlenum({ env: { RATE_PER_SECOND: '100000', RATE_BURST: '100000' } });
  const cast = await connectCast(url, server.lines);
  try {
    const voteId = await prepareSession(cast);
    const latencies: number[] = [];
    const refused: Record<string, number> = {};
    const a = sampleProc(server.pid);
    const t0 = now();
    const end = t0 + seconds * 1000;
    await Promise.all(cast.delegates.map(async (d, i) => {
      let k = i;
      while (now() < end) {
        const { t0: s, tAck, res } = await d.actor.command({ type: 'castVote', voteId, land: d.land, choice: k++ % 2 ? 'no' : 'yes' });
        if (res.data) latencies.push(tAck - s);
        else refused[res.error?.code ?? 'unknown'] = (refused[res.error?.code ?? 'unknown'] ?? 0) + 1;
      }
    }));
    const elapsed = (now() - t0) / 1000;
    const b = sampleProc(server.pid);
    const s = summarize(latencies);
    return {
      seconds: round(elapsed, 2), delegates: cast.delegates.length, acked: latencies.length, refused,
      votesPerSecond: round(latencies.length / elapsed, 0),
      ack: { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) },
      serverCpu: round(cpuShare(a, b), 2),
      note: 'WAL + synchronous=FULL; 16 delegates, closed loop; RATE_PER_SECOND raised for this run',
    };
  } finally {
    for (const x of [cast.chair, cast.screen, ...cast.delegates.map((d) => d.actor)]) x.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
