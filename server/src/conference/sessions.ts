import {
  addCalendarDays, berlinDate, enterableSessions, type PersonSession, berlinTimeOfDay, chairLandsFor, weekdayOf, type ConferenceHome, type ConferenceState, type EventEnvelope, type ExtraordinaryState,
  type MeetingState, type AgendaRecordState, type Command, type ConferenceEvent, type FollowUpState, type ProtocolWorkflowState,
} from '@plenum/shared';
import type { MeetingDirectory } from '../store/event-log.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { Logger } from '../log.ts';
import type { BetweenService } from '../between/service.ts';
import { carriedItemCommand, sessionSetupCommands } from './setup.ts';
import { conferenceHome, type SessionRecords } from './home.ts';
import { capitalOf } from './capitals.ts';
import type { Invitation } from '../store/invitation-store.ts';

const SYSTEM = { role: 'system' as const, participantId: null };
/** The one conference's id: its stream is `conference:dmk`, and its personal invitations carry it as their meeting id. */
export const CONFERENCE_ID = 'dmk';
const CONFERENCE = CONFERENCE_ID;
/** Roles whose conference invitation opens every session, with or without a participant id: the office and the room screen. */
const EVERY_SESSION = new Set<Invitation['role']>(['office', 'screen']);

/**
 * The conference's sessions on the server: each session the conference records is a meeting with
 * its own log, runtime, socket room and invitations scope.
 * - A session the office creates is set up in its own log (schedule, roster, standing items).
 * - An item carried over is added to the later session's agenda.
 * - A session that opens or closes is reported back to the conference (actor 'system').
 * - On start, meetings written before the conference existed are recorded as its sessions (upgrade).
 */
export class ConferenceSessions {
  constructor(
    private readonly service: BetweenService,
    private readonly store: MeetingDirectory,
    private readonly registry: MeetingRegistry,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    service.onStreamAppended(async (kind, _id, events) => {
      if (kind !== 'conference') return;
      for (const e of events as ConferenceEvent[]) {
        if (e.type === 'SessionCreated') await this.setUp(e.sessionId);
        if (e.type === 'ItemCarriedOver') await this.carry(e.fromSessionId, e.itemId, e.toSessionId);
        if (e.type === 'SessionRescheduled' || e.type === 'SessionCancelled') await this.follow(e);
      }
    });
  }

  async state(): Promise<ConferenceState> { return (await this.service.state('conference', CONFERENCE)).state; }

  /** After every append of a meeting: its opening and closing are facts of the conference. */
  readonly onMeetingAppended = (meetingId: string, envelopes: EventEnvelope[]) => {
    for (const { event } of envelopes) {
      if (event.type !== 'SessionOpened' && event.type !== 'SessionClosed') continue;
      const type = event.type === 'SessionOpened' ? 'recordSessionOpened' : 'recordSessionClosed';
      void this.service.execute('conference', CONFERENCE, { type, sessionId: meetingId }, SYSTEM)
        .catch((err: unknown) => this.log.error({ err, meetingId }, 'conference: session status not recorded'));
    }
  };

  /** On start: every meeting in the store is a session of the conference (a data folder from before it existed opens with its meetings). */
  async recordExistingMeetings() {
    const known = (await this.state()).sessions;
    for (const meetingId of await this.store.meetings()) {
      if (known[meetingId]) continue;
      const session = (await this.registry.get(meetingId))?.current.session;
      if (!session) continue;
      const outcome = await this.service.execute('conference', CONFERENCE, {
        type: 'recordExistingSession', sessionId: meetingId, kind: session.kind, title: session.title, date: session.date,
        startTime: session.openedAt ? berlinTimeOfDay(session.openedAt) : '10:00', place: session.place, format: session.format,
        chairLands: session.chairLands, chairDecision: session.chairDeviation?.decision ?? null, status: session.status,
      }, SYSTEM);
      if ('error' in outcome) this.log.warn({ meetingId, error: outcome.error }, 'conference: existing meeting not recorded');
    }
  }

  /**
   * Demo, first start: the next regular session, on the Friday ten weeks from today (so every
   * R-AGD-6 deadline is still ahead), in the capital of the chair Land the date gives.
   */
  async seedNextRegularSession() {
    const today = berlinDate(this.clock());
    const conference = await this.state();
    if (Object.values(conference.sessions).some((s) => s.status === 'planned' && s.date >= today)) return;
    let date = addCalendarDays(today, 70);
    while (weekdayOf(date) !== 5) date = addCalendarDays(date, 1);
    const chair = chairLandsFor(date, this.service.profile, conference.deviations) ?? [];
    const number = Object.keys(conference.sessions).length + 1;
    const outcome = await this.service.execute('conference', CONFERENCE, {
      type: 'createSession', sessionId: `dmk-${date.slice(0, 4)}-${number}`, kind: 'regular', title: `${number}. Digitalministerkonferenz (DMK)`,
      date, startTime: '10:00', place: capitalOf(chair[0]), format: 'hybrid',
    }, SYSTEM);
    if ('error' in outcome) this.log.warn({ error: outcome.error }, 'conference: demo session not created');
  }

