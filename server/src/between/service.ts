import {
  chairPeriodOf, sessionDeadlines, type Ack, type Actor, type CircularRosterEntry, type MeetingEvent, type MeetingState,
  type RulesProfile, type SessionDeadlines, type EventEnvelope,
  headFingerprint, type RecordRef,
} from '@plenum/shared';
import { itemsNotDealtWith } from '../conference/items.ts';
import { adoptedResolutionsIn } from './adopted.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { EventLog } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import { inputBoundsProblem } from '../pipeline/input-bounds.ts';
import { StreamRegistry, type FollowableStreams } from '../pipeline/stream-registry.ts';
import {
  STREAM_KINDS, type BetweenEvents, type BetweenExtra, type BetweenResult, type BetweenStates, type StreamKindName,
} from './kinds.ts';

export type BetweenOutcome<K extends StreamKindName = StreamKindName> = Ack<BetweenResult<K>>;

type Registries = { [K in StreamKindName]: StreamRegistry<BetweenStates[K], BetweenEvents[K], BetweenExtra, BetweenResult<K>> };

/**
 * Between sessions: the streams of circular procedures, protocol workflows, extraordinary
 * requests, agenda records and the follow-up record, each applied by the one command pipeline
 * (StreamRuntime). This service supplies what the deciders must trust from the server (the
 * roster, the session day) and what follows an append (follow-up registration, the scheduler).
 */
export class BetweenService {
  private readonly registries: Registries;
  private readonly listeners: (() => void)[] = [];
  private readonly streamListeners: ((kind: StreamKindName, id: string, events: { type: string }[]) => Promise<void>)[] = [];

  constructor(
    log: EventLog,
    private readonly meetings: MeetingRegistry,
    readonly profile: RulesProfile,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // Another node's commit may bring a new due time: the scheduler plans again (reading the log
    // for a stream not loaded here, after taking it in for one that is).
    const replan = () => { for (const fn of this.listeners) fn(); };
    const registry = <K extends StreamKindName>(kind: K) => new StreamRegistry(STREAM_KINDS[kind], log, profile, logger, (rt) => rt.onFollowed(replan), replan);
    this.registries = {
      circular: registry('circular'), protocol: registry('protocol'), extraordinary: registry('extraordinary'),
      followup: registry('followup'), agenda: registry('agenda'), draft: registry('draft'), assignment: registry('assignment'),
      conference: registry('conference'),
    };
  }

  onAppended(fn: () => void) { this.listeners.push(fn); }

  /** Every between-sessions stream registry, for the cluster (notices out and in, sweeps). */
  get streamRegistries(): FollowableStreams[] { return Object.values(this.registries); }
  /** Called, awaited, with the events of every append (the conference sets up the sessions it creates). */
  onStreamAppended(fn: (kind: StreamKindName, id: string, events: { type: string }[]) => Promise<void>) { this.streamListeners.push(fn); }

  /** A stream without events is not loaded (nor kept): its state is the initial one. */
  async state<K extends StreamKindName>(kind: K, id: string): Promise<{ seq: number; state: BetweenStates[K] }> {
    const rt = await this.registries[kind].getIfExists(id);
    return rt ? { seq: rt.seq, state: rt.current } : { seq: 0, state: STREAM_KINDS[kind].initial() };
  }

  /** The stored events of one stream (parsed with its schema). */
  async events<K extends StreamKindName>(kind: K, id: string): Promise<BetweenEvents[K][]> {
    const rt = await this.registries[kind].getIfExists(id);
    return rt ? (await rt.read(0)).map((e) => e.event) : [];
  }

  async list<K extends StreamKindName>(kind: K): Promise<{ id: string; seq: number; state: BetweenStates[K] }[]> {
    const ids = await this.registries[kind].ids();
    return Promise.all(ids.map(async (id) => ({ id, ...(await this.state(kind, id)) })));
  }

