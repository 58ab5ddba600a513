import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ActorClient } from '../lib/actor.ts';
import { now } from '../lib/clock.ts';
import { round } from '../lib/stats.ts';
import { MEETING, redeemPrintedLinks, startPlenum } from './plenum.ts';

const GENERATOR = fileURLToPath(new URL('./generate-log.ts', import.meta.url));

export interface RestartTiming { events: number; readyMs: number; firstJoinMs: number; runs: number }
export interface RestartResult { small: RestartTiming; large: RestartTiming; generateSeconds: number; note: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Spawn → PLENUM_READY, and spawn → the screen's meeting:join acked (the meeting loads lazily). */
async function timeRestart(dataDir: string, cookie: string, runs: number): Promise<Omit<RestartTiming, 'events'> & { seq: number }> {
  const ready: number[] = [];
  const join: number[] = [];
  let seq = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    const { server, url } = await startPlenum({ dataDir });
    try {
      const screen = await ActorClient.connect({ url, meetingId: MEETING, headers: { cookie, origin: url }, label: 'screen' });
      join.push(now() - t0);
      ready.push(server.startMs);
      seq = screen.lastSeq;
      screen.close();
    } finally {
      await server.stop();
    }
  }
  return { readyMs: round(median(ready)), firstJoinMs: round(median(join)), runs, seq };
}

/**
 * Restart time: the demo log (≈100 events), then the same data folder grown to `events` through
 * the real runtime (generate-log.ts), each restarted `runs` times; medians.
 */
export async function runRestart(events: number, runs = 3): Promise<RestartResult> {
  const first = await startPlenum();
  const { dataDir } = first;
  try {
    const people = await redeemPrintedLinks(first.url, first.server.lines);
    await first.server.stop();
    const screen = people.find((p) => p.me.role === 'screen');
    if (!screen) throw new Error('no screen link');
    const small = await timeRestart(dataDir, screen.cookie, runs);
    const g0 = now();
    execFileSync(process.execPath, ['--import', 'tsx', GENERATOR, dataDir, String(events)], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
    const generateSeconds = round((now() - g0) / 1000);
    const large = await timeRestart(dataDir, screen.cookie, runs);
    return {
      small: { events: small.seq, readyMs: small.readyMs, firstJoinMs: small.firstJoinMs, runs },
      large: { events: large.seq, readyMs: large.readyMs, firstJoinMs: large.firstJoinMs, runs },
      generateSeconds,
      note: 'spawn of `node --import tsx server/src/main.ts` → ready line, and → first meeting:join ack (the meeting is loaded on first use); medians',
    };
  } finally {
    await first.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