  /** A new session's own log: schedule, the roster of the latest earlier session, the standing items. */
  private async setUp(sessionId: string) {
    const session = (await this.state()).sessions[sessionId];
    if (!session) return;
    const existing = await this.registry.get(sessionId);
    if (existing?.current.session) return;
    // A DMK session takes the roster of the latest DMK session, a meeting of the Arbeitsgremium that of the latest such meeting.
    const previous = await this.latestMeetingBefore(session.date, sessionId, session.kind === 'arbeitsgremium');
    const runtime = existing ?? await this.registry.create(sessionId);
    const commands = sessionSetupCommands(session, previous, []);
    for (const [i, command] of commands.entries()) {
      const { ack } = await runtime.execute({ key: `conference-setup-${sessionId}-${i}`.slice(0, 128), command, actor: SYSTEM, context: {} });
      if ('error' in ack) this.log.warn({ sessionId, command: command.type, error: ack.error }, 'conference: setup command refused');
    }
  }

  /**
   * R-SES-1: a session moved or cancelled before it opened: its own log records it, with the
   * reason, so that its views, deadlines (R-AGD-6), chair and protocol follow the conference.
   * The key is the conference event's time: a repeat of the same change appends nothing.
   */
  private async follow(e: Extract<ConferenceEvent, { type: 'SessionRescheduled' | 'SessionCancelled' }>) {
    const runtime = await this.registry.get(e.sessionId);
    if (!runtime?.current.session) return;
    const command: Command = e.type === 'SessionCancelled'
      ? { type: 'recordCancellation', reason: e.reason }
      : { type: 'recordReschedule', date: e.date, place: e.place, format: e.format, chairLands: e.chairLands, chairDecision: e.chairDecision, reason: e.reason };
    const { ack } = await runtime.execute({ key: `conference-${command.type}-${e.sessionId}-${e.at}`.slice(0, 128), command, actor: SYSTEM, context: {} });
    if ('error' in ack) this.log.warn({ sessionId: e.sessionId, command: command.type, error: ack.error }, 'conference: change not recorded in the session');
  }

  private async carry(fromSessionId: string, itemId: string, toSessionId: string) {
    const from = (await this.registry.get(fromSessionId))?.current;
    const to = await this.registry.get(toSessionId);
    const item = from?.agenda.find((i) => i.id === itemId);
    if (!item || !to) return;
    const command = carriedItemCommand(itemId, item, `TOP ${to.current.agenda.length + 1}`);
    const { ack } = await to.execute({ key: `conference-carry-${fromSessionId}-${itemId}`.slice(0, 128), command, actor: SYSTEM, context: {} });
    if ('error' in ack) this.log.warn({ fromSessionId, itemId, toSessionId, error: ack.error }, 'conference: carried item refused');
  }

  private async latestMeetingBefore(date: string, except: string, arbeitsgremium: boolean): Promise<MeetingState | null> {
    let best: MeetingState | null = null;
    for (const id of await this.store.meetings()) {
      if (id === except) continue;
      const state = (await this.registry.get(id))?.current;
      const d = state?.session?.date;
      if (!state || !d || (state.session!.kind === 'arbeitsgremium') !== arbeitsgremium) continue;
      const bestDate = best?.session?.date ?? '';
      // The latest session before the new date; failing that, the earliest after it.
      if (!best || (d <= date && (bestDate > date || d > bestDate)) || (d > date && bestDate > date && d < bestDate)) best = state;
    }
    return best;
  }

  /**
   * The sessions a conference invitation opens, by date: every session for the office and the
   * room screen; for a person, the sessions whose own roster holds their participant id (the
   * roster carries the same ids from session to session, R-MEM-1). Cancelled sessions open nothing.
   */
  async sessionsFor(invitation: Invitation): Promise<PersonSession[]> {
    const all = enterableSessions(await this.state());
    if (EVERY_SESSION.has(invitation.role)) return all;
    const pid = invitation.participantId;
    if (!pid) return [];
    const held: PersonSession[] = [];
    for (const s of all) if ((await this.registry.get(s.id))?.current.participants[pid]) held.push(s);
    return held;
  }

  /** The sessions an invitation opens: a meeting invitation its one meeting, a conference invitation those of sessionsFor. */
  async sessionsOf(invitation: Invitation): Promise<PersonSession[]> {
    if (invitation.scope === 'conference') return this.sessionsFor(invitation);
    const known = (await this.state()).sessions[invitation.meetingId];
    if (known) return [{ id: known.id, title: known.title, date: known.date, startTime: known.startTime, place: known.place, status: known.status }];
    const session = (await this.registry.get(invitation.meetingId))?.current.session;
    return [{
      id: invitation.meetingId, title: session?.title ?? invitation.meetingId, date: session?.date ?? '', startTime: '', place: session?.place ?? '',
      status: session?.status === 'open' ? 'open' : session?.status === 'closed' ? 'closed' : 'planned',
    }];
  }

  /** GET /api/conference. */
  async home(): Promise<ConferenceHome> {
    const conference = await this.state();
    const records = new Map<string, SessionRecords>();
    for (const id of Object.keys(conference.sessions)) {
      records.set(id, {
        meeting: (await this.registry.get(id))?.current ?? null,
        agenda: (await this.service.state('agenda', id)).state,
        protocol: (await this.service.state('protocol', id)).state,
      });
    }
    const requests = (await this.service.list('extraordinary')).map((r) => ({ id: r.id, state: r.state }));
    const followUp = (await this.service.state('followup', CONFERENCE)).state as FollowUpState;
    return conferenceHome(conference, records, requests, this.service.profile, this.clock().toISOString(), followUp);
  }
}

