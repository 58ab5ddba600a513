import type { CatchUp, EventEnvelope, MeetingState } from '@plenum/shared';
import { evolve } from '@plenum/shared/src/meeting/evolve.ts';

/** What the client holds of the meeting: the folded state and the last sequence number in it. */
export interface Synced {
  state: MeetingState;
  seq: number;
}

export interface ApplyResult extends Synced {
  /** Envelopes applied, in order (duplicates and anything after a gap are left out). */
  applied: EventEnvelope[];
  /** An envelope skipped ahead: some events are missing and a resync is needed. */
  gap: boolean;
}

/**
 * Applies envelopes in sequence order with the shared `evolve`. A seq at or below the last one is
 * a duplicate (the same event came by ack and by broadcast) and is ignored; a seq beyond lastSeq+1
 * means events were missed: stop there and let the caller resync, so the view never shows a state
 * with a hole in it.
 */
export function applyEnvelopes(current: Synced, envelopes: readonly EventEnvelope[]): ApplyResult {
  const sorted = [...envelopes].sort((a, b) => a.seq - b.seq);
  let { state, seq } = current;
  const applied: EventEnvelope[] = [];
  for (const envelope of sorted) {
    if (envelope.seq <= seq) continue;
    if (envelope.seq !== seq + 1) return { state, seq, applied, gap: true };
    state = { ...evolve(state, envelope.event), seq: envelope.seq };
    seq = envelope.seq;
    applied.push(envelope);
  }
  return { state, seq, applied, gap: false };
}

/**
 * A catch-up from join or resync: missing events, or a snapshot. A snapshot always replaces what
 * the client holds, even at a lower seq: the server sends one to a client that is ahead of it
 * (its log was reset or restored), and the server is the truth. Keeping the higher local seq
 * would treat every later event as a duplicate and freeze the view. ("Older" is ignored for
 * events only, in applyEnvelopes.)
 */
export function applyCatchUp(current: Synced, catchUp: CatchUp): ApplyResult {
  if (catchUp.kind === 'events') return applyEnvelopes(current, catchUp.events);
  // A public follower's projection is not a state: the store keeps it apart (meetingStore.publicView).
  if (catchUp.kind === 'public') return { ...current, applied: [], gap: false };
  return { state: { ...catchUp.state, seq: catchUp.seq }, seq: catchUp.seq, applied: [], gap: false };
}
