import pg from 'pg';
import { migrate } from './postgres/migrations.ts';
import { PostgresEventLog } from './postgres/event-log.ts';
import { PostgresInvitations } from './postgres/invitations.ts';
import { reachable } from './postgres/errors.ts';
import type { Stores } from './stores.ts';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** A connection attempt that takes longer fails (store.unavailable) instead of waiting (default 5 s). */
  connectionTimeoutMillis?: number;
  /** Told about connection errors of idle clients (which would otherwise end the process). */
  onIdleError?: (err: Error) => void;
}

/** A PostgreSQL database: a COMMIT is durable before the ack (synchronous_commit as configured, on by default). Migrates on open. */
export async function openPostgresStores(url: string, options: PostgresOptions = {}): Promise<Stores & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000 });
  pool.on('error', (err) => options.onIdleError?.(err));
  try {
    await reachable(() => migrate(pool));
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const events = new PostgresEventLog(pool);
  const invitations = new PostgresInvitations(pool);
  let closed: Promise<void> | null = null;
  return {
    pool, events, meetings: events, invitations, sessions: invitations,
    async ping() {
      try { return (await pool.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok === 1; } catch { return false; }
    },
    close() { closed ??= pool.end(); return closed; },
  };
}
