import type Database from 'better-sqlite3';
import { GENESIS_HASH, rowHash } from '../hash.ts';
import {
  CHAINED_INVITATION_COLUMNS, carriedRow, chainedInvitationOfColumns, chainedSessionOfColumns, INVITATION_STREAM, type ChainedInvitationColumns,
} from '../invitation-chain.ts';

/**
 * The SQLite schema, as numbered migrations. `PRAGMA user_version` holds the number of the last
 * one applied; on open every later one runs, each in its own transaction, so a data folder
 * written by any earlier version opens with everything in it.
 */
type Migration = (db: Database.Database) => void;

/** 1: the layout of the first versions: meeting events, between-sessions events, keys, snapshots, invitations, sessions. */
const v1: Migration = (db) => {
  db.exec(`
CREATE TABLE IF NOT EXISTS meetings (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  meeting_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor_role TEXT NOT NULL, actor_participant TEXT,
  type TEXT NOT NULL, json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (meeting_id, seq)
);
CREATE TABLE IF NOT EXISTS command_keys (
  meeting_id TEXT NOT NULL, key TEXT NOT NULL, payload_hash TEXT NOT NULL, response_json TEXT NOT NULL, PRIMARY KEY (meeting_id, key)
);
CREATE TABLE IF NOT EXISTS snapshots (meeting_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, state_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, role TEXT NOT NULL, participant_id TEXT, label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY, invitation_id TEXT NOT NULL REFERENCES invitations(id), created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS between_events (
  stream TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor_role TEXT NOT NULL, actor_participant TEXT,
  type TEXT NOT NULL, json TEXT NOT NULL, UNIQUE (stream, seq)
);
CREATE TABLE IF NOT EXISTS between_idempotency (key TEXT PRIMARY KEY, payload_hash TEXT NOT NULL, response_json TEXT NOT NULL, at TEXT NOT NULL);
`);
  chainBetweenEvents(db);
};

/**
 * Logs from before the between-sessions chain have no prev_hash/hash columns: add them and chain
 * the rows already there, per stream in seq order.
 */
function chainBetweenEvents(db: Database.Database) {
  const columns = new Set((db.prepare('PRAGMA table_info(between_events)').all() as { name: string }[]).map((c) => c.name));
  if (columns.has('prev_hash') && columns.has('hash')) return;
  if (!columns.has('prev_hash')) db.exec("ALTER TABLE between_events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''");
  if (!columns.has('hash')) db.exec("ALTER TABLE between_events ADD COLUMN hash TEXT NOT NULL DEFAULT ''");
  const update = db.prepare('UPDATE between_events SET prev_hash = ?, hash = ? WHERE stream = ? AND seq = ?');
  const rows = db.prepare('SELECT stream, seq, at, actor_role, actor_participant, type, json FROM between_events ORDER BY stream, seq').all() as {
    stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null; type: string; json: string;
  }[];
  let stream: string | null = null;
  let prevHash = GENESIS_HASH;
  for (const r of rows) {
    if (r.stream !== stream) { stream = r.stream; prevHash = GENESIS_HASH; }
    const hash = rowHash(prevHash, { stream: r.stream, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant, type: r.type, json: r.json });
    update.run(prevHash, hash, r.stream, r.seq);
    prevHash = hash;
  }
}

/**
 * 2: one table for every stream. A meeting's stream is named by its id, a between-sessions
 * stream `kind:id`; the hash covers that name in the same place in both, so moving the rows
 * keeps every hash valid. Idempotency keys become per stream (the between-sessions answers name
 * their stream). Snapshots gain their state and schema versions; the old ones get 0 and are
 * discarded on load (rebuilt by replay).
 */
const v2: Migration = (db) => {
  db.exec(`
ALTER TABLE events RENAME COLUMN meeting_id TO stream;
INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash)
  SELECT stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash FROM between_events;
DROP TABLE between_events;
ALTER TABLE command_keys RENAME COLUMN meeting_id TO stream;
INSERT INTO command_keys (stream, key, payload_hash, response_json)
  SELECT json_extract(response_json, '$.stream'), key, payload_hash, response_json FROM between_idempotency
  WHERE json_valid(response_json) AND json_extract(response_json, '$.stream') IS NOT NULL;
DROP TABLE between_idempotency;
ALTER TABLE snapshots RENAME COLUMN meeting_id TO stream;
ALTER TABLE snapshots ADD COLUMN state_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN schema_version INTEGER NOT NULL DEFAULT 0;
`);
};

/**
 * 3: idempotency keys in the chain. A key row names the seq of its command's last event, whose hash
 * covers the key and its payload hash (store/hash.ts). Keys stored before keep seq NULL and their
 * rows their hashes.
 */
const v3: Migration = (db) => {
  db.exec(`
ALTER TABLE command_keys ADD COLUMN seq INTEGER;
CREATE UNIQUE INDEX command_keys_seq ON command_keys (stream, seq) WHERE seq IS NOT NULL;
`);
};

/**
 * 4: invitations for the whole conference and what the office sees of them: the scope
 * ('meeting' for every invitation written before), the secret sealed with a key outside the
 * database (shown again on request; NULL for the old ones, which can only be reissued), and the
 * redemptions (count, first, last; F10).
 */
const v4: Migration = (db) => {
  db.exec(`
ALTER TABLE invitations ADD COLUMN scope TEXT NOT NULL DEFAULT 'meeting';
ALTER TABLE invitations ADD COLUMN token_sealed TEXT;
ALTER TABLE invitations ADD COLUMN redeemed_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN first_redeemed_at TEXT;
ALTER TABLE invitations ADD COLUMN last_redeemed_at TEXT;
`);
};

/**
 * 5: invitations and sessions chained (store/invitation-chain.ts). The rows already there are
 * carried into the chain as one event; every later change is chained with it.
 */
const v5: Migration = (db) => {
  const invitations = (db.prepare(`SELECT ${CHAINED_INVITATION_COLUMNS} FROM invitations ORDER BY rowid`).all() as ChainedInvitationColumns[]).map(chainedInvitationOfColumns);
  const sessions = (db.prepare('SELECT id_hash, invitation_id, created_at FROM sessions ORDER BY rowid').all() as { id_hash: string; invitation_id: string; created_at: string }[])
    .map(chainedSessionOfColumns);
  const last = db.prepare('SELECT seq, hash, at FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1').get(INVITATION_STREAM) as { seq: number; hash: string; at: string } | undefined;
  const row = carriedRow(invitations, sessions, last ?? { seq: 0, hash: GENESIS_HASH }, last?.at ?? null, new Date().toISOString());
  if (row) {
    db.prepare('INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(row.stream, row.seq, row.at, row.actorRole, row.actorParticipant, row.type, row.json, row.prevHash, row.hash);
  }
};

const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5];
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Apply what is missing; returns the versions applied. Refuses a file written by a newer version. */
export function migrate(db: Database.Database): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw new Error(`data folder has schema version ${current}; this build knows up to ${MIGRATIONS.length}`);
  const applied: number[] = [];
  for (let v = current + 1; v <= MIGRATIONS.length; v++) {
    db.transaction(() => {
      MIGRATIONS[v - 1]!(db);
      db.pragma(`user_version = ${v}`);
    })();
    applied.push(v);
  }
  return applied;
}
