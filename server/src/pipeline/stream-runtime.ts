import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { batchesInFlight } from './batches-in-flight.ts';
import type { Ack, Actor, ErrorPayload, RulesProfile } from '@plenum/shared';
import { ClockBackwards, ExpectedVersionConflict, IdempotencyKeyTaken, StoreUnavailable, type AppendEntry, type EventLog, type EventRecord, type StoredRow } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import { GENESIS_HASH } from '../store/hash.ts';
import { payloadHash, repeatOf } from './idempotency.ts';
import { inputBoundsProblem } from './input-bounds.ts';
import { errorOf } from './refusal.ts';
import { loadSnapshot, SNAPSHOT_SCHEMA_VERSION } from './snapshots.ts';
import { envelopeOf } from './stored-events.ts';
import type { Envelope, StreamKind } from './stream-kind.ts';

/** Take a snapshot every this many events, so a restart does not replay the whole log. */
const SNAPSHOT_EVERY = 500;
/** At most this many commands share one transaction, so one batch cannot hold the loop for long. */
const MAX_BATCH = 256;
/**
 * Another writer (another node) appended first: catch up and decide again, at most this often.
 * Three nodes taking 16 delegates' casts at once lose several races in a row; each retry first
 * waits a random 0..min(2^attempt, 50) ms, so the losers do not collide again in lockstep.
 */
const MAX_CONFLICT_RETRIES = 24;
const conflictBackoffMs = (attempt: number) => Math.random() * Math.min(2 ** attempt, 50);

export interface CommandInput<X> {
  /** The client's idempotency key; null: no key (a repeat is a new command). */
  key: string | null;
  /** The command as received: what the payload hash covers. */
  command: unknown;
  actor: Actor;
  /** What the decider sees when the server completes the command (e.g. with the roster); default `command`. */
  decideWith?: unknown;
  /** The extra context of the stream kind's decider. */
  context: X;
  /** The decider's clock, when the caller keeps its own (the between-sessions scheduler); default now. */
  now?: string;
}

export interface Outcome<R, E> {
  ack: Ack<R>;
  /** Events appended by this command (empty for refusals and repeats). */
  appended: Envelope<E>[];
}

/** One committed batch: the state before it, and each accepted command's events and the state after them. */
export interface Commit<S, E> {
  id: string;
  before: S;
  steps: { envelopes: Envelope<E>[]; state: S }[];
}

/** An event another node committed, as its notice carries it: checked against the kind's schema before it is folded. */
export interface ForeignEnvelope { seq: number; at: string; hash: string; event: unknown }

interface Pending<X, R, E> {
  input: CommandInput<X>;
  resolve: (outcome: Outcome<R, E>) => void;
}

interface Accepted<S, X, R, E> {
  kind: 'accepted';
  pending: Pending<X, R, E>;
  entry: AppendEntry;
  events: E[];
  hash: string;
  /** The state and seq after this command (tentative until the batch is committed). */
  state: S;
  seq: number;
  envelopes: Envelope<E>[];
}
type Step<S, X, R, E> =
  | Accepted<S, X, R, E>
  | { kind: 'answered'; pending: Pending<X, R, E>; ack: Ack<R> }
  /** The same key and payload as an earlier command of this batch: that command's answer. */
  | { kind: 'repeat'; pending: Pending<X, R, E>; first: Accepted<S, X, R, E> };

/** A store that cannot be reached is its own coded refusal (the client may retry); anything else is internal. */
const codeOf = (err: unknown) => (
  err instanceof StoreUnavailable ? 'store.unavailable' as const : err instanceof ClockBackwards ? 'clock.backwards' as const : 'internal.error' as const);

const refuse = <R, E>(error: ErrorPayload): Outcome<R, E> => ({ ack: { error }, appended: [] });

