import { publicProjection, type ActorRole, type MeetingState, type PublicProjection, type RulesProfile } from '@plenum/shared';

/**
 * What each role may see. Kept in this one file so the policy is reviewable in one place.
 *
 * - Nothing secret is in MeetingState (invitations and sessions live only in the store), so every
 *   invited role (office, chair, delegate, guest, staff, screen) sees the whole state and every event.
 * - A public follower (no invitation, R-SES-4) sees only the public projection
 *   (shared/src/public/projection.ts: the public part, never what came before the public switch),
 *   and only while the session is public; otherwise nothing at all.
 */
export function canFollow(role: ActorRole, state: MeetingState): boolean {
  if (role !== 'public') return true;
  return state.session?.public === true;
}

export function viewState(role: ActorRole, state: MeetingState): MeetingState | null {
  return canFollow(role, state) ? state : null;
}

/**
 * The public projection of a state, computed once per state: states are immutable, so every join,
 * resync and follower pass between two changes shares one computation (null: not public).
 */
const projections = new WeakMap<MeetingState, PublicProjection | null>();
export function publicView(state: MeetingState, profile: RulesProfile): PublicProjection | null {
  let p = projections.get(state);
  if (p === undefined) { p = publicProjection(state, profile); projections.set(state, p); }
  return p;
}

/** Rooms per meeting: invited roles (events), and public followers (the projection, socket/follower-fanout.ts). */
export const liveRoom = (meetingId: string) => `m:${meetingId}:live`;
export const followersRoom = (meetingId: string) => `m:${meetingId}:followers`;
