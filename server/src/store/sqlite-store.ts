import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './sqlite/migrations.ts';
import { SqliteEventLog } from './sqlite/event-log.ts';
import { SqliteInvitations } from './sqlite/invitations.ts';
import type { Stores } from './stores.ts';

/** One SQLite file: WAL, synchronous=FULL, so a commit has reached the disk before the ack. Migrates on open. */
export function openSqliteStores(file: string): Stores & { db: Database.Database } {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const events = new SqliteEventLog(db);
  const invitations = new SqliteInvitations(db);
  return {
    db, events, meetings: events, invitations, sessions: invitations,
    async ping() { return (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1; },
    async close() { if (db.open) db.close(); },
  };
}
