import type { DecideContext } from '../context.ts';
import { own } from '../record.ts';
import type { RulesProfile } from '../profile.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import type { CommandOf, CommandType, EventOf, EventType, MeetingEvent } from './schema.ts';
import type { AgendaItem, MeetingState, Participant, Session, Transfer, VoteRound } from './state.ts';
import { motionItemId, scopeCovers } from './derive.ts';

/**
 * What every meeting handler shares: its context, its result, how it makes an event, and the
 * guards several handlers need (session phase, known Land, item, participant, open round).
 */

/** The decider's context with what a handler judges: the state, the profile in force and the raw command. */
export interface MeetingContext extends DecideContext {
  state: MeetingState;
  profile: RulesProfile;
  /** The raw command, for fields that zod's defaults would fill in (partial edits). */
  raw: unknown;
}

export type Result = MeetingEvent[] | RuleViolation;
export type Handler<K extends CommandType> = (c: MeetingContext, cmd: CommandOf<K>) => Result;
export type EventBody<T extends EventType> = Omit<EventOf<T>, 'type' | 'at' | 'by'>;

export function ev<T extends EventType>(c: MeetingContext, type: T, body: EventBody<T>): EventOf<T> {
  // The spread of a generic body does not narrow to one member of the event union; the fields are exactly EventOf<T>'s.
  return { type, at: c.now, by: { role: c.actor.role, participantId: c.actor.participantId }, ...body } as unknown as EventOf<T>;
}

export function needSession(s: MeetingState): Session | RuleViolation {
  return s.session ?? violation('session.notScheduled');
}

export function needNotClosed(s: MeetingState): Session | RuleViolation {
  if (!s.session) return violation('session.notScheduled');
  if (s.session.cancelled) return violation('session.cancelled', 'R-SES-1', { reason: s.session.cancelled.reason });
  return s.session.status === 'closed' ? violation('session.closed') : s.session;
}

/** R-SES-1: a session that has not opened yet and is not cancelled (it can still be moved or cancelled). */
export function needPlanned(s: MeetingState): Session | RuleViolation {
  const session = needNotClosed(s);
  if (isViolation(session)) return session;
  return session.status === 'open' ? violation('session.alreadyOpen') : session;
}

export function needOpen(s: MeetingState): Session | RuleViolation {
  if (!s.session) return violation('session.notScheduled');
  if (s.session.status === 'closed') return violation('session.closed');
  return s.session.status === 'open' ? s.session : violation('session.notOpen');
}

export function knownLand(profile: RulesProfile, land: string): boolean {
  return profile.lands.some((l) => l.code === land);
}

export function findItem(s: MeetingState, itemId: string): AgendaItem | RuleViolation {
  return s.agenda.find((i) => i.id === itemId) ?? violation('item.unknown', undefined, { itemId });
}

/** The round that is open now, if any. */
export function openRound(s: MeetingState): VoteRound | null {
  const v = s.openVoteId ? own(s.votes, s.openVoteId) : undefined;
  return v && v.status === 'open' ? v : null;
}

export function openVoteOnItem(s: MeetingState, itemId: string): boolean {
  const v = openRound(s);
  return !!v && motionItemId(v.motion) === itemId;
}

/**
 * R-MEM-4: a transfer whose scope covers the open round can be neither made nor revoked until the
 * round closes: the electorate is frozen at the opening (R-VOT-5).
 */
export function refuseIfOpenRoundCovered(s: MeetingState, t: Pick<Transfer, 'scope'> & { id?: string }): RuleViolation | null {
  const open = openRound(s);
  if (!open || !scopeCovers(t, motionItemId(open.motion))) return null;
  return violation('proxy.voteOpen', 'R-MEM-4', { ...(t.id ? { transferId: t.id } : {}), voteId: open.id });
}

export function needOpenVote(s: MeetingState, voteId: string): VoteRound | RuleViolation {
  const vote = own(s.votes, voteId);
  if (!vote) return violation('vote.unknown', undefined, { voteId });
  if (vote.status !== 'open') return violation('vote.closed', 'R-VOT-5', { voteId, status: vote.status });
  return vote;
}

/** The acting participant, if the actor is one. */
export function ownParticipant(c: MeetingContext): Participant | undefined {
  return c.actor.participantId ? own(c.state.participants, c.actor.participantId) : undefined;
}

/** The participant a command is about: the named one, else the actor's own. */
export function targetParticipant(c: MeetingContext, named: string | undefined): Participant | RuleViolation {
  const id = named ?? c.actor.participantId;
  if (!id) return violation('participant.unknown');
  return own(c.state.participants, id) ?? violation('participant.unknown', undefined, { participantId: id });
}
