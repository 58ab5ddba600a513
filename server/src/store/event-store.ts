import type { ActorRole, EventEnvelope, MeetingEvent } from '@plenum/shared';

/**
 * The event log. One implementation per database (SQLite now; PostgreSQL can follow with the same
 * optimistic `(meeting, seq)` unique key). Every method may be async so a networked store fits.
 */
export interface AppendMeta {
  actorRole: ActorRole;
  actorParticipant: string | null;
}

/** Written in the same transaction as the events, so a retried key after a crash gets the first answer. */
export interface IdempotencyRecord {
  key: string;
  payloadHash: string;
  responseJson: string;
}

/** What append stores with the events: the answer is built from the stored envelopes (their hashes). */
export interface IdempotencyWrite {
  key: string;
  payloadHash: string;
  respond: (envelopes: EventEnvelope[]) => string;
}

/** One command's share of a batch: its events, who caused them, and its idempotency record. */
export interface AppendEntry {
  events: MeetingEvent[];
  meta: AppendMeta;
  idempotency: IdempotencyWrite | null;
}

export interface StoredRow extends EventEnvelope {
  meetingId: string;
  prevHash: string;
  actorRole: string;
  actorParticipant: string | null;
  type: string;
}

export interface Invitation {
  id: string;
  meetingId: string;
  role: ActorRole;
  participantId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Snapshot {
  seq: number;
  stateJson: string;
}

export class SeqConflictError extends Error {
  constructor(meetingId: string, seq: number) {
    super(`seq ${seq} of meeting ${meetingId} already taken`);
  }
}

export interface EventStore {
  /**
   * Append events after `expectedSeq` in one transaction with the idempotency record.
   * Throws SeqConflictError when another writer got there first.
   */
  append(meetingId: string, expectedSeq: number, events: MeetingEvent[], meta: AppendMeta, idempotency: IdempotencyWrite | null): Promise<EventEnvelope[]>;
  /**
   * Group commit: the entries of several commands, appended one after another after `expectedSeq`
   * (seq contiguous, one hash chain) in ONE transaction with all their idempotency records, so
   * they share one commit (one fsync). All or nothing. Returns each entry's envelopes, in order.
   * Throws SeqConflictError like `append`. (PostgreSQL: one BEGIN … COMMIT around the same inserts.)
   */
  appendBatch(meetingId: string, expectedSeq: number, entries: AppendEntry[]): Promise<EventEnvelope[][]>;
  read(meetingId: string, afterSeq: number): Promise<EventEnvelope[]>;
  readRows(meetingId: string): Promise<StoredRow[]>;
  lastSeq(meetingId: string): Promise<number>;
  meetings(): Promise<string[]>;
  createMeeting(meetingId: string, at: string): Promise<void>;
  findIdempotency(meetingId: string, key: string): Promise<IdempotencyRecord | null>;

  saveSnapshot(meetingId: string, snapshot: Snapshot): Promise<void>;
  latestSnapshot(meetingId: string): Promise<Snapshot | null>;

  createInvitation(inv: Invitation, tokenHash: string): Promise<void>;
  listInvitations(meetingId: string): Promise<Invitation[]>;
  invitationByTokenHash(tokenHash: string): Promise<Invitation | null>;
  invitation(id: string): Promise<Invitation | null>;
  revokeInvitation(id: string, at: string): Promise<boolean>;
  createSession(idHash: string, invitationId: string, at: string): Promise<void>;
  /** The invitation behind a session (revoked ones included: the caller tells revoked from unknown). */
  sessionInvitation(idHash: string): Promise<Invitation | null>;
  deleteSession(idHash: string): Promise<void>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}
