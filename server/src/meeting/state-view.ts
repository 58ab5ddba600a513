import {
  guestView, publicProjection, type ActorRole, type EventEnvelope, type MeetingState, type PublicProjection, type RulesProfile,
} from '@plenum/shared';

/**
 * What each role may see. Kept in this one file so the policy is reviewable in one place.
 *
 * - Nothing secret is in MeetingState (invitations and sessions live only in the store), so every
 *   invited role (office, chair, delegate, guest, staff, screen) sees the whole state and every event,
 *   except a guest invited for single items (R-GST-1): its snapshot is `guestView` (those items
 *   only), it is not in the live room but in a room of its own, and gets only the events that
 *   concern no other item (a skipped seq makes its client resync, and a resync is always a snapshot).
 * - A public follower (no invitation, R-SES-4) sees only the public projection
 *   (shared/src/public/projection.ts: the public part, never what came before the public switch),
 *   and only while the session is public; otherwise nothing at all.
 */
export function canFollow(role: ActorRole, state: MeetingState): boolean {
  if (role !== 'public') return true;
  return state.session?.public === true;
}

export function viewState(role: ActorRole, state: MeetingState, participantId: string | null = null): MeetingState | null {
  if (!canFollow(role, state)) return null;
  return role === 'guest' ? guestView(state, participantId) : state;
}

/** R-GST-1: the items a guest invited for single items follows; null for everyone else. */
export function guestItems(state: MeetingState, participantId: string | null): ReadonlySet<string> | null {
  const p = participantId ? state.participants[participantId] : undefined;
  return p?.kind === 'guest' && p.itemIds ? new Set(p.itemIds) : null;
}

/** The item an event concerns (its own itemId, its motion's, or its vote's), null when none. */
function itemOf(event: EventEnvelope['event'], state: MeetingState): string | null {
  const e = event as { itemId?: unknown; motion?: { kind: string; itemId?: string }; voteId?: unknown };
  if (typeof e.itemId === 'string') return e.itemId;
  const motion = e.motion ?? (typeof e.voteId === 'string' ? state.votes[e.voteId]?.motion : undefined);
  return motion && 'itemId' in motion && typeof motion.itemId === 'string' ? motion.itemId : null;
}

/** R-GST-1: of a commit's events, those a guest for `items` may receive (`state`: after the commit). */
export function eventsForGuest(events: EventEnvelope[], state: MeetingState, items: ReadonlySet<string>): EventEnvelope[] {
  return events.filter((e) => {
    const item = itemOf(e.event, state);
    return item === null || items.has(item);
  });
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
/** R-GST-1: the room of one guest invited for single items. */
export const guestRoom = (meetingId: string, participantId: string) => `m:${meetingId}:guest:${participantId}`;
