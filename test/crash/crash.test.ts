import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledCommand, runCycle, seededRandom, type CrashWorld } from './cycle.ts';

const CYCLES = Number(process.env.PLENUM_CRASH_CYCLES ?? 50);

describe('crash: SIGKILL while 16 delegates vote', () => {
  it(`every acknowledged vote survives ${CYCLES} kills at random points, and the hash chain verifies`, async () => {
    const seed = Date.now() % 1_000_000;
    const rng = seededRandom(seed);
    // One data folder for all cycles (each restart replays what the last one left); the server is
    // bundled once so each restart is fast.
    const world: CrashWorld = { dataDir: mkdtempSync(join(tmpdir(), 'plenum-crash-')), command: await bundledCommand() };
    let acked = 0;
    try {
      for (let i = 0; i < CYCLES; i++) {
        const r = await runCycle(world, rng);
        acked += r.acked.length;
        expect(r.lost, `cycle ${i}, seed ${seed}: acknowledged votes missing from the log`).toEqual([]);
        expect(r.verified, `cycle ${i}, seed ${seed}: ${r.reason}`).toBe(true);
      }
      console.log(`crash: ${CYCLES} cycles, ${acked} acked votes, 0 lost (seed ${seed})`);
      expect(acked).toBeGreaterThan(0);
    } finally {
      rmSync(world.dataDir, { recursive: true, force: true });
    }
    // Not a speed test: 50 restarts took 91–146 s alone and ran past 240 s at load 20–25.
  }, 600_000);
});
