import type { FollowUpState } from '../followUp/followUp.ts';
import { implementationStatus, type ImplementationStatusValue } from '../followUp/status.ts';
import type { MeetingSummary } from './home.ts';

/** One resolution of the conference's archive: a decided item of a session, with its follow-up (R-FUP-1). */
export interface ArchiveEntry {
  sessionId: string;
  sessionTitle: string;
  date: string;
  itemId: string;
  number: string;
  title: string;
  outcome: 'adopted' | 'rejected';
  /** The implementation status of an adopted resolution the follow-up record tracks; null when it tracks none. */
  followUp: ImplementationStatusValue | null;
}

/**
 * Every resolution across the sessions, newest session first: the items each session's own log
 * decided (adopted or rejected), with the follow-up status the record keeps under the id the
 * server registers adopted resolutions with (`<sessionId>.<itemId>`, server/src/between/adopted.ts).
 */
export function conferenceArchive(
  sessions: readonly { id: string; title: string; date: string; meeting: MeetingSummary | null }[], followUp: FollowUpState | null,
): ArchiveEntry[] {
  return [...sessions].sort((a, b) => b.date.localeCompare(a.date)).flatMap((s) => (s.meeting?.items ?? []).flatMap((item) => {
    if (item.outcome !== 'adopted' && item.outcome !== 'rejected') return [];
    const resolutionId = `${s.id}.${item.id}`.slice(0, 64);
    const tracked = followUp?.resolutions[resolutionId] ? implementationStatus(followUp, resolutionId) : null;
    return [{ sessionId: s.id, sessionTitle: s.title, date: s.date, itemId: item.id, number: item.number, title: item.title, outcome: item.outcome, followUp: tracked }];
  }));
}

/** The archive's search: every word of the query in the number, title or session (case-insensitive). */
export function searchArchive(entries: readonly ArchiveEntry[], query: string): ArchiveEntry[] {
  const words = query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = `${e.number} ${e.title} ${e.sessionTitle} ${e.date}`.toLocaleLowerCase('de');
    return words.every((w) => text.includes(w));
  });
}
