import type { AgendaItem, MeetingState } from '@plenum/shared';

/**
 * Items the session has not dealt with: a proposal never voted on, or a Bund report not taken note
 * of (R-AGD-5). Closing the session leaves them for a later one, so the chair is told which.
 */
export function untouchedItems(state: MeetingState): AgendaItem[] {
  return state.agenda.filter((item) => {
    if (item.standing === 'bundReport') return !item.reportNoted;
    return item.kind === 'proposal' && item.voteIds.length === 0;
  });
}
