import type { RulesProfile } from '../profile.ts';

/** Regular or extraordinary (R-SES-1): the draft-agenda deadline applies to regular sessions only. */
export type AgendaSessionKind = 'regular' | 'extraordinary' | 'arbeitsgremium';
import { addCalendarDays, endOfBerlinDay } from '../calendar/berlinTime.ts';

/**
 * R-AGD-6 (GO 3.2.1–3.2.2): for a session on day D the chair Land presents the draft agenda by
 * D − 6 weeks (regular sessions only: "vor einer regulären Sitzung"), proposals reach it by
 * D − 4 weeks and the final agenda and papers are with all members by D − 3 weeks (every session,
 * extraordinary ones included, "grundsätzlich": for an extraordinary session the office may record
 * a shorter period with its reason). A deadline "by day X" runs to the end of X in Berlin.
 */
export type AgendaDeadlineKind = 'draftAgenda' | 'proposals' | 'finalPapers';

export type DeadlineState =
  /** done on or before the due time */
  | 'met'
  /** done, but after the due time */
  | 'missed'
  /** not done, still time */
  | 'pending'
  /** not done, due time passed */
  | 'overdue';

export interface AgendaDeadline {
  kind: AgendaDeadlineKind;
  rule: 'R-AGD-6';
  /** The rule's period in weeks (6, 4, 3). */
  weeksBefore: number;
  /** The period that applies, in days before D: 7 × weeksBefore, or the recorded shorter period. */
  daysBefore: number;
  /** The reason the office recorded for a shorter period (extraordinary sessions), else null. */
  shortenedReason: string | null;
  /** The calendar day (Berlin) by which it is due. */
  dueDate: string;
  /** The last instant that still meets it. */
  due: string;
  doneAt: string | null;
  state: DeadlineState;
}

/** R-AGD-6 "grundsätzlich": shorter periods the office recorded for an extraordinary session. */
export interface ShorterAgendaPeriod {
  proposalsDaysBefore: number;
  finalPapersDaysBefore: number;
  reason: string;
}

export interface AgendaDeadlineRecord {
  /** When the draft agenda was presented to the members. */
  draftAgenda?: string | null;
  /** For proposals, the deadline itself is "done" when it passes: proposals are judged one by one. */
  finalPapers?: string | null;
  shorterPeriod?: ShorterAgendaPeriod | null;
}

export function deadlineState(due: string, doneAt: string | null | undefined, now: string): DeadlineState {
  if (doneAt) return Date.parse(doneAt) <= Date.parse(due) ? 'met' : 'missed';
  return Date.parse(now) <= Date.parse(due) ? 'pending' : 'overdue';
}

type Weeks = Pick<RulesProfile, 'agendaDeadlinesWeeks'>;

/** R-AGD-6: days before D of the proposal and final-papers deadlines for a session of this kind. */
function periodDays(kind: AgendaSessionKind, profile: Weeks, shorter: ShorterAgendaPeriod | null | undefined) {
  const weeks = profile.agendaDeadlinesWeeks;
  const useShorter = kind === 'extraordinary' && shorter ? shorter : null;
  return {
    proposals: useShorter ? Math.min(useShorter.proposalsDaysBefore, 7 * weeks.proposals) : 7 * weeks.proposals,
    finalPapers: useShorter ? Math.min(useShorter.finalPapersDaysBefore, 7 * weeks.finalPapers) : 7 * weeks.finalPapers,
    reason: useShorter?.reason ?? null,
  };
}

/**
 * R-AGD-6: the deadlines of a session on `sessionDate` (YYYY-MM-DD): three for a regular session,
 * proposals and final papers for an extraordinary one.
 */
export function agendaDeadlines(
  sessionDate: string, profile: Weeks, record: AgendaDeadlineRecord, now: string, kind: AgendaSessionKind = 'regular',
): AgendaDeadline[] {
  // R-AGR-1: a meeting of the Arbeitsgremium is the chair Land's working meeting, not a DMK session under R-AGD-6.
  if (kind === 'arbeitsgremium') return [];
  const weeks = profile.agendaDeadlinesWeeks;
  const days = periodDays(kind, profile, record.shorterPeriod);
  const make = (deadline: AgendaDeadlineKind, weeksBefore: number, daysBefore: number, shortenedReason: string | null, doneAt: string | null) => {
    const dueDate = addCalendarDays(sessionDate, -daysBefore);
    const due = endOfBerlinDay(dueDate);
    const result: AgendaDeadline = {
      kind: deadline, rule: 'R-AGD-6', weeksBefore, daysBefore, shortenedReason, dueDate, due, doneAt, state: deadlineState(due, doneAt, now),
    };
    return result;
  };
  const proposalsDue = endOfBerlinDay(addCalendarDays(sessionDate, -days.proposals));
  const shortened = (d: number, regularDays: number) => (d < regularDays ? days.reason : null);
  return [
    ...(kind === 'regular' ? [make('draftAgenda', weeks.draftAgenda, 7 * weeks.draftAgenda, null, record.draftAgenda ?? null)] : []),
    // The proposals window closes by itself; "met" once it has passed.
    make('proposals', weeks.proposals, days.proposals, shortened(days.proposals, 7 * weeks.proposals),
      Date.parse(now) > Date.parse(proposalsDue) ? proposalsDue : null),
    make('finalPapers', weeks.finalPapers, days.finalPapers, shortened(days.finalPapers, 7 * weeks.finalPapers), record.finalPapers ?? null),
  ];
}

/**
 * R-AGD-6 → R-AGD-2: a proposal that reaches the chair Land after the proposal deadline (D − 4
 * weeks, or the shorter period recorded for an extraordinary session) is a short-notice addition.
 */
export function isShortNoticeProposal(
  sessionDate: string, submittedAt: string, profile: Weeks, kind: AgendaSessionKind = 'regular', shorter: ShorterAgendaPeriod | null = null,
): boolean {
  const due = endOfBerlinDay(addCalendarDays(sessionDate, -periodDays(kind, profile, shorter).proposals));
  return Date.parse(submittedAt) > Date.parse(due);
}
