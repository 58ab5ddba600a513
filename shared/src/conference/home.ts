import type { ChairDeviation } from '../chair.ts';
import type { SessionOverview } from './plan.ts';
import type { ArchiveEntry } from './archive.ts';

/**
 * GET /api/conference: the conference home for the office and the chair. Each session with its
 * R-AGD-6 deadline status, and from its own log the agenda, attendance, results and the R-PRT-2/3
 * protocol status. Dates are calendar days and times are wall-clock times in Europe/Berlin.
 */
export interface MeetingSummary {
  status: 'planned' | 'open' | 'closed';
  items: { id: string; number: string; title: string; outcome: string | null }[];
  /** Länder present now (live) or at the close (past). */
  landsPresent: number;
  landsTotal: number;
  results: { adopted: number; rejected: number; noted: number; open: number };
  protocol: 'none' | 'sent' | 'approved' | 'published';
  /** R-AGR-2: a meeting of the Arbeitsgremium: the versions it proposed for the next DMK session. */
  agendaProposals: { targetSessionId: string; drafts: { draftId: string; title: string; version: number; openBrackets: number }[]; at: string }[];
}

export interface ConferenceHome {
  timeZone: 'Europe/Berlin';
  deviations: (ChairDeviation & { id: string; at: string })[];
  /** Extraordinary-session requests that reached 11 Länder and have no session yet (R-SES-1). */
  reachedRequests: { id: string; reason: string; reachedAt: string }[];
  sessions: (SessionOverview & { meeting: MeetingSummary | null })[];
  /** Every resolution across the sessions with its follow-up, newest session first. */
  archive: ArchiveEntry[];
}
