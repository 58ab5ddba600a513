/**
 * The storage contracts. Every stream (a meeting, a circular procedure, a protocol workflow, …) is
 * a sequence of events numbered 1, 2, 3 … with a hash chain, appended only through `EventLog`.
 * One implementation per database; each must pass the contract suite (server/test/storage).
 * Every method is async so a networked store fits.
 */

/** What every stored event has; the rest of its shape belongs to its stream kind. */
export interface EventRecord {
  type: string;
  at: string;
}

/** Who caused the events of one command, stored in columns beside each event. */
export interface ActorColumns {
  role: string;
  participantId: string | null;
}

/** The idempotency key of the command whose last event a row is (stored in `command_keys`, covered by the row's hash). */
export interface CommandKeyLink {
  key: string;
  payloadHash: string;
}

/** One stored row, as written: the event as JSON text (hashed as stored) and its chain links. */
export interface StoredRow {
  stream: string;
  seq: number;
  at: string;
  actorRole: string;
  actorParticipant: string | null;
  type: string;
  json: string;
  prevHash: string;
  hash: string;
  /**
   * Only on the last row of a command sent with a key (since keys are chained): the key and payload
   * hash, read from `command_keys` by (stream, seq). A key of a command without events, or stored
   * before keys were chained, has no row.
   */
  commandKey?: CommandKeyLink;
}

/** Written in the same transaction as the events, so a retried key after a crash gets the first answer. */
export interface IdempotencyRecord {
  key: string;
  payloadHash: string;
  responseJson: string;
}

/** What append stores with the events: the answer is built from the stored rows (their seqs and hashes). */
export interface IdempotencyWrite {
  key: string;
  payloadHash: string;
  respond: (rows: StoredRow[]) => string;
}

/** One command's share of a batch: its events (possibly none), who caused them, its idempotency record. */
export interface AppendEntry {
  events: EventRecord[];
  actor: ActorColumns;
  idempotency: IdempotencyWrite | null;
}

/** The state of a stream at `seq`, stamped with the versions it was written under. */
export interface Snapshot {
  seq: number;
  /** The version of the state's shape (e.g. MEETING_STATE_VERSION). */
  stateVersion: number;
  /** The version of the snapshot record's format. */
  schemaVersion: number;
  stateJson: string;
}

/** The last row of a stream: its seq and hash (seq 0 and the genesis hash when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Another writer appended first: the stream is no longer at the expected seq. Nothing was written. */
export class ExpectedVersionConflict extends Error {
  constructor(readonly stream: string, readonly expected: number, readonly actual: number) {
    super(`stream ${stream}: expected seq ${expected}, found ${actual}`);
    this.name = 'ExpectedVersionConflict';
  }
}

/** The idempotency key is already stored for this stream. Nothing was written. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly stream: string, readonly key: string) {
    super(`stream ${stream}: idempotency key ${key} already stored`);
    this.name = 'IdempotencyKeyTaken';
  }
}

/**
 * An event's time is earlier than the time of the event before it in the stream (the server's clock
 * was set back). Event times only go forward, so a vote can never close before it opened. Nothing
 * was written.
 */
export class ClockBackwards extends Error {
  constructor(readonly stream: string, readonly seq: number, readonly lastAt: string, readonly at: string) {
    super(`stream ${stream}: event ${seq} at ${at} is earlier than the event before it at ${lastAt}`);
    this.name = 'ClockBackwards';
  }
}

/**
 * Every store's check before it writes: each row's time is not earlier than the one before it
 * (`lastAt`: the stream's last stored time, null when empty). Returns the last time of `rows`.
 */
export function timesGoForward(stream: string, lastAt: string | null, rows: readonly StoredRow[]): string | null {
  let last = lastAt;
  for (const r of rows) {
    if (last !== null && Date.parse(r.at) < Date.parse(last)) throw new ClockBackwards(stream, r.seq, last, r.at);
    last = r.at;
  }
  return last;
}

/** The store cannot be reached (a networked database down). Nothing was written. */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super('store unavailable', { cause });
    this.name = 'StoreUnavailable';
  }
}

export interface EventLog {
  /**
   * Group commit: the entries of several commands, appended one after another after
   * `expectedSeq` (seqs contiguous, one hash chain) with all their idempotency records, in ONE
   * transaction. All or nothing. Returns each entry's rows, in order. Throws
   * ExpectedVersionConflict, IdempotencyKeyTaken, or ClockBackwards (an event's `at` earlier than
   * the one before it in the stream, stored or in the batch), and then has written nothing.
   */
  append(stream: string, expectedSeq: number, entries: AppendEntry[]): Promise<StoredRow[][]>;
  /** The rows after `afterSeq`, in seq order. */
  read(stream: string, afterSeq: number): Promise<StoredRow[]>;
  head(stream: string): Promise<ChainHead>;
  /** Streams with at least one row whose name starts with `prefix` (all when empty), sorted. */
  streams(prefix?: string): Promise<string[]>;
  findIdempotency(stream: string, key: string): Promise<IdempotencyRecord | null>;
  /** Keeps the snapshot with the highest seq per stream. */
  saveSnapshot(stream: string, snapshot: Snapshot): Promise<void>;
  latestSnapshot(stream: string): Promise<Snapshot | null>;
  /**
   * Removes the stream's snapshot if it is still the one at `seq` (a newer one written meanwhile
   * stays): for a snapshot that does not match a replay of the log. The next load replays.
   */
  discardSnapshot(stream: string, seq: number): Promise<void>;
}

/** The meetings known to this installation (a meeting exists before its first event). */
export interface MeetingDirectory {
  meetings(): Promise<string[]>;
  createMeeting(meetingId: string, at: string): Promise<void>;
}
