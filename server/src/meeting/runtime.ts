import { randomBytes } from 'node:crypto';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import {
  decide, evolve, initialState, type Actor, type Ack, type CatchUp, type CommandResult, type EventEnvelope, type MeetingState,
  type RulesProfile,
} from '@plenum/shared';
import type { AppendEntry, EventStore } from '../store/event-store.ts';
import { sha256 } from '../store/hash.ts';
import { canFollow, publicView, viewState } from './state-view.ts';
import type { Logger } from '../log.ts';

/** Take a snapshot every this many events, so a restart does not replay the whole log. */
const SNAPSHOT_EVERY = 500;
/** A client further behind than this gets a snapshot instead of the missing events. */
const MAX_CATCH_UP_EVENTS = 1000;
/** At most this many commands share one transaction, so one batch cannot hold the loop for long. */
const MAX_BATCH = 256;

export type AppendedListener = (meetingId: string, events: EventEnvelope[], state: MeetingState) => void;

export interface CommandOutcome {
  ack: Ack<CommandResult>;
  /** Events appended by this call (empty for refusals and duplicates). */
  appended: EventEnvelope[];
}

type ErrorAck = NonNullable<Extract<Ack<unknown>, { error: unknown }>['error']>;

/** A command waiting in a batch, and how to answer it. */
interface Pending {
  key: string;
  command: unknown;
  actor: Actor;
  resolve: (outcome: CommandOutcome) => void;
}

/** What became of one command of a batch before the commit. */
interface Accepted {
  kind: 'accepted';
  pending: Pending;
  entry: AppendEntry;
  /** The state after this command (tentative until the batch is committed). */
  state: MeetingState;
  /** Filled in from the store after the commit. */
  envelopes: EventEnvelope[];
}
type Step =
  | Accepted
  | { kind: 'refused'; pending: Pending; error: ErrorAck }
  /** Answered from the log: the key was committed by an earlier batch. */
  | { kind: 'stored'; pending: Pending; outcome: CommandOutcome }
  /** The same key and payload as an earlier command of this batch: that command's answer. */
  | { kind: 'repeat'; pending: Pending; first: Accepted };

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/**
 * One meeting, live: its state (the fold of its log) and a queue of batches. Within a batch each
 * command, in arrival order: idempotency → decide against the state the previous one produced →
 * fold (tentatively); then the whole batch is appended in one transaction (group commit), then
 * broadcast, then answered. The caller acknowledges only after `execute` resolves, i.e. after the
 * commit.
 */
export class MeetingRuntime {
  private tail: Promise<unknown> = Promise.resolve();
  /** The batch still taking commands (closed when its turn in the queue comes). */
  private open: Pending[] | null = null;

  private constructor(
    readonly meetingId: string,
    private state: MeetingState,
    private readonly store: EventStore,
    readonly profile: RulesProfile,
    private readonly log: Logger,
    private readonly onAppended: AppendedListener,
  ) {}

  /** Rebuild the state from the latest snapshot plus the events after it (or the whole log). */
  static async load(meetingId: string, store: EventStore, profile: RulesProfile, log: Logger, onAppended: AppendedListener): Promise<MeetingRuntime> {
    let state = initialState();
    const snapshot = await store.latestSnapshot(meetingId);
    const lastSeq = await store.lastSeq(meetingId);
    if (snapshot && snapshot.seq <= lastSeq) {
      try { state = JSON.parse(snapshot.stateJson) as MeetingState; } catch { state = initialState(); }
    }
    for (const e of await store.read(meetingId, state.seq)) state = fold(state, e);
    return new MeetingRuntime(meetingId, state, store, profile, log, onAppended);
  }

  get current(): MeetingState { return this.state; }
  get seq(): number { return this.state.seq; }

