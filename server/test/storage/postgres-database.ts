import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local PostgreSQL of the development and CI machines (trust auth). */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type PostgresAvailability = { kind: 'found' } | { kind: 'skip'; message: string } | { kind: 'fail'; message: string };

/**
 * Without PostgreSQL these tests are skipped loudly on a developer box, and fail in CI: a green CI
 * run must mean they ran.
 */
export async function postgresAvailability(env: NodeJS.ProcessEnv = process.env): Promise<PostgresAvailability> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { kind: 'found' };
  } catch (err) {
    const message = `No PostgreSQL at ${PG_ADMIN_URL} (${(err as Error).message}); start it (pg_isready -h 127.0.0.1 tells).`;
    if (env.CI === 'true') return { kind: 'fail', message };
    console.warn(`\n⚠️  SKIPPING PostgreSQL tests. ${message}\n`);
    return { kind: 'skip', message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try { return await run(client); } finally { await client.end(); }
}

/** A fresh database `plenum_test_<random>`; returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `plenum_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drop it, ending any connection still open to it. */
export async function dropTestDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Empty every table (the schema stays), so each contract test starts from a fresh store. */
export async function emptyTables(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE events, command_keys, snapshots, sessions, invitations, meetings');
}
