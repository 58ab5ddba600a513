import type { ConferenceSession, ConferenceState } from './state.ts';

/** One session of a person's conference invitation, as the session switcher shows it (dates and times in Europe/Berlin). */
export interface PersonSession {
  id: string;
  title: string;
  date: string;
  startTime: string;
  place: string;
  status: ConferenceSession['status'];
}

/**
 * The conference's sessions that can be entered, by date and start time: a cancelled one too, so
 * that a person who opens it (from the switcher, or a tab that had it open) reads that it was
 * cancelled and why (R-SES-1); it refuses every command, and a link never lands on it.
 */
export function enterableSessions(conference: ConferenceState): PersonSession[] {
  return Object.values(conference.sessions)
    .map(({ id, title, date, startTime, place, status }) => ({ id, title, date, startTime, place, status }))
    .sort((a, b) => `${a.date}T${a.startTime}`.localeCompare(`${b.date}T${b.startTime}`) || a.id.localeCompare(b.id));
}

/**
 * Where a person's link lands: the live session; else the next one to be held (the earliest
 * planned session: one whose date has passed without it being opened is still the next to hold,
 * until the office cancels it); else the latest past one, never a cancelled one. `sessions` are in date order.
 */
export function landingSession(sessions: readonly PersonSession[]): PersonSession | null {
  return sessions.find((s) => s.status === 'open') ?? sessions.find((s) => s.status === 'planned')
    ?? sessions.filter((s) => s.status !== 'cancelled').at(-1) ?? null;
}
