import { z } from 'zod';
import { Id } from '../model.ts';
import { LandCode, type RulesProfile } from '../profile.ts';
import type { ActorRole } from '../context.ts';
import { own } from '../record.ts';
import { violation, type RuleViolation } from '../violations.ts';
import { publicRounds } from '../public/projection.ts';
import type { MeetingState } from './state.ts';
import { cursorStillCurrent } from './rollCallCursorCurrent.ts';

export { cursorStillCurrent };

/**
 * R-VOT-7 / R-SES-2: which Land the chair is calling now in a roll call, so the room screen can
 * say "Aufgerufen: Hessen" and that Land's phone "Ihr Land wird aufgerufen". `voteId` names the
 * open round of a vote's roll call; null is the attendance call (no round open).
 *
 * Ephemeral, not an event: the cursor is where the chair's eye is, not a fact of the session. The
 * votes and the attendance it leads to are logged (recordVote, checkIn, with who recorded them);
 * logging every move of the cursor would put another event per Land (more with the arrow keys)
 * into the hash-chained record, the protocol and every verification, for nothing the protocol
 * asks for. The server keeps the latest one per meeting in memory and sends it to whoever joins.
 */
export const RollCallCursor = z.strictObject({ land: LandCode, voteId: Id.nullable() });
export type RollCallCursor = z.infer<typeof RollCallCursor>;

/** What the server relays: the cursor and when the chair set it (null: the call ended). */
export interface CalledCursor extends RollCallCursor { at: string }

/**
 * Whether the chair (only the chair: the call is hers, R-VOT-7) may point the room at `cursor`
 * now; null when it may. The guards in order: role, session open, the Land known, then the round:
 * a vote's cursor needs that round open and the Land in its electorate (R-VOT-5); an attendance
 * cursor needs no round open (the attendance call ends when a vote opens).
 */
export function cursorRefusal(state: MeetingState, profile: RulesProfile, role: ActorRole, cursor: RollCallCursor | null): RuleViolation | null {
  if (role !== 'chair') return violation('auth.forbidden', 'R-VOT-7', { role });
  if (state.session?.status !== 'open') return violation('session.notOpen');
  if (cursor === null) return null;
  if (!profile.lands.some((l) => l.code === cursor.land)) return violation('land.unknown', undefined, { land: cursor.land });
  if (cursor.voteId === null) {
    return state.openVoteId ? violation('vote.alreadyOpen', 'R-VOT-7', { voteId: state.openVoteId }) : null;
  }
  const vote = own(state.votes, cursor.voteId);
  if (!vote) return violation('vote.unknown', undefined, { voteId: cursor.voteId });
  if (vote.status !== 'open') return violation('vote.closed', 'R-VOT-5', { voteId: cursor.voteId });
  return own(vote.electorate, cursor.land) ? null : violation('vote.notInElectorate', 'R-VOT-5', { land: cursor.land });
}


/**
 * R-SES-4: what public followers may see of a cursor: a vote's roll call of the public part
 * (they see that round's turnout per Land anyway), never the attendance call (the projection
 * gives attendance as counts only, never who came when) and nothing while the session is not public.
 */
export function publicCursor(state: MeetingState, cursor: RollCallCursor): boolean {
  if (!state.session?.public || cursor.voteId === null || !cursorStillCurrent(state, cursor)) return false;
  return publicRounds(state).some((v) => v.id === cursor.voteId);
}
