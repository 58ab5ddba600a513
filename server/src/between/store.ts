import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '../store/hash.ts';
import { betweenRowHash, migrateBetweenChain } from './chain.ts';

/**
 * The between-sessions event log: one stream per procedure (`circular:<id>`, `protocol:<meetingId>`,
 * `extraordinary:<id>`, `followup:dmk`), in the same SQLite file as the meetings, with the same
 * optimistic `(stream, seq)` unique key. Due times (objection deadlines, approval dates) live in
 * these events, so the scheduler needs no table of its own: what is due and not done is read
 * from the folded streams (see scheduler.ts). Each row carries the hash of the previous row of its
 * stream, like the meeting log (chain.ts), so that `npm run verify` detects an edit.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS between_events (
  stream TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_participant TEXT,
  type TEXT NOT NULL,
  json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (stream, seq)
);
CREATE TABLE IF NOT EXISTS between_idempotency (
  key TEXT PRIMARY KEY,
  payload_hash TEXT NOT NULL,
  response_json TEXT NOT NULL,
  at TEXT NOT NULL
);
`;

/** A client's idempotency key, stored with the events it produced (same transaction). */
export interface BetweenIdempotencyWrite { key: string; payloadHash: string; responseJson: string }

export interface BetweenRow { stream: string; seq: number; event: { type: string; at: string } & Record<string, unknown> }

export class BetweenStore {
  private readonly st;
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    migrateBetweenChain(db);
    this.st = {
      read: db.prepare<[string], { stream: string; seq: number; json: string }>('SELECT stream, seq, json FROM between_events WHERE stream = ? ORDER BY seq'),
      streams: db.prepare<[string], { stream: string }>("SELECT DISTINCT stream FROM between_events WHERE stream LIKE ? || ':%' ORDER BY stream"),
      last: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM between_events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO between_events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      findKey: db.prepare<[string], { payload_hash: string; response_json: string }>('SELECT payload_hash, response_json FROM between_idempotency WHERE key = ?'),
      insertKey: db.prepare('INSERT INTO between_idempotency (key, payload_hash, response_json, at) VALUES (?, ?, ?, ?)'),
    };
  }

  read(stream: string): BetweenRow[] {
    return this.st.read.all(stream).map((r) => ({ stream: r.stream, seq: r.seq, event: JSON.parse(r.json) }));
  }

  streams(kind: string): string[] {
    return this.st.streams.all(kind).map((r) => r.stream);
  }

  /**
   * Append after `expectedSeq` in one transaction, with the idempotency key of the request when
   * there is one; a concurrent writer (or a key stored meanwhile) makes a UNIQUE key fail.
   */
  append(
    stream: string, expectedSeq: number, events: { type: string; at: string; by: { role: string; participantId: string | null } }[],
    idem: BetweenIdempotencyWrite | null = null,
  ): number {
    return this.db.transaction(() => {
      const last = this.st.last.get(stream);
      if ((last?.seq ?? 0) !== expectedSeq) throw new Error(`stream ${stream}: expected seq ${expectedSeq}, found ${last?.seq ?? 0}`);
      let prevHash = last?.hash ?? GENESIS_HASH;
      events.forEach((e, i) => {
        const row = { stream, seq: expectedSeq + i + 1, at: e.at, actorRole: e.by.role, actorParticipant: e.by.participantId, type: e.type, json: JSON.stringify(e) };
        const hash = betweenRowHash(prevHash, row);
        this.st.insert.run(stream, row.seq, row.at, row.actorRole, row.actorParticipant, row.type, row.json, prevHash, hash);
        prevHash = hash;
      });
      if (idem) this.st.insertKey.run(idem.key, idem.payloadHash, idem.responseJson, events[0]?.at ?? new Date().toISOString());
      return expectedSeq + events.length;
    })();
  }

  findIdempotency(key: string): { payloadHash: string; responseJson: string } | null {
    const r = this.st.findKey.get(key);
    return r ? { payloadHash: r.payload_hash, responseJson: r.response_json } : null;
  }
}
