import type Database from 'better-sqlite3';
import {
  ExpectedVersionConflict, IdempotencyKeyTaken, type AppendEntry, type ChainHead, type EventLog, type IdempotencyRecord,
  type MeetingDirectory, type Snapshot, type StoredRow, timesGoForward,
} from '../event-log.ts';
import { chainRows, GENESIS_HASH } from '../hash.ts';
import { READ_COLUMNS, READ_FROM, storedRowOf, type EventColumns as Row } from '../row-columns.ts';

/** An append waiting for the next shared commit. */
interface QueuedAppend {
  stream: string;
  expectedSeq: number;
  entries: AppendEntry[];
  resolve: (rows: StoredRow[][]) => void;
  reject: (err: unknown) => void;
}

/**
 * The event log in SQLite: better-sqlite3 runs each transaction synchronously (BEGIN, inserts,
 * COMMIT = the fsync), and the fsync holds the whole event loop.
 *
 * So appends are committed together across streams: every append made in the same turn of the
 * loop (50 sessions' batches, a circular and a meeting) joins one transaction with one fsync,
 * each append in its own savepoint, so a conflict or a clock refusal rolls back only its own
 * stream's part. The slower the disk, the more appends wait and share the next fsync, instead of
 * each stream queueing for its own. Every append resolves only after the shared COMMIT.
 */
export class SqliteEventLog implements EventLog, MeetingDirectory {
  private readonly st;
  private queued: QueuedAppend[] = [];

  constructor(private readonly db: Database.Database) {
    this.st = {
      head: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
      lastAt: db.prepare<[string], { at: string }>('SELECT at FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertKey: db.prepare('INSERT INTO command_keys (stream, key, payload_hash, response_json, seq) VALUES (?, ?, ?, ?, ?)'),
      findKey: db.prepare<[string, string], { key: string; payload_hash: string; response_json: string }>('SELECT key, payload_hash, response_json FROM command_keys WHERE stream = ? AND key = ?'),
      read: db.prepare<[string, number], Row>(`SELECT ${READ_COLUMNS} FROM ${READ_FROM} WHERE e.stream = ? AND e.seq > ? ORDER BY e.seq`),
      streams: db.prepare<[string, string], { stream: string }>("SELECT DISTINCT stream FROM events WHERE substr(stream, 1, length(?)) = ? ORDER BY stream"),
      saveSnapshot: db.prepare(`INSERT INTO snapshots (stream, seq, state_json, state_version, schema_version) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(stream) DO UPDATE SET seq = excluded.seq, state_json = excluded.state_json, state_version = excluded.state_version,
        schema_version = excluded.schema_version WHERE excluded.seq > snapshots.seq`),
      snapshot: db.prepare<[string], { seq: number; state_json: string; state_version: number; schema_version: number }>('SELECT * FROM snapshots WHERE stream = ?'),
      discardSnapshot: db.prepare('DELETE FROM snapshots WHERE stream = ? AND seq = ?'),
      meetings: db.prepare<[], { id: string }>('SELECT id FROM meetings ORDER BY created_at, id'),
      createMeeting: db.prepare('INSERT OR IGNORE INTO meetings (id, created_at) VALUES (?, ?)'),
    };
  }

  private readonly appendTx = (stream: string, expectedSeq: number, entries: AppendEntry[]) => this.db.transaction((): StoredRow[][] => {
    let head = this.headNow(stream);
    if (head.seq !== expectedSeq) throw new ExpectedVersionConflict(stream, expectedSeq, head.seq);
    let lastAt = this.st.lastAt.get(stream)?.at ?? null;
    return entries.map(({ events, actor, idempotency }) => {
      const rows = chainRows(stream, head, events, actor, idempotency && { key: idempotency.key, payloadHash: idempotency.payloadHash });
      lastAt = timesGoForward(stream, lastAt, rows);
      for (const r of rows) this.st.insert.run(r.stream, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json, r.prevHash, r.hash);
      if (idempotency) {
        if (this.st.findKey.get(stream, idempotency.key)) throw new IdempotencyKeyTaken(stream, idempotency.key);
        this.st.insertKey.run(stream, idempotency.key, idempotency.payloadHash, idempotency.respond(rows), rows.at(-1)?.seq ?? null);
      }
      head = rows.at(-1) ?? head;
      return rows;
    });
  })();

  private headNow(stream: string): ChainHead {
    return this.st.head.get(stream) ?? { seq: 0, hash: GENESIS_HASH };
  }

  append(stream: string, expectedSeq: number, entries: AppendEntry[]): Promise<StoredRow[][]> {
    return new Promise((resolve, reject) => {
      this.queued.push({ stream, expectedSeq, entries, resolve, reject });
      // The check phase after this one: appends made in this turn of the loop are all queued by then.
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  private commitQueued() {
    const appends = this.queued;
    this.queued = [];
    let outcomes: ({ rows: StoredRow[][] } | { err: unknown })[];
    try {
      outcomes = this.db.transaction(() => appends.map((a) => {
        // appendTx nested in this transaction is a savepoint: a throw undoes only this append.
        try { return { rows: this.appendTx(a.stream, a.expectedSeq, a.entries) }; } catch (err) { return { err }; }
      }))();
    } catch (err) {
      // The shared COMMIT failed (disk full, I/O error): nothing of any append is durable.
      for (const a of appends) a.reject(err);
      return;
    }
    appends.forEach((a, i) => {
      const o = outcomes[i]!;
      if ('rows' in o) a.resolve(o.rows); else a.reject(o.err);
    });
  }
  async read(stream: string, afterSeq: number) { return this.st.read.all(stream, afterSeq).map(storedRowOf); }
  async head(stream: string) { return this.headNow(stream); }
  async streams(prefix = '') { return this.st.streams.all(prefix, prefix).map((r) => r.stream); }
  async findIdempotency(stream: string, key: string): Promise<IdempotencyRecord | null> {
    const r = this.st.findKey.get(stream, key);
    return r ? { key: r.key, payloadHash: r.payload_hash, responseJson: r.response_json } : null;
  }
  async saveSnapshot(stream: string, s: Snapshot) { this.st.saveSnapshot.run(stream, s.seq, s.stateJson, s.stateVersion, s.schemaVersion); }
  async latestSnapshot(stream: string): Promise<Snapshot | null> {
    const r = this.st.snapshot.get(stream);
    return r ? { seq: r.seq, stateJson: r.state_json, stateVersion: r.state_version, schemaVersion: r.schema_version } : null;
  }
  async discardSnapshot(stream: string, seq: number) { this.st.discardSnapshot.run(stream, seq); }
  async meetings() { return this.st.meetings.all().map((r) => r.id); }
  async createMeeting(meetingId: string, at: string) { this.st.createMeeting.run(meetingId, at); }
}
