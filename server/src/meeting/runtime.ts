import { randomBytes } from 'node:crypto';
import {
  decide, evolve, initialState, type Actor, type Ack, type CatchUp, type CommandResult, type EventEnvelope, type MeetingState,
  type RulesProfile,
} from '@plenum/shared';
import type { EventStore } from '../store/event-store.ts';
import { sha256 } from '../store/hash.ts';
import { viewState } from './state-view.ts';
import type { Logger } from '../log.ts';

/** Take a snapshot every this many events, so a restart does not replay the whole log. */
const SNAPSHOT_EVERY = 500;
/** A client further behind than this gets a snapshot instead of the missing events. */
const MAX_CATCH_UP_EVENTS = 1000;

export type AppendedListener = (meetingId: string, events: EventEnvelope[], state: MeetingState) => void;

export interface CommandOutcome {
  ack: Ack<CommandResult>;
  /** Events appended by this call (empty for refusals and duplicates). */
  appended: EventEnvelope[];
}

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/**
 * One meeting, live: its state (the fold of its log) and a queue that applies one command at a
 * time: idempotency → decide → append (one transaction) → fold → answer. The caller acknowledges
 * only after `execute` resolves, i.e. after the commit.
 */
export class MeetingRuntime {
  private tail: Promise<unknown> = Promise.resolve();

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

  execute(key: string, command: unknown, actor: Actor): Promise<CommandOutcome> {
    return this.enqueue(() => this.apply(key, command, actor));
  }

  private async apply(key: string, command: unknown, actor: Actor): Promise<CommandOutcome> {
    // The payload hash covers the actor too: another actor reusing a key gets keyReused, not my answer.
    const payloadHash = sha256(JSON.stringify([actor.role, actor.participantId, command]));
    const earlier = await this.store.findIdempotency(this.meetingId, key);
    if (earlier) {
      if (earlier.payloadHash !== payloadHash) return refuse({ code: 'idempotency.keyReused' });
      const first = JSON.parse(earlier.responseJson) as CommandResult;
      return { ack: { data: { ...first, duplicate: true } }, appended: [] };
    }

    // decide names the meeting with newId('meeting'): that is this runtime's id.
    const ids = (prefix: string) => (prefix === 'meeting' ? this.meetingId : newId(prefix));
    const result = decide(this.state, command, { now: new Date().toISOString(), actor, newId: ids, profile: this.profile });
    if (!result.ok) {
      const { code, rule, details } = result;
      return refuse({ code, ...(rule ? { rule } : {}), ...(details ? { details } : {}) });
    }

    const before = this.state.seq;
    let envelopes: EventEnvelope[];
    try {
      envelopes = await this.store.append(this.meetingId, before, result.events, { actorRole: actor.role, actorParticipant: actor.participantId }, {
        key, payloadHash,
        respond: (stored) => JSON.stringify({ seq: stored.at(-1)?.seq ?? before, events: stored, duplicate: false } satisfies CommandResult),
      });
    } catch (err) {
      this.log.error({ err, meetingId: this.meetingId }, 'append failed');
      await this.reload();
      return refuse({ code: 'internal.error' });
    }

    let state = this.state;
    for (const e of envelopes) state = fold(state, e);
    this.state = state;
    // The command is committed from here on: a failing snapshot or listener is logged, never turned
    // into an error answer, and never keeps the events from the other clients.
    if (Math.floor(state.seq / SNAPSHOT_EVERY) > Math.floor(before / SNAPSHOT_EVERY)) {
      try {
        await this.store.saveSnapshot(this.meetingId, { seq: state.seq, stateJson: JSON.stringify(state) });
      } catch (err) {
        // Only a faster restart is lost: load() replays the log from the previous snapshot.
        this.log.error({ err, meetingId: this.meetingId, seq: state.seq }, 'snapshot failed after commit');
      }
    }
    if (envelopes.length > 0) {
      try {
        this.onAppended(this.meetingId, envelopes, state);
      } catch (err) {
        this.log.error({ err, meetingId: this.meetingId, seq: state.seq }, 'after-append listener failed');
      }
    }
    return { ack: { data: { seq: state.seq, events: envelopes, duplicate: false } }, appended: envelopes };
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
      const seq = this.state.seq;
      if (!lastSeq || lastSeq > seq || seq - lastSeq > MAX_CATCH_UP_EVENTS) return { kind: 'snapshot', seq, state: view };
      return { kind: 'events', events: await this.store.read(this.meetingId, lastSeq) };
    });
  }
}

function fold(state: MeetingState, e: EventEnvelope): MeetingState {
  return { ...evolve(state, e.event), seq: e.seq };
}

function refuse(error: NonNullable<Extract<Ack<unknown>, { error: unknown }>['error']>): CommandOutcome {
  return { ack: { error }, appended: [] };
}
