import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { postgresAvailability, type PostgresAvailability } from '../storage/postgres-database.ts';

/** The local Redis of the development and CI machines. */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/**
 * The cluster tests need PostgreSQL and Redis. Without either they are skipped loudly on a
 * developer box and fail in CI (a green CI run must mean they ran), like the store tests.
 */
export async function clusterAvailability(env: NodeJS.ProcessEnv = process.env): Promise<PostgresAvailability> {
  const pg = await postgresAvailability(env);
  if (pg.kind !== 'found') return pg;
  const client = createClient({ url: REDIS_TEST_URL, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return { kind: 'found' };
  } catch (err) {
    const message = `No Redis at ${REDIS_TEST_URL} (${(err as Error).message}); start it (redis-cli ping tells).`;
    if (env.CI === 'true') return { kind: 'fail', message };
    console.warn(`\n⚠️  SKIPPING cluster tests. ${message}\n`);
    return { kind: 'skip', message };
  } finally {
    client.destroy();
  }
}

/** A Redis key prefix of its own per run, so test runs sharing one Redis never hear each other. */
export const testRedisPrefix = () => `plenum-test-${randomBytes(5).toString('hex')}`;

/** Remove what a run left in Redis (its adapter stream). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_TEST_URL, socket: { reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) if (keys.length) await client.del(keys);
  } catch { /* best effort */ } finally {
    client.destroy();
  }
}
