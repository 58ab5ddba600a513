import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActorClient } from '../lib/actor.ts';
import { now } from '../lib/clock.ts';
import { round } from '../lib/stats.ts';
import { buildServer } from '../../server/build.ts';
import { MEETING, redeemPrintedLinks, startPlenum } from './plenum.ts';

const GENERATOR = fileURLToPath(new URL('./generate-log.ts', import.meta.url));

export interface RestartTiming { events: number; readyMs: number; firstJoinMs: number; runs: number }
/** small/large: the production bundle (`npm start`); tsx: the same logs started the old way, in the same minutes. */
export interface RestartResult { small: RestartTiming; large: RestartTiming; tsx?: { small: RestartTiming; large: RestartTiming }; generateSeconds: number; note: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One restart: spawn → PLENUM_READY, and spawn → the screen's meeting:join acked (the meeting loads lazily). */
async function restartOnce(dataDir: string, cookie: string, bundle: boolean) {
  const t0 = now();
  const { server, url } = await startPlenum({ dataDir, bundle });
  try {
    const screen = await ActorClient.connect({ url, meetingId: MEETING, headers: { cookie, origin: url }, label: 'screen' });
    const joinMs = now() - t0;
    screen.close();
    return { readyMs: server.startMs, joinMs, seq: screen.lastSeq };
  } finally {
    await server.stop();
  }
}

/** Each (log, server) pair restarted in turn, so that load from others on the machine hits all alike. */
async function timeRestarts(configs: { dir: string; bundle: boolean }[], cookie: string, runs: number): Promise<RestartTiming[]> {
  const samples = configs.map(() => ({ ready: [] as number[], join: [] as number[], seq: 0 }));
  for (let r = 0; r < runs; r++) {
    for (const [i, { dir, bundle }] of configs.entries()) {
      const x = await restartOnce(dir, cookie, bundle);
      samples[i]!.ready.push(x.readyMs);
      samples[i]!.join.push(x.joinMs);
      samples[i]!.seq = x.seq;
    }
  }
  return samples.map((s) => ({ events: s.seq, readyMs: round(median(s.ready)), firstJoinMs: round(median(s.join)), runs }));
}

/**
 * Restart time: the demo log (≈100 events), then the same data folder grown to `events` through
 * the real runtime (generate-log.ts), each restarted `runs` times with the production bundle
 * (`npm start`, built here first) and with tsx (`npm run dev`); medians.
 */
export async function runRestart(events: number, runs = 5): Promise<RestartResult> {
  await buildServer();
  const first = await startPlenum();
  const { dataDir } = first;
  const smallDir = mkdtempSync(join(tmpdir(), 'plenum-bench-small-'));
  try {
    const people = await redeemPrintedLinks(first.url, first.server.lines);
    await first.server.stop();
    const screen = people.find((p) => p.me.role === 'screen');
    if (!screen) throw new Error('no screen link');
    cpSync(dataDir, smallDir, { recursive: true });
    const g0 = now();
    execFileSync(process.execPath, ['--import', 'tsx', GENERATOR, dataDir, String(events)], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
    const generateSeconds = round((now() - g0) / 1000);
    const [small, large, tsxSmall, tsxLarge] = await timeRestarts([
      { dir: smallDir, bundle: true }, { dir: dataDir, bundle: true }, { dir: smallDir, bundle: false }, { dir: dataDir, bundle: false },
    ], screen.cookie, runs);
    return {
      small: small!, large: large!, tsx: { small: tsxSmall!, large: tsxLarge! },
      generateSeconds,
      note: 'spawn of `node dist/server/main.js` (the bundle `npm start` runs) → ready line, and → first meeting:join ack (the meeting is loaded on first use); medians',
    };
  } finally {
    await first.server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(smallDir, { recursive: true, force: true });
  }
}
