import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { MeResponse } from '@plenum/shared';

/**
 * Who is signed in (/api/me) and which of their sessions is open. A conference invitation opens
 * several sessions: the server says where the link lands (`me.meetingId`: live, else next); the
 * person may switch, and the choice is kept for this tab (sessionStorage) until it is no longer
 * one of their sessions.
 */
export interface PersonState {
  me: MeResponse | null;
  chosen: string | null;
}

const KEY = 'plenum.session';
const storage = (): Storage | null => { try { return typeof sessionStorage === 'undefined' ? null : sessionStorage; } catch { return null; } };

export const personStore = createStore<PersonState>()(() => ({ me: null, chosen: null }));

export function setMe(me: MeResponse | null): void {
  const kept = storage()?.getItem(KEY) ?? null;
  personStore.setState({ me, chosen: me && kept && me.sessions.some((s) => s.id === kept) ? kept : null });
}

/**
 * The same person's sessions read again (the conference changed): the page keeps the session it
 * is connected to, chosen or landed on, as long as it is still one of theirs, so a new landing
 * session (one just opened) does not pull the page away.
 *
 * The room screen is the exception: nobody sits at it, so when a session of its link opens while
 * the one it shows is not live, it moves there (the room shows what is live). It never moves away
 * from a live session, nor from one that closed unless another opens: the room still reads its result.
 */
export function refreshMe(me: MeResponse): void {
  const before = personStore.getState();
  const shown = currentMeetingOf(before);
  const shownLive = me.sessions.some((s) => s.id === shown && s.status === 'open');
  const opened = me.role === 'screen' && !shownLive ? me.sessions.find((s) => s.status === 'open' && s.id !== shown) : undefined;
  const keep = opened ? opened.id : shown && me.sessions.some((s) => s.id === shown) ? shown : null;
  personStore.setState({ me, chosen: keep && keep !== me.meetingId ? keep : null });
}

export function chooseSession(id: string): void {
  storage()?.setItem(KEY, id);
  personStore.setState({ chosen: id });
}

/** The meeting to connect to: the chosen session when it is one of the person's, else where the link lands. */
export function currentMeetingOf(s: PersonState): string | null {
  if (!s.me) return null;
  return s.chosen && s.me.sessions.some((x) => x.id === s.chosen) ? s.chosen : s.me.meetingId;
}

export function usePerson<T>(selector: (s: PersonState) => T): T {
  return useStore(personStore, selector);
}
