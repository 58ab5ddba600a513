import type { LandCode, RulesProfile } from '../profile.ts';
import { addWeeksBgb193, holidayLandsFor } from '../calendar/index.ts';
import { chairLandsFor, type ChairDeviation, type ChairProfile } from '../chair.ts';
import { deadlineState, type DeadlineState } from './agenda.ts';

/**
 * R-PRT-2 (GO 3.2.3): the draft results protocol goes to the members within 2 weeks after the
 * session; objections are raised within 2 weeks of sending; without objections it counts as
 * approved when that period ends. Weekly periods end at the end of the same weekday (§ 188 (2) BGB);
 * a last day on a Saturday, Sunday or public holiday moves to the next working day (§ 193 BGB),
 * holidays read as for R-CIR-1 (nationwide and in the chair Land, `holidayLands`).
 * The session day is the session's date (its scheduled day), not the day it was closed: a session
 * closed late, or an old session closed on upgrade, keeps the periods of its own date.
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

export function draftDueFor(sessionDay: string, profile: Pick<RulesProfile, 'protocolWeeks'>, holidayLands: readonly LandCode[] = []): string {
  return addWeeksBgb193(`${sessionDay}T12:00:00Z`, profile.protocolWeeks.draftDue, holidayLands);
}

export function objectionsEndFor(sentAt: string, profile: Pick<RulesProfile, 'protocolWeeks'>, holidayLands: readonly LandCode[] = []): string {
  return addWeeksBgb193(sentAt, profile.protocolWeeks.objections, holidayLands);
}

/**
 * § 193 BGB holidays for the protocol periods of a session: nationwide, and the chair Land's by the
 * R-CIR-1 reading. The chair is the one in force on the session day (R-CHR-3): the session's
 * recorded chair when given (it includes a deviation), else derived with the recorded deviations.
 */
export function protocolHolidayLands(
  sessionDay: string, profile: ChairProfile & Pick<RulesProfile, 'interpretations'>,
  sessionChairLands?: readonly LandCode[] | null, deviations: readonly ChairDeviation[] = [],
): LandCode[] {
  const chair = sessionChairLands && sessionChairLands.length > 0 ? [...sessionChairLands] : chairLandsFor(sessionDay, profile, deviations);
  return holidayLandsFor(profile, chair ?? []);
}

export function protocolDeadlines(
  session: { date: string; closedAt?: string | null }, sentAt: string | null, profile: Pick<RulesProfile, 'protocolWeeks'>, now: string,
  holidayLands: readonly LandCode[] = [],
): ProtocolDeadlines {
  // R-PRT-2: "nach der Sitzung": the period runs from the session's date.
  const sessionDay = session.date;
  const draftDue = draftDueFor(sessionDay, profile, holidayLands);
  const draft = deadlineState(draftDue, sentAt, now);
  const objectionsEnd = sentAt ? objectionsEndFor(sentAt, profile, holidayLands) : null;
  return {
    rule: 'R-PRT-2', draftDue, sentAt, draft,
    warnDraftLate: draft === 'missed' || draft === 'overdue' || (draft === 'pending' && Date.parse(draftDue) - Date.parse(now) <= WARN_BEFORE_MS),
    objectionsEnd,
    objectionsOpen: objectionsEnd !== null && Date.parse(now) <= Date.parse(objectionsEnd),
  };
}