  /** Run `task` after every earlier task of this meeting: commands apply one at a time. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Queue a command. Commands that arrive while the process is busy (all messages read in the same
   * I/O phase, or while an earlier batch is still waiting in the queue) join one batch: decided one
   * at a time in arrival order, committed together in one transaction (group commit, one fsync),
   * acknowledged only after that commit. At low load a batch holds one command and is taken at the
   * next check phase (setImmediate), so nothing waits for a timer.
   */
  execute(key: string, command: unknown, actor: Actor): Promise<CommandOutcome> {
    return new Promise((resolve) => {
      let batch = this.open;
      if (!batch || batch.length >= MAX_BATCH) {
        batch = [];
        this.open = batch;
        const mine = batch;
        void this.enqueue(async () => {
          // Collect what else arrives in this I/O phase; then the batch is closed.
          await nextMacrotask();
          if (this.open === mine) this.open = null;
          await this.applyBatch(mine).catch((err: unknown) => {
            // Never leave a caller without an answer (resolving twice is a no-op for those answered).
            this.log.error({ err, meetingId: this.meetingId }, 'batch failed');
            for (const p of mine) p.resolve(refuse({ code: 'internal.error' }));
          });
        });
      }
      batch.push({ key, command, actor, resolve });
    });
  }

  private async applyBatch(batch: Pending[]): Promise<void> {
    const stateBefore = this.state;
    const before = stateBefore.seq;
    let steps: Step[];
    try {
      steps = await this.decideAll(batch);
    } catch (err) {
      // decide never throws; a failing idempotency lookup is a store error: nothing was written.
      this.log.error({ err, meetingId: this.meetingId }, 'batch failed before the commit');
      for (const p of batch) p.resolve(refuse({ code: 'internal.error' }));
      return;
    }

    const accepted = steps.filter((s): s is Accepted => s.kind === 'accepted');
    if (accepted.length > 0) {
      let stored: EventEnvelope[][];
      try {
        stored = await this.store.appendBatch(this.meetingId, before, accepted.map((a) => a.entry));
      } catch (err) {
        // The transaction rolled back as a whole: every command of the batch is refused (their
        // answers were decided against states that were never committed); the log is the truth.
        this.log.error({ err, meetingId: this.meetingId, commands: batch.length }, 'append failed');
        await this.reload();
        for (const p of batch) p.resolve(refuse({ code: 'internal.error' }));
        return;
      }
      accepted.forEach((a, i) => { a.envelopes = stored[i]!; });
      // The tentative fold used the same seqs the store assigned, so the final state is the commit's.
      this.state = accepted.at(-1)!.state;
      await this.afterCommit(stateBefore, accepted);
    }

    // Acks in arrival order, after the commit and after the broadcast (as for a single command).
    for (const s of steps) {
      if (s.kind === 'refused') s.pending.resolve(refuse(s.error));
      else if (s.kind === 'stored') s.pending.resolve(s.outcome);
      else if (s.kind === 'repeat') s.pending.resolve({ ack: { data: { ...resultOf(s.first), duplicate: true } }, appended: [] });
      else s.pending.resolve({ ack: { data: resultOf(s) }, appended: s.envelopes });
    }
  }

  /** Each command against the state the previous one produced (tentative until the commit). */
  private async decideAll(batch: Pending[]): Promise<Step[]> {
    let state = this.state;
    const inBatch = new Map<string, Accepted>();
    const steps: Step[] = [];
    for (const pending of batch) {
      const { key, command, actor } = pending;
      // The payload hash covers the actor too: another actor reusing a key gets keyReused, not my answer.
      const payloadHash = sha256(JSON.stringify([actor.role, actor.participantId, command]));
      // A key is known from the log, or from an earlier command of this batch (not yet committed).
      const first = inBatch.get(key);
      if (first) {
        steps.push(first.entry.idempotency!.payloadHash === payloadHash
          ? { kind: 'repeat', pending, first }
          : { kind: 'refused', pending, error: { code: 'idempotency.keyReused' } });
        continue;
      }
      const earlier = await this.store.findIdempotency(this.meetingId, key);
      if (earlier) {
        if (earlier.payloadHash !== payloadHash) steps.push({ kind: 'refused', pending, error: { code: 'idempotency.keyReused' } });
        else {
          const answer = JSON.parse(earlier.responseJson) as CommandResult;
          steps.push({ kind: 'stored', pending, outcome: { ack: { data: { ...answer, duplicate: true } }, appended: [] } });
        }
        continue;
      }

      // decide names the meeting with newId('meeting'): that is this runtime's id.
      const ids = (prefix: string) => (prefix === 'meeting' ? this.meetingId : newId(prefix));
      const result = decide(state, command, { now: new Date().toISOString(), actor, newId: ids, profile: this.profile });
      if (!result.ok) {
        const { code, rule, details } = result;
        steps.push({ kind: 'refused', pending, error: { code, ...(rule ? { rule } : {}), ...(details ? { details } : {}) } });
        continue;
      }
      const seqBefore = state.seq;
      // Fold with the seqs the store will assign (contiguous after the batch's expected seq).
      result.events.forEach((event, i) => { state = { ...evolve(state, event), seq: seqBefore + i + 1 }; });
      const accepted: Accepted = {
        kind: 'accepted', pending, state, envelopes: [],
        entry: {
          events: result.events, meta: { actorRole: actor.role, actorParticipant: actor.participantId },
          idempotency: {
            key, payloadHash,
            respond: (stored) => JSON.stringify({ seq: stored.at(-1)?.seq ?? seqBefore, events: stored, duplicate: false } satisfies CommandResult),
          },
        },
      };
      inBatch.set(key, accepted);
      steps.push(accepted);
    }
    return steps;
  }

