import type { MeetingState } from '@plenum/shared';

/**
 * The items of a session not dealt with, which may be carried to a later session: a proposal
 * without a decided resolution round (adopted or rejected), a report not taken note of.
 */
export function itemsNotDealtWith(state: MeetingState): string[] {
  return state.agenda.filter((item) => {
    if (item.kind === 'report') return !item.reportNoted;
    return !Object.values(state.votes).some((v) => v.status === 'closed' && v.motion.kind === 'resolution' && v.motion.itemId === item.id
      && (v.explanation?.outcome === 'adopted' || v.explanation?.outcome === 'rejected'));
  }).map((i) => i.id);
}
