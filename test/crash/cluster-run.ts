import { createTestDatabase, dropTestDatabase } from '../../server/test/storage/postgres-database.ts';
import { REDIS_TEST_URL, testRedisPrefix, dropRedisPrefix } from '../../server/test/cluster/services.ts';
import { bundledCommand, seededRandom } from './cycle.ts';
import { runClusterCycle, startClusterWorld, stopClusterWorld, verifyCluster } from './cluster-cycle.ts';
import { summarizeReconnects } from './cluster-summary.ts';

/** `npm run crash-test -- --cluster --runs N`: returns the exit code (0: nothing lost or counted twice, the record verifies). */
export async function runClusterCrash(runs: number, seed: number): Promise<number> {
  const rng = seededRandom(seed);
  const db = await createTestDatabase();
  const prefix = testRedisPrefix();
  const started = Date.now();
  console.log(`cluster crash test: ${runs} cycles, seed ${seed}, 3 nodes, database ${db.name}, Redis prefix ${prefix}`);
  const world = await startClusterWorld({ databaseUrl: db.url, redisUrl: REDIS_TEST_URL, redisPrefix: prefix, command: await bundledCommand() });
  let acked = 0;
  let lost = 0;
  let doubled = 0;
  const reconnects: number[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const r = await runClusterCycle(world, rng);
      acked += r.acked;
      lost += r.lost.length;
      doubled += r.doubleCounted;
      reconnects.push(...r.reconnectMs);
      if (r.lost.length || r.doubleCounted) console.log(`cycle ${i} (killed node ${r.killed}): lost ${r.lost.length}, double-counted ${r.doubleCounted}`);
      if (i % 10 === 0 || i === runs) console.log(`  ${i}/${runs} cycles, ${acked} acked votes, ${lost} lost, ${doubled} double-counted`);
    }
    const verified = await verifyCluster(world);
    console.log(`summary: cycles=${runs} acked=${acked} lost=${lost} doubleCounted=${doubled} chain=${verified.ok ? 'ok' : `BROKEN (${verified.reason})`} reconnect: ${summarizeReconnects(reconnects)} seed=${seed} seconds=${((Date.now() - started) / 1000).toFixed(1)}`);
    return lost === 0 && doubled === 0 && verified.ok ? 0 : 1;
  } finally {
    await stopClusterWorld(world);
    await dropTestDatabase(db.name);
    await dropRedisPrefix(prefix);
  }
}
