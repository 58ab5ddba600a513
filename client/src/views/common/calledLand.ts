import type { CalledCursor } from '@plenum/shared';
import { cursorStillCurrent } from '@plenum/shared/src/meeting/rollCallCursorCurrent.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * R-VOT-7 / R-SES-2: the Land the chair calls now in a roll call, while its call runs (the round
 * it was called for is still open; for the attendance call, no round open); else null. The
 * cursor is relayed by the server and never part of the state (meeting:called).
 */
export function useCalledLand(): CalledCursor | null {
  return useMeeting((s) => {
    const cursor = s.rollCallCursor;
    if (!cursor) return null;
    // A public follower has no state, only the projection: the cursor counts while its round is open there.
    if (s.publicView) return s.publicView.vote?.status === 'open' && s.publicView.vote.id === cursor.voteId ? cursor : null;
    return cursorStillCurrent(s.state, cursor) ? cursor : null;
  });
}