/**
 * One stream, live: its state (the fold of its log) and a queue of batches. This is the one
 * command pipeline of the server, for a meeting and for every between-sessions stream.
 *
 * An ack means durable: `execute` resolves with an answer only after the transaction holding the
 * command's events and its idempotency key has committed (SQLite: WAL with synchronous=FULL, the
 * fsync; PostgreSQL: COMMIT). A refusal is never durable and needs no commit.
 *
 * Within a batch each command, in arrival order: bounds check → schema (zod) → payload hash → idempotency →
 * decide against the state the previous one produced → fold (tentatively). One command's failure
 * refuses only that command. Then the whole batch is appended in one transaction (group commit);
 * if that transaction fails every command of the batch is refused and the state rebuilt from the
 * log; if another writer was first, the runtime catches up from the log and decides the batch
 * again. Then the listeners hear of the commit, then the callers are answered.
 */
export class StreamRuntime<S, E extends EventRecord, X, R extends { duplicate: boolean }> {
  private tail: Promise<unknown> = Promise.resolve();
  /** The state may not be the log's (a reload failed while the store was unreachable): reload before deciding. */
  private stale = false;
  /** The batch still taking commands (closed when its turn in the queue comes). */
  private open: Pending<X, R, E>[] | null = null;
  private readonly listeners: ((commit: Commit<S, E>) => void)[] = [];
  private readonly followers: ((commit: Commit<S, E>) => void)[] = [];
  /** The highest seq the listeners have heard of (own commits or followed), so a reload never repeats one. */
  private announced = 0;

  private constructor(
    readonly kind: StreamKind<S, E, X, R>,
    readonly id: string,
    private state: S,
    private seqNow: number,
    /** The hash of the row at seqNow (the chain head this state is the fold of). */
    private hashNow: string,
    private readonly log: EventLog,
    readonly profile: RulesProfile,
    private readonly logger: Logger,
  ) {}

  /** Rebuild the state from a trusted snapshot plus the events after it, or from the whole log. */
  static async load<S, E extends EventRecord, X, R extends { duplicate: boolean }>(
    kind: StreamKind<S, E, X, R>, id: string, log: EventLog, profile: RulesProfile, logger: Logger,
  ): Promise<StreamRuntime<S, E, X, R>> {
    const stream = kind.stream(id);
    const head = await log.head(stream);
    const snapshot = await loadSnapshot<S>(log, kind, stream, head.seq);
    if ('discarded' in snapshot && snapshot.discarded !== 'none') logger.warn({ stream, reason: snapshot.discarded }, 'snapshot discarded: rebuilding by replay');
    const from = 'seq' in snapshot ? snapshot.seq : 0;
    // The head's hash is known here when nothing follows the snapshot; otherwise the catch-up reads it.
    const rt = new StreamRuntime(kind, id, 'state' in snapshot ? snapshot.state : kind.initial(), from, from === head.seq ? head.hash : GENESIS_HASH, log, profile, logger);
    await rt.catchUpFromLog();
    // What the log held when it was loaded is the starting point, not news.
    rt.announced = rt.seqNow;
    return rt;
  }

  get current(): S { return this.state; }
  get seq(): number { return this.seqNow; }
  /** The hash of the row at `seq` (participants see its fingerprint: receipts, room screen, protocol). */
  get headHash(): string { return this.hashNow; }
  get stream(): string { return this.kind.stream(this.id); }

  onCommitted(listener: (commit: Commit<S, E>) => void) { this.listeners.push(listener); }
  /**
   * Events another writer (another node) committed, as this runtime takes them in: from a notice
   * of that node (`follow`) or from the log (a lost race, a sweep, a reload). One step per event,
   * each with the state after it. Every seq reaches either these or the commit listeners, once.
   */
  onFollowed(listener: (commit: Commit<S, E>) => void) { this.followers.push(listener); }

