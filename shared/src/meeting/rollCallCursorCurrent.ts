import { own } from '../record.ts';
import type { MeetingState } from './state.ts';

/** A Land called in a roll call: for a vote's round (`voteId`), or the attendance call (null). */
interface Cursor { land: string; voteId: string | null }

/**
 * Whether a cursor set earlier still points at something that runs (clients and joins drop it
 * otherwise). Its own module without zod, so the client's views can use it (client/test/bundleImports).
 */
export function cursorStillCurrent(state: MeetingState, cursor: Cursor): boolean {
  if (state.session?.status !== 'open') return false;
  if (cursor.voteId === null) return state.openVoteId === null;
  return state.openVoteId === cursor.voteId && Boolean(own(state.votes, cursor.voteId)?.electorate[cursor.land]);
}