  /**
   * The batch is committed from here on: a failing snapshot or listener is logged, never turned
   * into an error answer, and never keeps the events from the other clients.
   */
  private async afterCommit(stateBefore: MeetingState, accepted: Accepted[]) {
    const state = this.state;
    if (Math.floor(state.seq / SNAPSHOT_EVERY) > Math.floor(stateBefore.seq / SNAPSHOT_EVERY)) {
      try {
        await this.store.saveSnapshot(this.meetingId, { seq: state.seq, stateJson: JSON.stringify(state) });
      } catch (err) {
        // Only a faster restart is lost: load() replays the log from the previous snapshot.
        this.log.error({ err, meetingId: this.meetingId, seq: state.seq }, 'snapshot failed after commit');
      }
    }
    for (const segment of broadcastSegments(stateBefore, accepted)) {
      try {
        this.onAppended(this.meetingId, segment.events, segment.state);
      } catch (err) {
        this.log.error({ err, meetingId: this.meetingId, seq: segment.state.seq }, 'after-append listener failed');
      }
    }
  }

  /** The log is the truth: after an unexpected store error, rebuild from it. */
  private async reload() {
    let state = initialState();
    for (const e of await this.store.read(this.meetingId, 0)) state = fold(state, e);
    this.state = state;
  }

  /**
   * What a client that has `lastSeq` is missing: the events after it, or a snapshot when it has
   * nothing (0/null), is too far behind, or is ahead of us (the server's log was reset).
   */
  async catchUp(lastSeq: number | null, role: Actor['role'], onAllowed?: () => void): Promise<CatchUp | null> {
    return this.enqueue(async () => {
      const view = viewState(role, this.state);
      if (!view) return null;
      onAllowed?.();
      if (role === 'public') return { kind: 'public', projection: publicView(this.state, this.profile)! };
      const seq = this.state.seq;
      if (!lastSeq || lastSeq > seq || seq - lastSeq > MAX_CATCH_UP_EVENTS) return { kind: 'snapshot', seq, state: view };
      return { kind: 'events', events: await this.store.read(this.meetingId, lastSeq) };
    });
  }
}

/**
 * One listener call per run of commands with the same public audience before and after, so a
 * batch is broadcast in one message to the live room, while the public followers see exactly what
 * they saw command by command: events up to and including the one that ends publicity, nothing
 * after it (R-SES-4; state-view.ts decides by the state it is given).
 */
function broadcastSegments(stateBefore: MeetingState, accepted: Accepted[]): { events: EventEnvelope[]; state: MeetingState }[] {
  const out: { events: EventEnvelope[]; state: MeetingState; audience: string }[] = [];
  let previous = canFollow('public', stateBefore);
  for (const a of accepted) {
    if (a.envelopes.length === 0) continue;
    const now = canFollow('public', a.state);
    const audience = `${previous}>${now}`;
    previous = now;
    const last = out.at(-1);
    if (last && last.audience === audience) {
      last.events.push(...a.envelopes);
      last.state = a.state;
    } else out.push({ events: [...a.envelopes], state: a.state, audience });
  }
  return out;
}

function resultOf(a: Accepted): CommandResult {
  return { seq: a.state.seq, events: a.envelopes, duplicate: false };
}

function fold(state: MeetingState, e: EventEnvelope): MeetingState {
  return { ...evolve(state, e.event), seq: e.seq };
}

function refuse(error: ErrorAck): CommandOutcome {
  return { ack: { error }, appended: [] };
}