  /**
   * Another node committed `rows` (its notice, through Redis). Contiguous with our seq: folded as
   * they are; a gap (a notice lost or late): the missing events are read from the log, which is
   * the truth either way. Already known: nothing. Runs in the stream's queue.
   */
  follow(envelopes: ForeignEnvelope[]): Promise<void> {
    return this.enqueue(async () => {
      const last = envelopes.at(-1);
      if (!last || last.seq <= this.seqNow) return;
      const parsed: Envelope<E>[] = [];
      for (const [i, e] of envelopes.entries()) {
        const event = this.kind.eventSchema.safeParse(e.event);
        if (e.seq !== this.seqNow + 1 + i || !event.success) break;
        parsed.push({ seq: e.seq, at: e.at, hash: e.hash, event: event.data });
      }
      if (parsed.length === envelopes.length) this.absorb(parsed);
      else await this.catchUpFromLog();
    });
  }

  /** Read what the log holds beyond our seq (a sweep, or a client that has seen more than we have). */
  syncFromLog(): Promise<void> {
    return this.enqueue(() => this.catchUpFromLog());
  }

  /** Run `task` after every earlier task of this stream: commands apply one at a time. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The stored events after `afterSeq`, parsed with the stream's event schema. */
  async read(afterSeq: number): Promise<Envelope<E>[]> {
    return (await this.log.read(this.stream, afterSeq)).map((row) => envelopeOf(this.kind, row));
  }

  /**
   * Queue a command. Commands that arrive while the process is busy (all messages read in the same
   * I/O phase, or while an earlier batch is still waiting) join one batch. At low load a batch
   * holds one command and is taken at the next check phase (setImmediate), so nothing waits for a timer.
   */
  execute(input: CommandInput<X>): Promise<Outcome<R, E>> {
    // Validate before any other work: hashing and the decider's schema both walk the value.
    const problem = inputBoundsProblem(input.command) ?? (input.decideWith === undefined ? null : inputBoundsProblem(input.decideWith));
    if (problem) return Promise.resolve(refuse({ code: 'command.invalid', details: { reason: problem } }));
    return new Promise((resolve) => {
      let batch = this.open;
      if (!batch || batch.length >= MAX_BATCH) {
        batch = [];
        this.open = batch;
        const mine = batch;
        batchesInFlight.begin();
        void this.enqueue(async () => {
          await nextMacrotask();
          if (this.open === mine) this.open = null;
          await this.applyBatch(mine).catch((err: unknown) => {
            // Never leave a caller without an answer (resolving twice is a no-op for those answered).
            this.logger.error({ err, stream: this.stream }, 'batch failed');
            for (const p of mine) p.resolve(refuse({ code: codeOf(err) }));
          });
        }).finally(() => batchesInFlight.end());
      }
      batch.push({ input, resolve });
    });
  }

