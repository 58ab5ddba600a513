import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventEnvelope, MeetingEvent } from '@plenum/shared';
import {
  SeqConflictError, type AppendEntry, type AppendMeta, type EventStore, type IdempotencyRecord, type IdempotencyWrite, type Invitation, type Snapshot, type StoredRow,
} from './event-store.ts';
import { GENESIS_HASH, rowHash } from './hash.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  meeting_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_participant TEXT,
  type TEXT NOT NULL,
  json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (meeting_id, seq)
);
CREATE TABLE IF NOT EXISTS command_keys (
  meeting_id TEXT NOT NULL,
  key TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  response_json TEXT NOT NULL,
  PRIMARY KEY (meeting_id, key)
);
CREATE TABLE IF NOT EXISTS snapshots (
  meeting_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  state_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS invitations (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL,
  role TEXT NOT NULL,
  participant_id TEXT,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  invitation_id TEXT NOT NULL REFERENCES invitations(id),
  created_at TEXT NOT NULL
);
`;

interface EventRow {
  meeting_id: string; seq: number; at: string; actor_role: string; actor_participant: string | null;
  type: string; json: string; prev_hash: string; hash: string;
}
interface InvitationRow {
  id: string; meeting_id: string; role: string; participant_id: string | null; label: string; created_at: string; revoked_at: string | null;
}

const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id, meetingId: r.meeting_id, role: r.role as Invitation['role'], participantId: r.participant_id,
  label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at,
});
const toEnvelope = (r: EventRow): EventEnvelope => ({ seq: r.seq, at: r.at, hash: r.hash, event: JSON.parse(r.json) as MeetingEvent });

/** SQLite event store: WAL, synchronous=FULL, so a commit has reached the disk before the ack. */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  private readonly st;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.st = {
      last: db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO events (meeting_id, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertKey: db.prepare('INSERT INTO command_keys (meeting_id, key, payload_hash, response_json) VALUES (?, ?, ?, ?)'),
      findKey: db.prepare<[string, string], { key: string; payload_hash: string; response_json: string }>('SELECT key, payload_hash, response_json FROM command_keys WHERE meeting_id = ? AND key = ?'),
      read: db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq'),
      meetings: db.prepare<[], { id: string }>('SELECT id FROM meetings ORDER BY created_at, id'),
      createMeeting: db.prepare('INSERT OR IGNORE INTO meetings (id, created_at) VALUES (?, ?)'),
      saveSnapshot: db.prepare('INSERT INTO snapshots (meeting_id, seq, state_json) VALUES (?, ?, ?) ON CONFLICT(meeting_id) DO UPDATE SET seq = excluded.seq, state_json = excluded.state_json WHERE excluded.seq > snapshots.seq'),
      snapshot: db.prepare<[string], { seq: number; state_json: string }>('SELECT seq, state_json FROM snapshots WHERE meeting_id = ?'),
      createInv: db.prepare('INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)'),
      listInv: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE meeting_id = ? ORDER BY created_at, rowid'),
      invByHash: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?'),
      inv: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?'),
      revokeInv: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      createSession: db.prepare('INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES (?, ?, ?)'),
      sessionInv: db.prepare<[string], InvitationRow>('SELECT i.* FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE s.id_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    };
  }

  /** better-sqlite3 runs the transaction synchronously: BEGIN, the inserts, COMMIT (the fsync). */
  private readonly appendTx = (meetingId: string, expectedSeq: number, entries: AppendEntry[]) => this.db.transaction((): EventEnvelope[][] => {
    const last = this.st.last.get(meetingId);
    const lastSeq = last?.seq ?? 0;
    if (lastSeq !== expectedSeq) throw new SeqConflictError(meetingId, expectedSeq + 1);
    let prevHash = last?.hash ?? GENESIS_HASH;
    let seq = expectedSeq;
    return entries.map(({ events, meta, idempotency }) => {
      const out: EventEnvelope[] = [];
      for (const event of events) {
        seq += 1;
        const json = JSON.stringify(event);
        const row = { meetingId, seq, at: event.at, actorRole: meta.actorRole, actorParticipant: meta.actorParticipant, type: event.type, json };
        const hash = rowHash(prevHash, row);
        this.st.insert.run(meetingId, seq, event.at, meta.actorRole, meta.actorParticipant, event.type, json, prevHash, hash);
        out.push({ seq, at: event.at, hash, event });
        prevHash = hash;
      }
      if (idempotency) this.st.insertKey.run(meetingId, idempotency.key, idempotency.payloadHash, idempotency.respond(out));
      return out;
    });
  })();

  async append(meetingId: string, expectedSeq: number, events: MeetingEvent[], meta: AppendMeta, idempotency: IdempotencyWrite | null) {
    return this.appendTx(meetingId, expectedSeq, [{ events, meta, idempotency }])[0]!;
  }
  async appendBatch(meetingId: string, expectedSeq: number, entries: AppendEntry[]) {
    return this.appendTx(meetingId, expectedSeq, entries);
  }
  async read(meetingId: string, afterSeq: number) { return this.st.read.all(meetingId, afterSeq).map(toEnvelope); }
  async readRows(meetingId: string): Promise<StoredRow[]> {
    return this.st.read.all(meetingId, -1).map((r) => ({
      ...toEnvelope(r), meetingId: r.meeting_id, prevHash: r.prev_hash, actorRole: r.actor_role, actorParticipant: r.actor_participant, type: r.type,
    }));
  }
  async lastSeq(meetingId: string) { return this.st.last.get(meetingId)?.seq ?? 0; }
  async meetings() { return this.st.meetings.all().map((r) => r.id); }
  async createMeeting(meetingId: string, at: string) { this.st.createMeeting.run(meetingId, at); }
  async findIdempotency(meetingId: string, key: string): Promise<IdempotencyRecord | null> {
    const r = this.st.findKey.get(meetingId, key);
    return r ? { key: r.key, payloadHash: r.payload_hash, responseJson: r.response_json } : null;
  }
  async saveSnapshot(meetingId: string, s: Snapshot) { this.st.saveSnapshot.run(meetingId, s.seq, s.stateJson); }
  async latestSnapshot(meetingId: string): Promise<Snapshot | null> {
    const r = this.st.snapshot.get(meetingId);
    return r ? { seq: r.seq, stateJson: r.state_json } : null;
  }
  async createInvitation(inv: Invitation, tokenHash: string) {
    this.st.createInv.run(inv.id, inv.meetingId, inv.role, inv.participantId, inv.label, tokenHash, inv.createdAt);
  }
  async listInvitations(meetingId: string) { return this.st.listInv.all(meetingId).map(toInvitation); }
  async invitationByTokenHash(tokenHash: string) { const r = this.st.invByHash.get(tokenHash); return r ? toInvitation(r) : null; }
  async invitation(id: string) { const r = this.st.inv.get(id); return r ? toInvitation(r) : null; }
  async revokeInvitation(id: string, at: string) { return this.st.revokeInv.run(at, id).changes > 0; }
  async createSession(idHash: string, invitationId: string, at: string) { this.st.createSession.run(idHash, invitationId, at); }
  async sessionInvitation(idHash: string) { const r = this.st.sessionInv.get(idHash); return r ? toInvitation(r) : null; }
  async deleteSession(idHash: string) { this.st.deleteSession.run(idHash); }
  async ping() { return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1; }
  async close() { if (this.db.open) this.db.close(); }
}