  /**
   * R-MEM-1: members and permanent deputies of the chair period in force, from the meetings'
   * rosters. When no meeting has a roster for this period yet (e.g. only the 2024 demo exists),
   * the latest period on record is used.
   */
  async roster(now = this.clock()): Promise<CircularRosterEntry[]> {
    const period = chairPeriodOf(now.toISOString().slice(0, 10));
    const all = new Map<string, CircularRosterEntry & { period: number }>();
    for (const meetingId of await this.meetings.knownIds()) {
      const rt = await this.meetings.get(meetingId);
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

  /**
   * R-AGR-1: the Arbeitsgremium's working level, who speak for their Land on drafts besides the
   * members and deputies: the working-level representatives of its meetings (one id per person).
   */
  async workingLevel(): Promise<{ participantId: string; name: string; land: string }[]> {
    const all = new Map<string, { participantId: string; name: string; land: string }>();
    for (const meetingId of await this.meetings.knownIds()) {
      const rt = await this.meetings.get(meetingId);
      for (const p of Object.values(rt?.current.participants ?? {})) {
        if (p.kind === 'workingLevel' && p.land) all.set(p.id, { participantId: p.id, name: p.name, land: p.land });
      }
    }
    return [...all.values()];
  }

  /** `record`: the head the state is the fold of (read together with it), for documents made from it (the protocol's fingerprint). */
  async meetingState(meetingId: string): Promise<{ state: MeetingState; events: MeetingEvent[]; record: RecordRef } | null> {
    const rt = await this.meetings.get(meetingId);
    if (!rt) return null;
    const envelopes = await rt.read(0);
    const record: RecordRef = { seq: rt.seq, fingerprint: headFingerprint(rt.headHash) };
    return { state: rt.current, events: envelopes.filter((e) => e.seq <= record.seq).map((e) => e.event), record };
  }

  /**
   * `key`: the client's idempotency key (like the socket commands): a repeat returns the first
   * answer with `duplicate: true`; the same key with another payload (or actor) is refused with
   * 'idempotency.keyReused'. The key is stored in the transaction that appends the events.
   */
  async execute<K extends StreamKindName>(kind: K, id: string, raw: unknown, actor: Actor, key?: string): Promise<BetweenOutcome<K>> {
    // Bounded before anything walks it (the roster completion spreads it, the hash stringifies it).
    const problem = inputBoundsProblem(raw);
    if (problem) return { error: { code: 'command.invalid', details: { reason: problem } } };
    const now = this.clock();
    const roster = await this.roster(now);
    let decideWith: unknown;
    // The server, not the client, supplies what the decider must trust: the roster and the session day.
    if (kind === 'circular' && isType(raw, 'startCircular')) decideWith = { ...raw, procedureId: id, roster };
    if (kind === 'protocol' && isType(raw, 'sendProtocolDraft')) {
      // The client names only the type; anything else it sends is refused, not silently replaced.
      if (Object.keys(raw as object).length !== 1) return { error: { code: 'command.invalid', details: { reason: 'sendProtocolDraft takes no fields' } } };
      const session = (await this.meetings.get(id))?.current.session;
      if (!session || session.status !== 'closed') return { error: { code: 'protocol.sessionNotClosed', rule: 'R-PRT-2' } };
      // R-PRT-2: the periods count from the session's date, with the chair it recorded (R-CHR-3).
      decideWith = { type: 'sendProtocolDraft', meetingId: id, sessionDay: session.date, chairLands: session.chairLands };
    }
    // R-AGD-6: the agenda record of a meeting is judged with its session's kind.
    const session = kind === 'agenda' ? (await this.meetings.get(id))?.current.session : null;
    // The draft and assignment deciders read only who speaks for which Land (DraftContext): the working level too.
    const withWorkingLevel = kind === 'draft' || kind === 'assignment' ? [...roster, ...(await this.workingLevel())] as typeof roster : roster;
    const context: BetweenExtra = {
      roster: withWorkingLevel, ...(session ? { session: { date: session.date, kind: session.kind } } : {}),
      // R-CHR-3: the chair in force is derived with the deviations the conference recorded.
      chairDeviations: (await this.state('conference', 'dmk')).state.deviations,
      ...(kind === 'conference' ? await this.conferenceContext(raw) : {}),
    };
    const rt = await this.registries[kind].get(id);
    const outcome = await rt.execute({ key: key ?? null, command: raw, actor, decideWith, context, now: now.toISOString() });
    if (outcome.appended.length > 0) {
      this.logger.info({ stream: rt.stream, types: outcome.appended.map((e) => e.event.type), actor: actor.role }, 'between-sessions events');
      if (kind === 'circular') await this.afterCircular(id, outcome.appended.map((e) => e.event.type));
      for (const fn of this.streamListeners) await fn(kind, id, outcome.appended.map((e) => e.event));
      for (const fn of this.listeners) fn();
    }
    return outcome.ack;
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
      .catch((err: unknown) => this.logger.error({ err, meetingId }, 'follow-up registration failed'));
  };

  private async registerAdopted(meetingId: string, state: MeetingState, voteIds?: ReadonlySet<string>) {
    for (const command of adoptedResolutionsIn(meetingId, state, voteIds)) {
      const outcome = await this.execute('followup', 'dmk', command, { role: 'system', participantId: null });
      if ('error' in outcome) this.logger.warn({ meetingId, error: outcome.error }, 'follow-up registration refused');
    }
  }

  /** On start: register what was adopted while no listener ran (e.g. a crash between the two appends). */
  async registerAdoptedFromMeetings() {
    for (const meetingId of await this.meetings.knownIds()) {
      const rt = await this.meetings.get(meetingId);
      if (rt) await this.registerAdopted(meetingId, rt.current);
    }
  }

  /** R-AGD-6 and R-PRT-2 deadlines of a meeting, judged at the server's clock. */
  async deadlines(meetingId: string): Promise<SessionDeadlines | null> {
    const session = (await this.meetings.get(meetingId))?.current.session;
    if (!session) return null;
    const agenda = (await this.state('agenda', meetingId)).state;
    const protocol = (await this.state('protocol', meetingId)).state;
    return sessionDeadlines(session, agenda, protocol, this.profile, this.clock().toISOString());
  }

  /**
   * What the conference decider must trust from the server: the extraordinary-session requests
   * that reached 11 (R-SES-1) and, for a carry-over, the items of the source session not dealt with.
   */
  private async conferenceContext(raw: unknown) {
    const reachedRequests = (await this.list('extraordinary')).filter((r) => r.state.status === 'reached').map((r) => r.id);
    const from = isType(raw, 'carryOverItem') && typeof raw.fromSessionId === 'string' ? raw.fromSessionId : null;
    const meeting = from ? await this.meetingState(from) : null;
    return { reachedRequests, itemsNotDealtWith: from && meeting ? { [from]: itemsNotDealtWith(meeting.state) } : {} };
  }

  /** R-FUP-1: an adopted circular resolution enters the follow-up record of its proposing Land. */
  private async afterCircular(id: string, types: string[]) {
    if (!types.includes('CircularClosed')) return;
    const s = (await this.state('circular', id)).state;
    if (s.status !== 'adopted' || !s.proposingLand) return;
    await this.execute('followup', 'dmk', {
      type: 'registerAdoptedResolution', resolutionId: id, title: s.title, proposingLands: [s.proposingLand],
      adoptedAt: s.closedAt ?? this.clock().toISOString(), source: 'Umlaufverfahren',
    }, { role: 'system', participantId: null });
  }
}

const isType = (raw: unknown, type: string): raw is Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === type;