  private async applyBatch(batch: Pending<X, R, E>[]): Promise<void> {
    // After an outage the log is read again before anything is decided (a throw refuses the batch).
    if (this.stale) await this.reload();
    for (let attempt = 0; ; attempt++) {
      const before = { state: this.state, seq: this.seqNow };
      const steps = await this.decideAll(batch);
      // A refusal is final only against the log's newest state: with nodes sharing one log, another
      // node may have just committed what the command refers to (a vote opened there a moment ago).
      if (attempt < MAX_CONFLICT_RETRIES && steps.some((s) => s.kind === 'answered' && 'error' in s.ack) && await this.logIsAhead()) {
        await this.catchUpFromLog();
        continue;
      }
      const accepted = steps.filter((s): s is Accepted<S, X, R, E> => s.kind === 'accepted');
      if (accepted.length > 0) {
        let stored: StoredRow[][];
        try {
          stored = await this.log.append(this.stream, before.seq, accepted.map((a) => a.entry));
        } catch (err) {
          if ((err instanceof ExpectedVersionConflict || err instanceof IdempotencyKeyTaken) && attempt < MAX_CONFLICT_RETRIES) {
            // Another writer (another node) was first: its events, or the same key, are in the log.
            // Catch up and decide again: a key now stored is answered as a repeat.
            await new Promise((r) => setTimeout(r, conflictBackoffMs(attempt)));
            await this.catchUpFromLog();
            continue;
          }
          // The transaction rolled back as a whole: every command of the batch is refused (their
          // answers were decided against states never committed); the log is the truth.
          if (err instanceof ClockBackwards) {
            this.logger.error({ stream: err.stream, seq: err.seq, lastAt: err.lastAt, at: err.at, commands: batch.length }, 'CLOCK: the server clock went backwards; events refused, nothing written (fix the system clock)');
          } else {
            this.logger.error({ err, stream: this.stream, commands: batch.length }, 'append failed');
          }
          await this.reload().catch((e: unknown) => this.logger.error({ err: e, stream: this.stream }, 'reload failed'));
          for (const p of batch) p.resolve(refuse({ code: codeOf(err) }));
          return;
        }
        accepted.forEach((a, i) => { a.envelopes = stored[i]!.map((row, j) => ({ seq: row.seq, at: row.at, hash: row.hash, event: a.events[j]! })); });
        // The tentative fold used the seqs the store assigned, so the final state is the commit's.
        const last = accepted.at(-1)!;
        this.state = last.state;
        this.seqNow = last.seq;
        this.announced = Math.max(this.announced, last.seq);
        this.hashNow = stored.flat().at(-1)?.hash ?? this.hashNow;
        await this.afterCommit(before, accepted);
      }
      // Answers in arrival order, after the commit and after the listeners.
      for (const s of steps) {
        if (s.kind === 'answered') s.pending.resolve({ ack: s.ack, appended: [] });
        else if (s.kind === 'repeat') s.pending.resolve({ ack: { data: { ...this.answerOf(s.first), duplicate: true } }, appended: [] });
        else s.pending.resolve({ ack: { data: this.answerOf(s) }, appended: s.envelopes });
      }
      return;
    }
  }

  private answerOf(a: Accepted<S, X, R, E>): R {
    return this.kind.respond(this.id, a.envelopes, a.state, a.seq);
  }

  /** Each command against the state the previous one produced; a failure refuses only its command. */
  private async decideAll(batch: Pending<X, R, E>[]): Promise<Step<S, X, R, E>[]> {
    let state = this.state;
    let seq = this.seqNow;
    const inBatch = new Map<string, Accepted<S, X, R, E>>();
    const steps: Step<S, X, R, E>[] = [];
    for (const pending of batch) {
      try {
        const step = await this.decideOne(pending, state, seq, inBatch);
        if (step.kind === 'accepted') {
          state = step.state;
          seq = step.seq;
          if (pending.input.key) inBatch.set(pending.input.key, step);
        }
        steps.push(step);
      } catch (err) {
        this.logger.error({ err, stream: this.stream }, 'command failed before the commit');
        steps.push({ kind: 'answered', pending, ack: { error: { code: codeOf(err) } } });
      }
    }
    return steps;
  }

