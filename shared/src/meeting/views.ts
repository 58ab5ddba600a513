import type { MeetingState } from './state.ts';

/**
 * What a participant with a role in part of a meeting may see of it. Pure, so that the server's
 * views (server/src/meeting/state-view.ts) and the tests use the same policy. Public followers get
 * the projection of the public part instead (src/public/projection.ts, R-SES-4).
 */

/**
 * R-GST-1: a guest invited for single items follows those items: the agenda shows them only, and
 * votes and declarations on other items are not in the guest's view. Other guests see everything.
 */
export function guestView(state: MeetingState, participantId: string | null): MeetingState {
  const me = participantId ? state.participants[participantId] : undefined;
  if (!me || me.kind !== 'guest' || !me.itemIds) return state;
  const items = new Set(me.itemIds);
  const onMine = (itemId: string | null | undefined) => itemId == null || items.has(itemId);
  const votes = Object.fromEntries(Object.entries(state.votes).filter(([, v]) => v.motion.kind === 'setPublic' || onMine(v.motion.itemId)));
  return {
    ...state,
    agenda: state.agenda.filter((i) => items.has(i.id)),
    currentItemId: onMine(state.currentItemId) ? state.currentItemId : null,
    votes,
    openVoteId: state.openVoteId && votes[state.openVoteId] ? state.openVoteId : null,
    declarations: state.declarations.filter((d) => onMine(d.itemId)),
  };
}
