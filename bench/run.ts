import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { sleep } from './lib/clock.ts';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './lib/args.ts';
import { raiseOwnPriority } from './lib/priority.ts';
import { machineInfo } from './report/machine.ts';
import type { BenchResults } from './report/markdown.ts';
import { writeOutputs } from './report/write-docs.ts';
import { runFanout, type FanoutResult } from './scenarios/fanout.ts';
import { mergeRuns, withoutRaw } from './lib/merge.ts';
import { bareTarget } from './scenarios/bare.ts';
import { plenumTarget } from './scenarios/plenum.ts';
import { runThroughput } from './scenarios/throughput.ts';
import { runRestart } from './scenarios/restart.ts';
import { runSessions } from './scenarios/sessions.ts';

/**
 * `npm run bench [-- --steps 1000,2500 --reps 3 --rate 4 --casts 40 --quick --no-sessions --no-throughput --no-restart --wait-quiet 120]`
 *
 * For each N, `reps` runs per target in the order Plenum, bare, bare, Plenum, …: bare Socket.IO
 * gets the same casts, payload sizes and followers. Then many sessions on one node, durable
 * throughput and restart time (Plenum only). Writes bench/results/<date>.json, the chart, and the
 * generated block of docs/performance.md (full runs only).
 */
const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const args = parseArgs(process.argv.slice(2));
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);
// Whatever happens, the bench ends: 10 minutes per step and target plus the rest.
const HARD_LIMIT_MS = (args.steps.length * 2 * args.reps * 10 + 20) * 60_000;
setTimeout(() => { console.error('bench: hard time limit reached'); process.exit(2); }, HARD_LIMIT_MS).unref();

const results: BenchResults = {
  machine: machineInfo(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  options: { rate: args.rate, casts: args.casts, perWorker: args.perWorker, reps: args.reps },
  followerAdmission: plenumTarget.followerNote,
  steps: [],
};
if (args.priority) results.machine.priority = raiseOwnPriority();
log(`machine: ${results.machine.nproc} cores, node ${results.machine.node}, ulimit -n ${results.machine.ulimitN}${results.machine.priority ? `, scheduling: ${results.machine.priority}` : ''}`);
const needFds = Math.max(...args.steps) + 1000;
if (Number(results.machine.ulimitN) < needFds) log(`warning: ulimit -n ${results.machine.ulimitN} < ${needFds} needed by the server process; raise it (ulimit -n 65536)`);

/** The machine is shared: optionally wait for the others' load to drop before measuring. */
async function waitQuiet() {
  const until = Date.now() + args.waitQuiet * 1000;
  while (Date.now() < until && loadavg()[0]! > cpus().length) await sleep(5_000);
  if (args.waitQuiet) log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

const day = results.machine.date.slice(0, 10);
const name = args.quick ? `${day}-quick` : day;
mkdirSync(root('bench/results'), { recursive: true });
/** Written after every step too, so a run stopped early still leaves its figures. */
const save = () => writeFileSync(root(`bench/results/${name}.json`), `${JSON.stringify(results, null, 2)}\n`);

let payloadBytes = 0;
let followerBytes = 0;
// Many sessions first: the largest fan-out steps take longest and are the likeliest to be cut short.
if (args.sessions.count > 0 && args.targets.includes('plenum')) {
  try {
    await waitQuiet();
    results.sessions = await runSessions({ ...args.sessions, perWorker: args.perWorker, log });
    const r = results.sessions;
    save();
    log(`sessions: ${r.sessions} × ${r.followersPerSession} followers, ack p50/p99 ${r.ack.p50}/${r.ack.p99} ms, chair p99 ${r.chair.p99}, follower p50/p99 ${r.follower.p50}/${r.follower.p99} ms, missing ${r.delivery.missing}, CPU ${r.serverCpu}`);
  } catch (e) { log(`sessions failed: ${(e as Error).stack ?? e}`); }
}
const targets = [plenumTarget, bareTarget].filter((t) => args.targets.includes(t.name));
for (const n of args.steps) {
  const step: BenchResults['steps'][number] = { n };
  const runs: Record<string, FanoutResult[]> = { plenum: [], bare: [] };
  // ABBA…: Plenum, bare, bare, Plenum, so that a drifting load from others hits both alike.
  const order = Array.from({ length: args.reps }, (_, k) => (k % 2 === 0 ? targets : [...targets].reverse())).flat();
  for (const target of order) {
    try {
      await waitQuiet();
      const r = await runFanout(target, { followers: n, casts: args.casts, rate: args.rate, perWorker: args.perWorker, payloadBytes, followerBytes, log });
      if (target.name === 'plenum' && r.broadcastBytes > 0) payloadBytes = r.broadcastBytes;
      if (target.name === 'plenum' && r.perFollower.messageBytes > 0) followerBytes = r.perFollower.messageBytes;
      runs[target.name]!.push(r);
      step.runs = [...(step.runs ?? []), withoutRaw(r)];
      log(`${target.name} N=${n}: ack p99 ${r.ack.p99} ms, chair p99 ${r.chair.p99} ms, follower p50/p99 ${r.follower.p50}/${r.follower.p99} ms, missing ${r.delivery.missing}, CPU ${r.server.cpu}, ${r.server.rssPerFollowerKB} KB/follower, load ${r.load[0]}`);
    } catch (e) {
      log(`${target.name} N=${n} failed: ${(e as Error).stack ?? e}`);
    }
  }
  for (const t of targets) if (runs[t.name]!.length) step[t.name] = withoutRaw(mergeRuns(runs[t.name]!));
  results.steps.push(step);
  save();
}

if (!args.skipThroughput && args.targets.includes('plenum')) {
  try {
    await waitQuiet();
    results.throughput = await runThroughput(args.throughputSeconds);
    log(`throughput: ${results.throughput.votesPerSecond} acked votes/s, ack p99 ${results.throughput.ack.p99} ms`);
  } catch (e) { log(`throughput failed: ${(e as Error).stack ?? e}`); }
}
if (!args.skipRestart && args.targets.includes('plenum')) {
  try {
    await waitQuiet();
    results.restart = await runRestart(args.restartEvents);
    log(`restart: ${results.restart.large.events} events → ready ${results.restart.large.readyMs} ms, first join ${results.restart.large.firstJoinMs} ms`);
  } catch (e) { log(`restart failed: ${(e as Error).stack ?? e}`); }
}

save();
log(`wrote bench/results/${name}.json; ${writeOutputs(results, name, args.writeDocs && !args.quick).join(', ')}`);
process.exit(0);
