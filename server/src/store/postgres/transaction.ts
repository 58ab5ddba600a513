import type { Pool, PoolClient } from 'pg';

/**
 * `work` in one transaction on a connection of its own: COMMIT, or ROLLBACK and the error passed on.
 * A connection that could not roll back is not handed to the next caller.
 */
export async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  let broken: unknown = undefined;
  try {
    await c.query('BEGIN');
    try {
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch((e: unknown) => { broken = e; });
      throw err;
    }
  } finally {
    c.release(broken instanceof Error ? broken : undefined);
  }
}
