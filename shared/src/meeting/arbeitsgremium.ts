import { violation, isViolation, type RuleViolation } from '../violations.ts';
import type { CommandOf } from './schema.ts';
import type { Session } from './state.ts';
import { ev, needOpen, type MeetingContext, type Result } from './guards.ts';

/**
 * A meeting of the DMK-Arbeitsgremium (R-AGR-1/2): a session of kind 'arbeitsgremium', led by the
 * chair Land, attended by every Land's working-level representative. It deliberates drafts (their
 * brackets are called on the drafts' own streams), does not vote under GO 5, and ends with a
 * version of each draft and the proposal for the next DMK session's agenda.
 */

export const isArbeitsgremium = (session: Pick<Session, 'kind'> | null): boolean => session?.kind === 'arbeitsgremium';

/** R-AGR-1: the Arbeitsgremium does not vote under GO 5. */
export function noVoteInArbeitsgremium(session: Session): RuleViolation | null {
  return isArbeitsgremium(session) ? violation('session.noVote', 'R-AGR-1', { kind: session.kind }) : null;
}

/**
 * R-AGR-1: an Arbeitsgremium meeting has working-level representatives, a DMK session members
 * and deputies; neither takes the other's.
 */
export function representativeKindFits(session: Session, kind: 'member' | 'permanentDeputy' | 'workingLevel'): RuleViolation | null {
  if (isArbeitsgremium(session) === (kind === 'workingLevel')) return null;
  return violation('participant.kindNotInSession', 'R-AGR-1', { kind, sessionKind: session.kind });
}

/** R-AGR-2: the end of the meeting is its agenda proposal; without one it does not close. */
export function proposalBeforeClose(c: MeetingContext, session: Session): RuleViolation | null {
  if (!isArbeitsgremium(session) || c.state.agendaProposals.length > 0) return null;
  return violation('session.noAgendaProposal', 'R-AGR-2');
}

/** R-AGR-2: the versions cut in this meeting, proposed for the next DMK session (recorded by the server). */
export function recordAgendaProposal(c: MeetingContext, cmd: CommandOf<'recordAgendaProposal'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  if (!isArbeitsgremium(session)) return violation('session.notArbeitsgremium', 'R-AGR-2', { kind: session.kind });
  const ids = cmd.drafts.map((d) => d.draftId);
  if (new Set(ids).size !== ids.length) return violation('command.invalid', undefined, { path: 'drafts', message: 'each draft once' });
  return [ev(c, 'AgendaProposed', { targetSessionId: cmd.targetSessionId, drafts: cmd.drafts })];
}
