import type { Actor, CatchUp } from '@plenum/shared';
import type { MeetingRuntime } from './kind.ts';
import { guestItems, publicView, viewState } from './state-view.ts';

/** A client further behind than this gets a snapshot instead of the missing events. */
const MAX_CATCH_UP_EVENTS = 1000;

/**
 * What a client that has `lastSeq` is missing: the events after it, or a snapshot when it has
 * nothing (0/null), is too far behind, or is ahead of us (the server's log was reset). Runs in
 * the meeting's queue, so no commit falls between the catch-up and `onAllowed` (joining the room).
 */
export async function catchUp(rt: MeetingRuntime, lastSeq: number | null, actor: Actor, onAllowed?: () => void): Promise<CatchUp | null> {
  const { role } = actor;
  // A client that has seen more than this node (it came from another node of a cluster, ahead of
  // the notice): read the log first, so it is not sent back to an older state.
  if (lastSeq && lastSeq > rt.seq) await rt.syncFromLog();
  return rt.enqueue(async () => {
    const view = viewState(role, rt.current, actor.participantId);
    if (!view) return null;
    onAllowed?.();
    if (role === 'public') return { kind: 'public', projection: publicView(rt.current, rt.profile)! };
    const seq = rt.seq;
    // R-GST-1: a guest for single items always gets its view, never the log's events.
    const partial = role === 'guest' && guestItems(rt.current, actor.participantId) !== null;
    if (partial || !lastSeq || lastSeq > seq || seq - lastSeq > MAX_CATCH_UP_EVENTS) return { kind: 'snapshot', seq, hash: rt.headHash, state: view };
    return { kind: 'events', events: await rt.read(lastSeq) };
  });
}
