import { describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../../server/test/storage/postgres-database.ts';
import { clusterAvailability, dropRedisPrefix, REDIS_TEST_URL, testRedisPrefix } from '../../server/test/cluster/services.ts';
import { bundledCommand, seededRandom } from './cycle.ts';
import { runClusterCycle, startClusterWorld, stopClusterWorld, verifyCluster } from './cluster-cycle.ts';
import { summarizeReconnects } from './cluster-summary.ts';

/** CI runs 30 cycles (`npm run crash-test -- --cluster --runs 1000` on demand). */
const CYCLES = Number(process.env.PLENUM_CLUSTER_CRASH_CYCLES ?? 30);

const availability = await clusterAvailability();
if (availability.kind === 'fail') {
  describe('cluster crash', () => {
    it('needs PostgreSQL and Redis in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('cluster crash: SIGKILL a random node of 3 while 16 delegates vote through the proxy', () => {
  it(`${CYCLES} kills: 0 acknowledged votes lost, 0 counted twice, every client back on another node, the record verifies`, async () => {
    const seed = Date.now() % 1_000_000;
    const rng = seededRandom(seed);
    const db = await createTestDatabase();
    const prefix = testRedisPrefix();
    const world = await startClusterWorld({ databaseUrl: db.url, redisUrl: REDIS_TEST_URL, redisPrefix: prefix, command: await bundledCommand() });
    let acked = 0;
    const reconnects: number[] = [];
    try {
      for (let i = 0; i < CYCLES; i++) {
        const r = await runClusterCycle(world, rng);
        acked += r.acked;
        reconnects.push(...r.reconnectMs);
        expect(r.lost, `cycle ${i}, seed ${seed}: acknowledged votes missing from the log`).toEqual([]);
        expect(r.doubleCounted, `cycle ${i}, seed ${seed}: commands counted twice`).toBe(0);
      }
      const verified = await verifyCluster(world);
      expect(verified, `seed ${seed}`).toEqual({ ok: true, reason: undefined });
      console.log(`cluster crash: ${CYCLES} cycles, ${acked} acked votes, 0 lost, 0 double-counted; reconnect ${summarizeReconnects(reconnects)} (seed ${seed})`);
      expect(acked).toBeGreaterThan(0);
      expect(reconnects.length).toBeGreaterThan(0);
    } finally {
      await stopClusterWorld(world);
      await dropTestDatabase(db.name);
      await dropRedisPrefix(prefix);
    }
  }, 600_000);
});
