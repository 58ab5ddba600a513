import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledCommand, runCycle, seededRandom, tsxCommand, type CrashWorld } from './cycle.ts';

/**
 * npm run crash-test -- --runs 1000 [--seed N] [--bundle] [--keep]
 * SIGKILLs the server at random points while 16 delegates vote; prints cycles, acked votes, lost (must be 0).
 * npm run crash-test -- --cluster --runs 1000 [--seed N]: the same for 3 nodes on PostgreSQL + Redis
 * behind the proxy (test/crash/cluster-run.ts).
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' }, seed: { type: 'string' }, bundle: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false }, cluster: { type: 'boolean', default: false },
  },
});
if (values.cluster) {
  const { runClusterCrash } = await import('./cluster-run.ts');
  process.exit(await runClusterCrash(Number(values.runs), values.seed ? Number(values.seed) : Date.now() % 1_000_000));
}
const runs = Number(values.runs);
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;
const rng = seededRandom(seed);
const dataDir = mkdtempSync(join(tmpdir(), 'plenum-crash-'));
const world: CrashWorld = { dataDir, command: values.bundle ? await bundledCommand() : tsxCommand };
let acked = 0;
let lost = 0;
let broken = 0;
const started = Date.now();
console.log(`crash test: ${runs} cycles, seed ${seed}, data ${dataDir}, server: ${world.command.join(' ')}`);
for (let i = 1; i <= runs; i++) {
  const r = await runCycle(world, rng);
  acked += r.acked.length;
  lost += r.lost.length;
  if (!r.verified) broken += 1;
  if (r.lost.length || !r.verified) console.log(`cycle ${i}: lost ${r.lost.length}, chain ${r.verified ? 'ok' : `BROKEN (${r.reason})`}`);
  if (i % 10 === 0 || i === runs) console.log(`  ${i}/${runs} cycles, ${acked} acked votes, ${lost} lost, ${r.events} events in the log`);
}
console.log(`summary: cycles=${runs} acked=${acked} lost=${lost} brokenChains=${broken} seed=${seed} seconds=${((Date.now() - started) / 1000).toFixed(1)}`);
if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
process.exit(lost === 0 && broken === 0 ? 0 : 1);
