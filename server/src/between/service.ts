import { randomBytes } from 'node:crypto';
import {
  chairPeriodOf, type Actor, type CircularRosterEntry, type CircularState, type ErrorPayload, type MeetingState,
  type RulesProfile,
} from '@plenum/shared';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { EventStore } from '../store/event-store.ts';
import type { Logger } from '../log.ts';
import { BetweenStore } from './store.ts';
import { STREAM_KINDS, type StreamKindName } from './kinds.ts';

export type BetweenOutcome = { data: { stream: string; seq: number; events: unknown[]; state: unknown } } | { error: ErrorPayload };

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('base64url')}`;

/**
 * Applies between-sessions commands: one at a time per stream (a promise queue), fold → decide
 * (pure, with the clock and the roster passed in) → append → answer. Listeners (the scheduler)
 * hear about every append.
 */
export class BetweenService {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly store: BetweenStore,
    private readonly meetings: { store: EventStore; registry: MeetingRegistry },
    readonly profile: RulesProfile,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  onAppended(fn: () => void) { this.listeners.push(fn); }

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

  execute(kind: StreamKindName, id: string, command: unknown, actor: Actor): Promise<BetweenOutcome> {
    const stream = `${kind}:${id}`;
    const run = (this.tails.get(stream) ?? Promise.resolve()).then(() => this.apply(kind, id, command, actor));
    this.tails.set(stream, run.catch(() => undefined));
    return run;
  }

  private async apply(kind: StreamKindName, id: string, raw: unknown, actor: Actor): Promise<BetweenOutcome> {
    const now = this.clock();
    let command = raw;
    // The server, not the client, supplies what the decider must trust: the roster and the session day.
    if (kind === 'circular' && isType(raw, 'startCircular')) command = { ...raw, procedureId: id, roster: await this.roster(now) };
    if (kind === 'protocol' && isType(raw, 'sendProtocolDraft')) {
      const meeting = await this.meetingState(id);
      const session = meeting?.state.session;
      if (!session || session.status !== 'closed') return { error: { code: 'protocol.sessionNotClosed', rule: 'R-PRT-2' } };
      command = { type: 'sendProtocolDraft', meetingId: id, sessionDay: berlinDay(session.closedAt ?? session.date) };
    }
    const { seq, state } = this.state(kind, id);
    const result = STREAM_KINDS[kind].decide(state, command, {
      now: now.toISOString(), actor, newId: (p) => (p === 'circ' ? id : newId(p)), profile: this.profile, roster: await this.roster(now),
    });
    if (!result.ok) return { error: { code: result.code, ...(result.rule ? { rule: result.rule } : {}), ...(result.details ? { details: result.details } : {}) } };
    if (result.events.length === 0) return { data: { stream: `${kind}:${id}`, seq, events: [], state } };
    const newSeq = this.store.append(`${kind}:${id}`, seq, result.events);
    this.log.info({ stream: `${kind}:${id}`, types: result.events.map((e) => e.type), actor: actor.role }, 'between-sessions events');
    await this.afterAppend(kind, id, result.events);
    for (const fn of this.listeners) fn();
    return { data: { stream: `${kind}:${id}`, seq: newSeq, events: result.events, state: this.state(kind, id).state } };
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

function berlinDay(isoOrDate: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return isoOrDate;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(isoOrDate));
}
