import type { LandCode } from '../profile.ts';
import { violation, isViolation } from '../violations.ts';
import { chairLandsFor, chairPeriodOf } from '../chair.ts';
import type { CommandOf, MeetingEvent } from './schema.ts';
import { quorumStatus } from './derive.ts';
import { proposalBeforeClose } from './arbeitsgremium.ts';
import { ev, knownLand, needOpen, needPlanned, type MeetingContext, type Result } from './guards.ts';

/** The session's life: scheduled (R-CHR-1), opened, closed. */

/** R-CHR-1: the chair Land(s) come from the date; a deviation is recorded with its decision. */
export function scheduleSession(c: MeetingContext, cmd: CommandOf<'scheduleSession'>): Result {
  if (c.state.session) return violation('session.alreadyScheduled');
  let chairLands: LandCode[];
  if (cmd.chairDeviation) {
    const unknown = cmd.chairDeviation.lands.find((l) => !knownLand(c.profile, l));
    if (unknown) return violation('land.unknown', 'R-CHR-1', { land: unknown });
    chairLands = [...cmd.chairDeviation.lands];
  } else {
    const derived = chairLandsFor(cmd.date, c.profile);
    if (!derived) return violation('roster.chairPeriod', 'R-CHR-1', { year: chairPeriodOf(cmd.date) });
    chairLands = [...derived];
  }
  return [ev(c, 'SessionScheduled', {
    meetingId: c.state.meetingId ?? c.newId('meeting'), title: cmd.title, date: cmd.date, place: cmd.place, kind: cmd.kind,
    format: cmd.format, chairLands, chairPeriod: chairPeriodOf(cmd.date),
    chairDeviation: cmd.chairDeviation ? { lands: [...cmd.chairDeviation.lands], decision: cmd.chairDeviation.decision } : null,
  })];
}

export function openSession(c: MeetingContext): Result {
  const session = needPlanned(c.state);
  if (isViolation(session)) return session;
  // The quorum log starts at the opening (R-PRT-1: quorum over time).
  const q = quorumStatus(c.state, c.profile);
  return [ev(c, 'SessionOpened', {}), ev(c, 'QuorumChanged', { ...q })];
}

export function closeSession(c: MeetingContext): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  if (c.state.openVoteId) return violation('vote.alreadyOpen', 'R-VOT-5', { voteId: c.state.openVoteId });
  const noProposal = proposalBeforeClose(c, session);
  if (noProposal) return noProposal;
  const events: MeetingEvent[] = [];
  if (c.state.recording.active) events.push(ev(c, 'RecordingStopped', { reason: 'sessionClosed' }));
  events.push(ev(c, 'SessionClosed', {}));
  return events;
}

/**
 * R-SES-1: the conference moved the session before it opened. The chair Land(s) for the new date
 * come from the conference (derived with its recorded deviations, R-CHR-3); a deviation here is
 * the conference's chair decision.
 */
export function recordReschedule(c: MeetingContext, cmd: CommandOf<'recordReschedule'>): Result {
  const session = needPlanned(c.state);
  if (isViolation(session)) return session;
  const unknown = cmd.chairLands.find((l) => !knownLand(c.profile, l));
  if (unknown) return violation('land.unknown', 'R-CHR-1', { land: unknown });
  return [ev(c, 'SessionRescheduled', {
    date: cmd.date, place: cmd.place, format: cmd.format, chairLands: [...cmd.chairLands], chairPeriod: chairPeriodOf(cmd.date),
    chairDeviation: cmd.chairDecision ? { lands: [...cmd.chairLands], decision: cmd.chairDecision } : null, reason: cmd.reason,
    from: { date: session.date, place: session.place, format: session.format },
  })];
}

/** R-SES-1: the conference cancelled the session before it opened; nothing more happens in it. */
export function recordCancellation(c: MeetingContext, cmd: CommandOf<'recordCancellation'>): Result {
  const session = needPlanned(c.state);
  if (isViolation(session)) return session;
  return [ev(c, 'SessionCancelled', { reason: cmd.reason })];
}
