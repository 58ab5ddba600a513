import type { Pool, PoolClient } from 'pg';
import { GENESIS_HASH } from '../hash.ts';
import {
  CHAINED_INVITATION_COLUMNS, carriedRow, chainedInvitationOfColumns, chainedSessionOfColumns, INVITATION_STREAM, type ChainedInvitationColumns,
} from '../invitation-chain.ts';

/**
 * The PostgreSQL schema, as numbered migrations recorded in `schema_migrations`. On start every
 * one not yet recorded runs in its own transaction, under an advisory lock so two nodes starting
 * at once do not both run it. Stream names are `COLLATE "C"`: byte order, as SQLite sorts them.
 * Event JSON is `text`, not `jsonb`: the hash covers the text as stored.
 */
type Migration = (c: PoolClient) => Promise<unknown>;

const v1: Migration = (c) => c.query(`
CREATE TABLE meetings (id text COLLATE "C" PRIMARY KEY, created_at text NOT NULL);
CREATE TABLE events (
  stream text COLLATE "C" NOT NULL, seq integer NOT NULL, at text NOT NULL, actor_role text NOT NULL, actor_participant text,
  type text NOT NULL, json text NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, PRIMARY KEY (stream, seq)
);
CREATE TABLE command_keys (
  stream text COLLATE "C" NOT NULL, key text NOT NULL, payload_hash text NOT NULL, response_json text NOT NULL, PRIMARY KEY (stream, key)
);
CREATE TABLE snapshots (
  stream text COLLATE "C" PRIMARY KEY, seq integer NOT NULL, state_json text NOT NULL, state_version integer NOT NULL, schema_version integer NOT NULL
);
CREATE TABLE invitations (
  ord bigserial UNIQUE, id text PRIMARY KEY, meeting_id text NOT NULL, role text NOT NULL, participant_id text, label text NOT NULL,
  token_hash text NOT NULL UNIQUE, created_at text NOT NULL, revoked_at text
);
CREATE INDEX invitations_meeting ON invitations (meeting_id, created_at, ord);
CREATE TABLE sessions (id_hash text PRIMARY KEY, invitation_id text NOT NULL REFERENCES invitations(id), created_at text NOT NULL);
`);

/**
 * 2: idempotency keys in the chain. A key row names the seq of its command's last event, whose hash
 * covers the key and its payload hash (store/hash.ts). Keys stored before keep seq NULL.
 */
const v2: Migration = (c) => c.query(`
ALTER TABLE command_keys ADD COLUMN seq integer;
CREATE UNIQUE INDEX command_keys_seq ON command_keys (stream, seq) WHERE seq IS NOT NULL;
`);

/** 3: conference invitations, the sealed secret, the redemptions (as SQLite's 4). */
const v3: Migration = (c) => c.query(`
ALTER TABLE invitations ADD COLUMN scope text NOT NULL DEFAULT 'meeting';
ALTER TABLE invitations ADD COLUMN token_sealed text;
ALTER TABLE invitations ADD COLUMN redeemed_count integer NOT NULL DEFAULT 0;
ALTER TABLE invitations ADD COLUMN first_redeemed_at text;
ALTER TABLE invitations ADD COLUMN last_redeemed_at text;
`);

/** 4: invitations and sessions chained (as SQLite's 5): the rows already there carried into the chain as one event. */
const v4: Migration = async (c) => {
  const invitations = (await c.query<ChainedInvitationColumns>(`SELECT ${CHAINED_INVITATION_COLUMNS} FROM invitations ORDER BY ord`)).rows.map(chainedInvitationOfColumns);
  const sessions = (await c.query<{ id_hash: string; invitation_id: string; created_at: string }>('SELECT id_hash, invitation_id, created_at FROM sessions ORDER BY created_at, id_hash'))
    .rows.map(chainedSessionOfColumns);
  const last = (await c.query<{ seq: number; hash: string; at: string }>('SELECT seq, hash, at FROM events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [INVITATION_STREAM])).rows[0];
  const row = carriedRow(invitations, sessions, last ?? { seq: 0, hash: GENESIS_HASH }, last?.at ?? null, new Date().toISOString());
  if (row) {
    await c.query('INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [row.stream, row.seq, row.at, row.actorRole, row.actorParticipant, row.type, row.json, row.prevHash, row.hash]);
  }
};

const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;
/** The advisory lock key held while migrating (any constant unique to Plenum). */
const MIGRATION_LOCK = 7_314_201;

/** Apply what is missing; returns the versions applied. Refuses a database written by a newer version. */
export async function migrate(pool: Pool): Promise<number[]> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > MIGRATIONS.length) throw new Error(`database has schema version ${current}; this build knows up to ${MIGRATIONS.length}`);
    const applied: number[] = [];
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      await c.query('BEGIN');
      try {
        await MIGRATIONS[v - 1]!(c);
        await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v]);
        await c.query('COMMIT');
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      }
      applied.push(v);
    }
    return applied;
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    c.release();
  }
}
