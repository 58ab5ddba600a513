import type { RulesProfile } from '../profile.ts';
import { addCalendarDays, endOfBerlinDay } from '../calendar/index.ts';

/**
 * R-AGD-6 (GO 3.2.1–3.2.2): for a regular session on day D the chair Land presents the draft
 * agenda by D − 6 weeks, proposals reach it by D − 4 weeks, and the final agenda and papers are
 * with all members by D − 3 weeks. A deadline "by day X" runs to the end of X in Berlin.
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
  weeksBefore: number;
  /** The calendar day (Berlin) by which it is due. */
  dueDate: string;
  /** The last instant that still meets it. */
  due: string;
  doneAt: string | null;
  state: DeadlineState;
}

export interface AgendaDeadlineRecord {
  /** When the draft agenda was presented to the members. */
  draftAgenda?: string | null;
  /** For proposals, the deadline itself is "done" when it passes: proposals are judged one by one. */
  finalPapers?: string | null;
}

export function deadlineState(due: string, doneAt: string | null | undefined, now: string): DeadlineState {
  if (doneAt) return Date.parse(doneAt) <= Date.parse(due) ? 'met' : 'missed';
  return Date.parse(now) <= Date.parse(due) ? 'pending' : 'overdue';
}

/** R-AGD-6: the three deadlines of a regular session on `sessionDate` (YYYY-MM-DD). */
export function agendaDeadlines(
  sessionDate: string, profile: Pick<RulesProfile, 'agendaDeadlinesWeeks'>, record: AgendaDeadlineRecord, now: string,
): AgendaDeadline[] {
  const weeks = profile.agendaDeadlinesWeeks;
  const make = (kind: AgendaDeadlineKind, weeksBefore: number, doneAt: string | null): AgendaDeadline => {
    const dueDate = addCalendarDays(sessionDate, -7 * weeksBefore);
    const due = endOfBerlinDay(dueDate);
    return { kind, rule: 'R-AGD-6', weeksBefore, dueDate, due, doneAt, state: deadlineState(due, doneAt, now) };
  };
  const proposalsDue = endOfBerlinDay(addCalendarDays(sessionDate, -7 * weeks.proposals));
  return [
    make('draftAgenda', weeks.draftAgenda, record.draftAgenda ?? null),
    // The proposals window closes by itself; "met" once it has passed.
    make('proposals', weeks.proposals, Date.parse(now) > Date.parse(proposalsDue) ? proposalsDue : null),
    make('finalPapers', weeks.finalPapers, record.finalPapers ?? null),
  ];
}

/** R-AGD-6 → R-AGD-2: a proposal that reaches the chair Land after D − 4 weeks is a short-notice addition. */
export function isShortNoticeProposal(
  sessionDate: string, submittedAt: string, profile: Pick<RulesProfile, 'agendaDeadlinesWeeks'>,
): boolean {
  const due = endOfBerlinDay(addCalendarDays(sessionDate, -7 * profile.agendaDeadlinesWeeks.proposals));
  return Date.parse(submittedAt) > Date.parse(due);
}
