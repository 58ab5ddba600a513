import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';

/** What was copied, table by table. */
export type CopyCounts = Record<(typeof TABLES)[number]['name'], number>;

/**
 * The tables in dependency order with their columns (the same names in both schemas). Rows are
 * copied as stored: event JSON and hashes unchanged, so the chain verifies on the target;
 * invitations in their creation order (SQLite's rowid), which PostgreSQL keeps in `ord`.
 */
const TABLES = [
  { name: 'meetings', columns: ['id', 'created_at'], order: 'created_at, id' },
  { name: 'events', columns: ['stream', 'seq', 'at', 'actor_role', 'actor_participant', 'type', 'json', 'prev_hash', 'hash'], order: 'stream, seq', integers: ['seq'] },
  { name: 'command_keys', columns: ['stream', 'key', 'payload_hash', 'response_json', 'seq'], order: 'stream, key', integers: ['seq'] },
  { name: 'snapshots', columns: ['stream', 'seq', 'state_json', 'state_version', 'schema_version'], order: 'stream', integers: ['seq', 'state_version', 'schema_version'] },
  { name: 'invitations', columns: ['id', 'meeting_id', 'role', 'participant_id', 'label', 'token_hash', 'created_at', 'revoked_at', 'scope', 'token_sealed', 'redeemed_count', 'first_redeemed_at', 'last_redeemed_at'], order: 'rowid', integers: ['redeemed_count'] },
  { name: 'sessions', columns: ['id_hash', 'invitation_id', 'created_at'], order: 'rowid' },
] as const;

/** Rows per INSERT (each column travels as one array parameter). */
const CHUNK = 2000;

/**
 * Copy a migrated SQLite database into an empty, migrated PostgreSQL database, in one transaction:
 * all or nothing. Refuses a target that already holds events or invitations.
 */
export async function copySqliteToPostgres(sqlite: Database.Database, pool: Pool): Promise<CopyCounts> {
  const c = await pool.connect();
  try {
    const { rows } = await c.query<{ n: number }>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM invitations) + (SELECT count(*) FROM meetings) AS n');
    if (Number(rows[0]!.n) > 0) throw new Error('the target database is not empty: copy into a fresh database');
    await c.query('BEGIN');
    try {
      const counts = {} as CopyCounts;
      for (const table of TABLES) counts[table.name] = await copyTable(sqlite, c, table);
      await c.query('COMMIT');
      return counts;
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    }
  } finally {
    c.release();
  }
}

async function copyTable(sqlite: Database.Database, c: PoolClient, t: (typeof TABLES)[number]): Promise<number> {
  const integers = new Set<string>('integers' in t ? t.integers : []);
  const types = t.columns.map((col) => (integers.has(col) ? 'integer[]' : 'text[]'));
  const insert = `INSERT INTO ${t.name} (${t.columns.join(', ')}) SELECT * FROM unnest(${types.map((ty, i) => `$${i + 1}::${ty}`).join(', ')})`;
  const all = sqlite.prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name} ORDER BY ${t.order}`).all() as Record<string, unknown>[];
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    await c.query(insert, t.columns.map((col) => chunk.map((r) => r[col] ?? null)));
  }
  return all.length;
}
