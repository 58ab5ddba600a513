import type { AgendaItemInput } from '../model.ts';
import type { RulesProfile } from '../profile.ts';
import { agendaDeadlines, type AgendaDeadline, type AgendaDeadlineRecord } from '../deadlines/agenda.ts';
import type { ConferenceSession, ConferenceState } from './state.ts';

/**
 * Derived readings of the conference for the office's home: each session's R-AGD-6 deadlines,
 * and the draft agenda a new session starts with (R-AGD-5).
 */

/**
 * R-AGD-5: the two standing items of every regular session's draft agenda: the exchange on current
 * digital policy in the Länder (the chair Land(s) introduce it) and the Bund's report (the Bund is
 * rapporteur of its own report; taken note of, without a vote).
 */
export function standingItems(chairLands: readonly string[]): AgendaItemInput[] {
  return [
    {
      number: 'TOP 1', title: 'Austausch zu aktuellen digitalpolitischen Themen der Länder', kind: 'report', rapporteurs: [...chairLands],
      paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'landsExchange', barredFromPublication: false,
    },
    {
      number: 'TOP 2', title: 'Bericht des Bundes zu aktuellen digitalpolitischen Themen', kind: 'report', rapporteurs: ['BUND'],
      paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'bundReport', barredFromPublication: false,
    },
  ];
}

/**
 * The draft agenda of a new session: both standing items for a regular session, none required for
 * an extraordinary one or a meeting of the Arbeitsgremium (R-AGR-1: it deliberates drafts).
 */
export function draftAgendaFor(session: Pick<ConferenceSession, 'kind' | 'chairLands'>): AgendaItemInput[] {
  return session.kind === 'regular' ? standingItems(session.chairLands) : [];
}

export interface SessionOverview extends ConferenceSession {
  deadlines: AgendaDeadline[];
  /** When: upcoming (planned, today or later), live (open), past (closed or the date passed), cancelled. */
  phase: 'upcoming' | 'live' | 'past' | 'cancelled';
}

/** The conference's sessions in date order, each with its deadlines judged at `now`. */
export function conferenceOverview(
  s: ConferenceState, profile: Pick<RulesProfile, 'agendaDeadlinesWeeks'>, now: string,
  records: Readonly<Record<string, AgendaDeadlineRecord>> = {}, today: string = now.slice(0, 10),
): SessionOverview[] {
  return Object.values(s.sessions)
    .map((x) => ({
      ...x,
      deadlines: agendaDeadlines(x.date, profile, records[x.id] ?? {}, now, x.kind),
      phase: x.status === 'cancelled' ? 'cancelled' as const
        : x.status === 'open' ? 'live' as const
          : x.status === 'closed' || x.date < today ? 'past' as const : 'upcoming' as const,
    }))
    .sort((a, b) => `${a.date}T${a.startTime}`.localeCompare(`${b.date}T${b.startTime}`));
}

/**
 * R-AGR-2/3: the DMK sessions a version can go to: regular or extraordinary, planned, today or
 * later, in date order; the first is "the next DMK". Meetings of the Arbeitsgremium are not among them.
 */
export function upcomingDmkSessions(s: ConferenceState, today: string): ConferenceSession[] {
  return Object.values(s.sessions)
    .filter((x) => x.kind !== 'arbeitsgremium' && x.status === 'planned' && x.date >= today)
    .sort((a, b) => `${a.date}T${a.startTime}`.localeCompare(`${b.date}T${b.startTime}`));
}
