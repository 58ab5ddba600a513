import { randomBytes } from 'node:crypto';
import {
  chairPeriodOf, sessionDeadlines, type Actor, type AgendaRecordState, type CircularRosterEntry, type CircularState, type ConferenceState, type ExtraordinaryState,
  type ErrorPayload, type EventEnvelope, type MeetingState, type ProtocolWorkflowState, type RulesProfile, type SessionDeadlines,
} from '@plenum/shared';
import { sha256 } from '../store/hash.ts';
import { itemsNotDealtWith } from '../conference/items.ts';
import { adoptedResolutionsIn } from './adopted.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Logger } from '../log.ts';
import { BetweenStore } from './store.ts';
import { STREAM_KINDS, type StreamKindName } from './kinds.ts';

export type BetweenOutcome = { data: { stream: string; seq: number; events: unknown[]; state: unknown; duplicate?: boolean } } | { error: ErrorPayload };

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('base64url')}`;

/**
 * Applies between-sessions commands: one at a time per stream (a promise queue), fold → decide
 * (pure, with the clock and the roster passed in) → append → answer. Listeners (the scheduler)
 * hear about every append.
 */
export class BetweenService {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly listeners: (() => void)[] = [];
  private readonly streamListeners: ((kind: StreamKindName, id: string, events: { type: string }[]) => Promise<void>)[] = [];

  constructor(
    readonly store: BetweenStore,
    private readonly meetings: { store: EventStore; registry: MeetingRegistry },
    readonly profile: RulesProfile,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  onAppended(fn: () => void) { this.listeners.push(fn); }
  /** Called, awaited, with the events of every append (the conference sets up the sessions it creates). */
  onStreamAppended(fn: (kind: StreamKindName, id: string, events: { type: string }[]) => Promise<void>) { this.streamListeners.push(fn); }

  state<K extends StreamKindName>(kind: K, id: string): { seq: number; state: ReturnType<(typeof STREAM_KINDS)[K]['initial']> } {
    const k = STREAM_KINDS[kind];
    const rows = this.store.read(`${kind}:${id}`);
    const state = rows.reduce((s, r) => k.evolve(s, r.event as never), k.initial());
    return { seq: rows.at(-1)?.seq ?? 0, state: state as ReturnType<(typeof STREAM_KINDS)[K]['initial']> };
  }

  list<K extends StreamKindName>(kind: K) {
    return this.store.streams(kind).map((stream) => {
      const id = stream.slice(kind.length + 1);
      return { id, ...this.state(kind, id) };
    });
  }

  /**
   * R-MEM-1: members and permanent deputies of the chair period in force, from the meetings'
   * rosters. When no meeting has a roster for this period yet (e.g. only the 2024 demo exists),
   * the latest period on record is used.
   */
  async roster(now = this.clock()): Promise<CircularRosterEntry[]> {
    const period = chairPeriodOf(now.toISOString().slice(0, 10));
    const all = new Map<string, CircularRosterEntry & { period: number }>();
    for (const meetingId of await this.meetings.store.meetings()) {
      const rt = await this.meetings.registry.get(meetingId);
      for (const p of Object.values(rt?.current.participants ?? {})) {
        if ((p.kind === 'member' || p.kind === 'permanentDeputy') && p.land && p.chairPeriod !== null) {
          all.set(p.id, { participantId: p.id, name: p.name, land: p.land, kind: p.kind, period: p.chairPeriod });
        }
      }
    }
    const periods = [...all.values()].map((e) => e.period);
    const use = periods.includes(period) ? period : Math.max(...periods);
    return [...all.values()].filter((e) => e.period === use).map(({ period: _p, ...entry }) => entry);
  }

  async meetingState(meetingId: string): Promise<{ state: MeetingState; events: import('@plenum/shared').MeetingEvent[] } | null> {
    const rt = await this.meetings.registry.get(meetingId);
    if (!rt) return null;
    const envelopes = await this.meetings.store.read(meetingId, 0);
    return { state: rt.current, events: envelopes.map((e) => e.event) };
  }

  /**
   * `key`: the client's idempotency key (like the socket commands): a repeat returns the first
   * answer with `duplicate: true`; the same key with another payload (or actor) is refused with
   * 'idempotency.keyReused'. The key is stored in the transaction that appends the events.
   */
  execute(kind: StreamKindName, id: string, command: unknown, actor: Actor, key?: string): Promise<BetweenOutcome> {
    const stream = `${kind}:${id}`;
    const run = (this.tails.get(stream) ?? Promise.resolve()).then(() => this.apply(kind, id, command, actor, key));
    this.tails.set(stream, run.catch(() => undefined));
    return run;
  }

  private repeat(key: string, payloadHash: string): BetweenOutcome | null {
    const earlier = this.store.findIdempotency(key);
    if (!earlier) return null;
    if (earlier.payloadHash !== payloadHash) return { error: { code: 'idempotency.keyReused' } };
    const first = JSON.parse(earlier.responseJson) as Extract<BetweenOutcome, { data: unknown }>['data'];
    return { data: { ...first, duplicate: true } };
  }

  private async apply(kind: StreamKindName, id: string, raw: unknown, actor: Actor, key?: string): Promise<BetweenOutcome> {
    const payloadHash = sha256(JSON.stringify([kind, id, actor.role, actor.participantId, raw]));
    if (key) {
      const earlier = this.repeat(key, payloadHash);
      if (earlier) return earlier;
    }
    const now = this.clock();
    let command = raw;
    // The server, not the client, supplies what the decider must trust: the roster and the session day.
    if (kind === 'circular' && isType(raw, 'startCircular')) command = { ...raw, procedureId: id, roster: await this.roster(now) };
    if (kind === 'protocol' && isType(raw, 'sendProtocolDraft')) {
      // The client names only the type; anything else it sends is refused, not silently replaced.
      if (Object.keys(raw as object).length !== 1) return { error: { code: 'command.invalid', details: { reason: 'sendProtocolDraft takes no fields' } } };
      const meeting = await this.meetingState(id);
      const session = meeting?.state.session;
      if (!session || session.status !== 'closed') return { error: { code: 'protocol.sessionNotClosed', rule: 'R-PRT-2' } };
      // R-PRT-2: the periods count from the session's date, with the chair it recorded (R-CHR-3).
      command = { type: 'sendProtocolDraft', meetingId: id, sessionDay: session.date, chairLands: session.chairLands };
    }
    // R-AGD-6: the agenda record of a meeting is judged with its session's kind.
    const session = kind === 'agenda' ? (await this.meetingState(id))?.state.session : null;
    const { seq, state } = this.state(kind, id);
    const result = STREAM_KINDS[kind].decide(state, command, {
      now: now.toISOString(), actor, newId: (p) => (p === 'circ' || p === 'draft' ? id : newId(p)), profile: this.profile, roster: await this.roster(now),
      ...(session ? { session: { date: session.date, kind: session.kind } } : {}),
      // R-CHR-3: the chair in force is derived with the deviations the conference recorded.
      chairDeviations: (this.state('conference', 'dmk').state as ConferenceState).deviations,
      ...(kind === 'conference' ? await this.conferenceContext(raw) : {}),
    });
    if (!result.ok) return { error: { code: result.code, ...(result.rule ? { rule: result.rule } : {}), ...(result.details ? { details: result.details } : {}) } };
    const k = STREAM_KINDS[kind];
    const data = {
      stream: `${kind}:${id}`, seq: seq + result.events.length, events: result.events,
      state: result.events.reduce((st, e) => k.evolve(st, e as never), state as unknown), duplicate: false,
    };
    if (result.events.length === 0 && !key) return { data };
    try {
      this.store.append(`${kind}:${id}`, seq, result.events, key ? { key, payloadHash, responseJson: JSON.stringify(data) } : null);
    } catch (err) {
      // The same key stored meanwhile by a request on another stream: answer as a repeat.
      const earlier = key ? this.repeat(key, payloadHash) : null;
      if (earlier) return earlier;
      throw err;
    }
    if (result.events.length === 0) return { data };
    this.log.info({ stream: `${kind}:${id}`, types: result.events.map((e) => e.type), actor: actor.role }, 'between-sessions events');
    await this.afterAppend(kind, id, result.events);
    for (const fn of this.streamListeners) await fn(kind, id, result.events);
    for (const fn of this.listeners) fn();
    return { data };
  }

  /**
   * R-FUP-1: resolutions adopted in a live session enter the follow-up record (proposing Länder =
   * the item's rapporteur Länder). Called after every append of a meeting (see app.ts); the
   * registration is idempotent, so `registerAdoptedFromMeetings` may repeat it on start.
   */
  readonly onMeetingAppended = (meetingId: string, envelopes: EventEnvelope[], state: MeetingState) => {
    const closed = new Set(envelopes.flatMap((e) => (e.event.type === 'VoteClosed' ? [e.event.voteId] : [])));
    if (closed.size === 0) return;
    void this.registerAdopted(meetingId, state, closed)
      .catch((err: unknown) => this.log.error({ err, meetingId }, 'follow-up registration failed'));
  };

  private async registerAdopted(meetingId: string, state: MeetingState, voteIds?: ReadonlySet<string>) {
    for (const command of adoptedResolutionsIn(meetingId, state, voteIds)) {
      const outcome = await this.execute('followup', 'dmk', command, { role: 'system', participantId: null });
      if ('error' in outcome) this.log.warn({ meetingId, error: outcome.error }, 'follow-up registration refused');
    }
  }

  /** On start: register what was adopted while no listener ran (e.g. a crash between the two appends). */
  async registerAdoptedFromMeetings() {
    for (const meetingId of await this.meetings.store.meetings()) {
      const rt = await this.meetings.registry.get(meetingId);
      if (rt) await this.registerAdopted(meetingId, rt.current);
    }
  }

  /** R-AGD-6 and R-PRT-2 deadlines of a meeting, judged at the server's clock. */
  async deadlines(meetingId: string): Promise<SessionDeadlines | null> {
    const rt = await this.meetings.registry.get(meetingId);
    const session = rt?.current.session;
    if (!session) return null;
    const agenda = this.state('agenda', meetingId).state as AgendaRecordState;
    const protocol = this.state('protocol', meetingId).state as ProtocolWorkflowState;
    return sessionDeadlines(session, agenda, protocol, this.profile, this.clock().toISOString());
  }

  /**
   * What the conference decider must trust from the server: the extraordinary-session requests
   * that reached 11 (R-SES-1) and, for a carry-over, the items of the source session not dealt with.
   */
  private async conferenceContext(raw: unknown) {
    const reachedRequests = this.list('extraordinary').filter((r) => (r.state as ExtraordinaryState).status === 'reached').map((r) => r.id);
    const from = isType(raw, 'carryOverItem') && typeof raw.fromSessionId === 'string' ? raw.fromSessionId : null;
    const meeting = from ? await this.meetingState(from) : null;
    return { reachedRequests, itemsNotDealtWith: from && meeting ? { [from]: itemsNotDealtWith(meeting.state) } : {} };
  }

  /** R-FUP-1: an adopted circular resolution enters the follow-up record of its proposing Land. */
  private async afterAppend(kind: StreamKindName, id: string, events: { type: string }[]) {
    if (kind !== 'circular' || !events.some((e) => e.type === 'CircularClosed')) return;
    const s = this.state('circular', id).state as CircularState;
    if (s.status !== 'adopted' || !s.proposingLand) return;
    await this.execute('followup', 'dmk', {
      type: 'registerAdoptedResolution', resolutionId: id, title: s.title, proposingLands: [s.proposingLand],
      adoptedAt: s.closedAt ?? this.clock().toISOString(), source: 'Umlaufverfahren',
    }, { role: 'system', participantId: null });
  }
}

const isType = (raw: unknown, type: string): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === type;

