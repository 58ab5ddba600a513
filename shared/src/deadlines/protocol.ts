import type { RulesProfile } from '../profile.ts';
import { addWeeks, berlinDate } from '../calendar/index.ts';
import { deadlineState, type DeadlineState } from './agenda.ts';

/**
 * R-PRT-2 (GO 3.2.3): the draft results protocol goes to the members within 2 weeks after the
 * session; objections are raised within 2 weeks of sending; without objections it counts as
 * approved when that period ends. Weekly periods end at the end of the same weekday (§ 188 (2) BGB).
 */
export interface ProtocolDeadlines {
  rule: 'R-PRT-2';
  /** End of the day two weeks after the session day. */
  draftDue: string;
  sentAt: string | null;
  draft: DeadlineState;
  /** Warn the office: not sent and the due time is near (3 days) or passed, or sent late. */
  warnDraftLate: boolean;
  /** End of the objection period (null until the draft is sent). */
  objectionsEnd: string | null;
  objectionsOpen: boolean;
}

const WARN_BEFORE_MS = 3 * 86_400_000;

export function draftDueFor(sessionDay: string, profile: Pick<RulesProfile, 'protocolWeeks'>): string {
  return addWeeks(`${sessionDay}T12:00:00Z`, profile.protocolWeeks.draftDue);
}

export function objectionsEndFor(sentAt: string, profile: Pick<RulesProfile, 'protocolWeeks'>): string {
  return addWeeks(sentAt, profile.protocolWeeks.objections);
}

export function protocolDeadlines(
  session: { date: string; closedAt?: string | null }, sentAt: string | null, profile: Pick<RulesProfile, 'protocolWeeks'>, now: string,
): ProtocolDeadlines {
  // The period runs from the day the session ended (normally its scheduled date).
  const sessionDay = session.closedAt ? berlinDate(session.closedAt) : session.date;
  const draftDue = draftDueFor(sessionDay, profile);
  const draft = deadlineState(draftDue, sentAt, now);
  const objectionsEnd = sentAt ? objectionsEndFor(sentAt, profile) : null;
  return {
    rule: 'R-PRT-2', draftDue, sentAt, draft,
    warnDraftLate: draft === 'missed' || draft === 'overdue' || (draft === 'pending' && Date.parse(draftDue) - Date.parse(now) <= WARN_BEFORE_MS),
    objectionsEnd,
    objectionsOpen: objectionsEnd !== null && Date.parse(now) <= Date.parse(objectionsEnd),
  };
}
