import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActorClient } from '../lib/actor.ts';
import { now } from '../lib/clock.ts';
import { raiseOwnPriority } from '../lib/priority.ts';
import { round } from '../lib/stats.ts';
import { buildServer } from '../../server/build.ts';
import { MEETING, redeemPrintedLinks, startPlenum } from '../scenarios/plenum.ts';

/**
 * Start time with the whole log verified (VERIFY_ON_START=full, what every start did before
 * snapshots were sealed) against the start check from the sealed snapshot on (the default), on the
 * same data folders, restart by restart in turn so the machine's load hits both alike.
 *
 * The demo data folder is grown to each size through the real runtime (generate-log.ts: sealed
 * snapshots every 500 events, a checkpoint per commit, as a server writes them). Each restart is the
 * production bundle (`node dist/server/main.js`), timed spawn → ready line and spawn → the screen's
 * first meeting:join ack (the meeting is loaded on first use). Medians and min–max; the load
 * average before each restart is kept.
 *
 * `node --import tsx bench/micro/restart.ts [sizes=0,10000,100000] [runs=5]` (0: the demo log as first started)
 */
const sizes = (process.argv[2] ?? '0,10000,100000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const GENERATOR = fileURLToPath(new URL('../scenarios/generate-log.ts', import.meta.url));
const loadAvg = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`priority: ${raiseOwnPriority()}`);
await buildServer();
const first = await startPlenum();
const people = await redeemPrintedLinks(first.url, first.server.lines);
await first.server.stop();
const screen = people.find((p) => p.me.role === 'screen');
if (!screen) throw new Error('no screen link');

const dirs: { events: number; dir: string }[] = [];
try {
  for (const events of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `plenum-restart-${events}-`));
    cpSync(first.dataDir, dir, { recursive: true });
    // 0: the demo log as it is (what a start costs without a long log).
    if (events === 0) { dirs.push({ events, dir }); continue; }
    const g0 = now();
    execFileSync(process.execPath, ['--import', 'tsx', GENERATOR, dir, String(events)], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 15 * 60_000 });
    console.log(`generated ${events} events in ${round((now() - g0) / 1000)} s`);
    dirs.push({ events, dir });
  }
  const modes = ['full', 'snapshot'] as const;
  const samples = new Map<string, { ready: number[]; join: number[]; load: number[] }>();
  for (let r = 0; r < runs; r++) {
    for (const { events, dir } of dirs) {
      // Alternate which mode goes first, so neither always follows the other's page cache.
      for (const mode of r % 2 === 0 ? modes : [...modes].reverse()) {
        const load = loadAvg();
        const t0 = now();
        const { server, url } = await startPlenum({ dataDir: dir, bundle: true, env: { VERIFY_ON_START: mode } });
        try {
          const client = await ActorClient.connect({ url, meetingId: MEETING, headers: { cookie: screen.cookie, origin: url }, label: 'screen' });
          const joinMs = now() - t0;
          if (client.lastSeq < events) throw new Error(`${mode}: joined at seq ${client.lastSeq}, expected ≥ ${events}`);
          client.close();
          const key = `${events} ${mode}`;
          const s = samples.get(key) ?? { ready: [], join: [], load: [] };
          s.ready.push(server.startMs); s.join.push(joinMs); s.load.push(load);
          samples.set(key, s);
        } finally {
          await server.stop();
        }
      }
    }
  }
  console.log(`\n${runs} restarts per row, ${new Date().toISOString()}, ${process.version}`);
  console.log('| events | VERIFY_ON_START | ready ms: median (min–max) | first join ms: median (min–max) | load avg (min–max) |');
  console.log('|---:|---|---:|---:|---:|');
  for (const { events } of dirs) {
    for (const mode of modes) {
      const s = samples.get(`${events} ${mode}`)!;
      const span = (xs: number[]) => `${round(median(xs))} (${round(Math.min(...xs))}–${round(Math.max(...xs))})`;
      console.log(`| ${events.toLocaleString('en')} | ${mode} | ${span(s.ready)} | ${span(s.join)} | ${median(s.load)} (${Math.min(...s.load)}–${Math.max(...s.load)}) |`);
    }
  }
} finally {
  rmSync(first.dataDir, { recursive: true, force: true });
  for (const { dir } of dirs) rmSync(dir, { recursive: true, force: true });
}