  private async decideOne(pending: Pending<X, R, E>, state: S, seq: number, inBatch: Map<string, Accepted<S, X, R, E>>): Promise<Step<S, X, R, E>> {
    const { key, command, actor, decideWith, context, now } = pending.input;
    const invalid = this.kind.validate(decideWith ?? command);
    if (invalid) return { kind: 'answered', pending, ack: { error: errorOf(invalid) } };
    const hash = payloadHash(this.kind.payloadScope(this.id), actor, command);
    if (key) {
      // A key is known from an earlier command of this batch (not yet committed), or from the log.
      const first = inBatch.get(key);
      if (first) {
        return first.hash === hash ? { kind: 'repeat', pending, first } : { kind: 'answered', pending, ack: { error: { code: 'idempotency.keyReused' } } };
      }
      const earlier = await this.log.findIdempotency(this.stream, key);
      if (earlier) return { kind: 'answered', pending, ack: repeatOf(earlier, hash, (json) => this.kind.parseResponse(json)) };
    }
    const result = this.kind.decide(state, decideWith ?? command, {
      ...context, now: now ?? new Date().toISOString(), actor, newId: this.kind.newId(this.id), profile: this.profile,
    });
    if (!result.ok) return { kind: 'answered', pending, ack: { error: errorOf(result) } };
    const seqBefore = seq;
    for (const event of result.events) state = this.kind.evolve(state, event, ++seq);
    const accepted: Accepted<S, X, R, E> = {
      kind: 'accepted', pending, events: result.events, hash, state, seq, envelopes: [],
      entry: {
        events: result.events, actor: { role: actor.role, participantId: actor.participantId },
        idempotency: key ? {
          key, payloadHash: hash,
          respond: (rows) => JSON.stringify(this.kind.respond(this.id, rows.map((r, i) => ({ seq: r.seq, at: r.at, hash: r.hash, event: result.events[i]! })), accepted.state, rows.at(-1)?.seq ?? seqBefore)),
        } : null,
      },
    };
    return accepted;
  }

  /**
   * The batch is committed from here on: a failing snapshot or listener is logged, never turned
   * into an error answer, and never keeps the events from the other listeners.
   */
  private async afterCommit(before: { state: S; seq: number }, accepted: Accepted<S, X, R, E>[]) {
    if (Math.floor(this.seqNow / SNAPSHOT_EVERY) > Math.floor(before.seq / SNAPSHOT_EVERY)) {
      try {
        await this.log.saveSnapshot(this.stream, {
          seq: this.seqNow, stateVersion: this.kind.stateVersion, schemaVersion: SNAPSHOT_SCHEMA_VERSION, stateJson: JSON.stringify(this.state),
        });
      } catch (err) {
        // Only a faster restart is lost: load() replays the log from the previous snapshot.
        this.logger.error({ err, stream: this.stream, seq: this.seqNow }, 'snapshot failed after commit');
      }
    }
    const commit: Commit<S, E> = { id: this.id, before: before.state, steps: accepted.map((a) => ({ envelopes: a.envelopes, state: a.state })) };
    this.tell(this.listeners, commit);
  }

  private tell(listeners: ((commit: Commit<S, E>) => void)[], commit: Commit<S, E>) {
    for (const listener of listeners) {
      try {
        listener(commit);
      } catch (err) {
        this.logger.error({ err, stream: this.stream, seq: this.seqNow }, 'after-commit listener failed');
      }
    }
  }

  /** Whether another writer has appended beyond our seq (false when the log cannot be asked: the refusals stand). */
  private async logIsAhead(): Promise<boolean> {
    try {
      return (await this.log.head(this.stream)).seq > this.seqNow;
    } catch {
      return false;
    }
  }

  /** Fold what the log holds beyond our seq (written by another writer). */
  private async catchUpFromLog() {
    this.absorb(await this.read(this.seqNow));
  }

  /** Fold events committed elsewhere; those not yet announced go to the follow listeners. */
  private absorb(envelopes: Envelope<E>[]) {
    let before: S | null = null;
    const steps: Commit<S, E>['steps'] = [];
    for (const e of envelopes) {
      const prev = this.state;
      this.state = this.kind.evolve(this.state, e.event, e.seq);
      this.seqNow = e.seq;
      this.hashNow = e.hash;
      if (e.seq <= this.announced) continue;
      before ??= prev;
      steps.push({ envelopes: [e], state: this.state });
    }
    if (!before) return;
    this.announced = this.seqNow;
    this.tell(this.followers, { id: this.id, before, steps });
  }

  /** The log is the truth: after an unexpected store error, rebuild from it. */
  private async reload() {
    this.stale = true;
    this.state = this.kind.initial();
    this.seqNow = 0;
    this.hashNow = GENESIS_HASH;
    await this.catchUpFromLog();
    this.stale = false;
  }
}
