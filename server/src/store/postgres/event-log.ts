import type { Pool, PoolClient } from 'pg';
import {
  ExpectedVersionConflict, IdempotencyKeyTaken, type AppendEntry, type ChainHead, type EventLog, type IdempotencyRecord,
  type MeetingDirectory, type Snapshot, type StoredRow, timesGoForward,
} from '../event-log.ts';
import { chainRows, GENESIS_HASH } from '../hash.ts';
import { READ_COLUMNS, READ_FROM, storedRowOf, type EventColumns as Row } from '../row-columns.ts';
import { isUniqueViolation, reachable } from './errors.ts';
import { inTransaction } from './transaction.ts';


const HEAD = 'SELECT seq, hash FROM events WHERE stream = $1 ORDER BY seq DESC LIMIT 1';

/**
 * The event log in PostgreSQL. An append is one transaction: a per-stream advisory lock (writers
 * of one stream queue, other streams do not wait), the head checked against the expected seq,
 * the rows chained with the shared hashing code, all rows in one INSERT and all keys in another,
 * COMMIT. The unique (stream, seq) and (stream, key) stay as the last word should anything write
 * without the lock.
 */
export class PostgresEventLog implements EventLog, MeetingDirectory {
  constructor(private readonly pool: Pool) {}

  append(stream: string, expectedSeq: number, entries: AppendEntry[]): Promise<StoredRow[][]> {
    return reachable(async () => {
      try {
        return await inTransaction(this.pool, (c) => this.appendIn(c, stream, expectedSeq, entries));
      } catch (err) {
        if (isUniqueViolation(err)) throw await this.conflictAfter(stream, expectedSeq, err);
        throw err;
      }
    });
  }

  private async appendIn(c: PoolClient, stream: string, expectedSeq: number, entries: AppendEntry[]): Promise<StoredRow[][]> {
    await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [stream]);
    const last = (await c.query<ChainHead & { at: string }>('SELECT seq, hash, at FROM events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [stream])).rows[0];
    const head: ChainHead = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    if (head.seq !== expectedSeq) throw new ExpectedVersionConflict(stream, expectedSeq, head.seq);
    const keys = entries.flatMap((e) => (e.idempotency ? [e.idempotency.key] : []));
    if (keys.length > 0) {
      const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
      const { rows: taken } = await c.query<{ key: string }>('SELECT key FROM command_keys WHERE stream = $1 AND key = ANY($2::text[]) LIMIT 1', [stream, keys]);
      const key = taken[0]?.key ?? repeated;
      if (key !== undefined) throw new IdempotencyKeyTaken(stream, key);
    }
    let at = head;
    let lastAt: string | null = last?.at ?? null;
    const answers: [string, string, string, number | null][] = [];
    const result = entries.map(({ events, actor, idempotency }) => {
      const rows = chainRows(stream, at, events, actor, idempotency && { key: idempotency.key, payloadHash: idempotency.payloadHash });
      lastAt = timesGoForward(stream, lastAt, rows);
      if (idempotency) answers.push([idempotency.key, idempotency.payloadHash, idempotency.respond(rows), rows.at(-1)?.seq ?? null]);
      at = rows.at(-1) ?? at;
      return rows;
    });
    const rows = result.flat();
    if (rows.length > 0) {
      await c.query(
        `INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash)
         SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
        [stream, rows.map((r) => r.seq), rows.map((r) => r.at), rows.map((r) => r.actorRole), rows.map((r) => r.actorParticipant),
          rows.map((r) => r.type), rows.map((r) => r.json), rows.map((r) => r.prevHash), rows.map((r) => r.hash)],
      );
    }
    if (answers.length > 0) {
      await c.query(
        'INSERT INTO command_keys (stream, key, payload_hash, response_json, seq) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::integer[])',
        [stream, answers.map((a) => a[0]), answers.map((a) => a[1]), answers.map((a) => a[2]), answers.map((a) => a[3])],
      );
    }
    return result;
  }

  /** A unique violation means another writer got there first: say which. */
  private async conflictAfter(stream: string, expectedSeq: number, err: unknown): Promise<Error> {
    const detail = String((err as { constraint?: string }).constraint ?? '');
    if (detail.startsWith('command_keys')) return new IdempotencyKeyTaken(stream, String((err as { detail?: string }).detail ?? ''));
    return new ExpectedVersionConflict(stream, expectedSeq, (await this.head(stream)).seq);
  }

  read(stream: string, afterSeq: number): Promise<StoredRow[]> {
    return reachable(async () => (await this.pool.query<Row>(
      `SELECT ${READ_COLUMNS} FROM ${READ_FROM} WHERE e.stream = $1 AND e.seq > $2 ORDER BY e.seq`, [stream, afterSeq],
    )).rows.map(storedRowOf));
  }

  head(stream: string): Promise<ChainHead> {
    return reachable(async () => (await this.pool.query<ChainHead>(HEAD, [stream])).rows[0] ?? { seq: 0, hash: GENESIS_HASH });
  }

  streams(prefix = ''): Promise<string[]> {
    return reachable(async () => (await this.pool.query<{ stream: string }>(
      'SELECT DISTINCT stream FROM events WHERE starts_with(stream, $1) ORDER BY stream', [prefix],
    )).rows.map((r) => r.stream));
  }

  findIdempotency(stream: string, key: string): Promise<IdempotencyRecord | null> {
    return reachable(async () => {
      const r = (await this.pool.query<{ key: string; payload_hash: string; response_json: string }>(
        'SELECT key, payload_hash, response_json FROM command_keys WHERE stream = $1 AND key = $2', [stream, key],
      )).rows[0];
      return r ? { key: r.key, payloadHash: r.payload_hash, responseJson: r.response_json } : null;
    });
  }

  async saveSnapshot(stream: string, s: Snapshot): Promise<void> {
    await reachable(() => this.pool.query(
      `INSERT INTO snapshots (stream, seq, state_json, state_version, schema_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (stream) DO UPDATE SET seq = excluded.seq, state_json = excluded.state_json, state_version = excluded.state_version,
       schema_version = excluded.schema_version WHERE excluded.seq > snapshots.seq`,
      [stream, s.seq, s.stateJson, s.stateVersion, s.schemaVersion],
    ));
  }

  latestSnapshot(stream: string): Promise<Snapshot | null> {
    return reachable(async () => {
      const r = (await this.pool.query<{ seq: number; state_json: string; state_version: number; schema_version: number }>(
        'SELECT seq, state_json, state_version, schema_version FROM snapshots WHERE stream = $1', [stream],
      )).rows[0];
      return r ? { seq: r.seq, stateJson: r.state_json, stateVersion: r.state_version, schemaVersion: r.schema_version } : null;
    });
  }

  async discardSnapshot(stream: string, seq: number): Promise<void> {
    await reachable(() => this.pool.query('DELETE FROM snapshots WHERE stream = $1 AND seq = $2', [stream, seq]));
  }

  meetings(): Promise<string[]> {
    return reachable(async () => (await this.pool.query<{ id: string }>('SELECT id FROM meetings ORDER BY created_at, id')).rows.map((r) => r.id));
  }

  async createMeeting(meetingId: string, at: string): Promise<void> {
    await reachable(() => this.pool.query('INSERT INTO meetings (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [meetingId, at]));
  }
}
