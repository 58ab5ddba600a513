import type { ActorRole, EventEnvelope, MeetingState } from '@plenum/shared';

/**
 * What each role may see. Kept in this one file so the policy is reviewable in one place.
 *
 * - Nothing secret is in MeetingState (invitations and sessions live only in the store), so every
 *   invited role (office, chair, delegate, guest, staff, screen) sees the whole state and every event.
 * - A public follower (no invitation, R-SES-4) sees the same, but only while the session is public;
 *   otherwise nothing at all.
 */
export function canFollow(role: ActorRole, state: MeetingState): boolean {
  if (role !== 'public') return true;
  return state.session?.public === true;
}

export function viewState(role: ActorRole, state: MeetingState): MeetingState | null {
  return canFollow(role, state) ? state : null;
}

export function viewEvents(role: ActorRole, state: MeetingState, events: EventEnvelope[]): EventEnvelope[] {
  if (role !== 'public') return events;
  // The batch that switches publicity off is still shown (the decision itself was taken in public);
  // afterwards the follower is told and disconnected (socket/broadcast.ts).
  const switchedOff = events.some((e) => e.event.type === 'PublicSwitched' && !e.event.public);
  return canFollow(role, state) || switchedOff ? events : [];
}

/** Rooms per meeting: invited roles, and public followers (emitted to second). */
export const liveRoom = (meetingId: string) => `m:${meetingId}:live`;
export const followersRoom = (meetingId: string) => `m:${meetingId}:followers`;
