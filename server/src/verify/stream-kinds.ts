import type { z } from 'zod';
import { isStreamKind, STREAM_KINDS } from '../between/kinds.ts';
import { MEETING_KIND } from '../meeting/kind.ts';
import { evolveInvitationChain, initialInvitationChainState, INVITATION_STREAM, InvitationChainEvent } from '../store/invitation-chain.ts';

/** What a replay of a stream needs: its event schema and its fold. */
export interface ReplayKind {
  name: string;
  stateVersion: number;
  eventSchema: z.ZodType;
  initial(): unknown;
  evolve(state: unknown, event: unknown, seq: number): unknown;
}

/** The chain of the invitations and sessions tables: replayed by verify only, never served as a stream. */
const INVITATION_KIND: ReplayKind = {
  name: 'invitations', stateVersion: 1, eventSchema: InvitationChainEvent,
  initial: initialInvitationChainState,
  evolve: (state, event, seq) => evolveInvitationChain(state as ReturnType<typeof initialInvitationChainState>, event as InvitationChainEvent, seq),
};

/** The kind of a stream by its name: a meeting is named by its id alone, a between-sessions stream `kind:id`. Null: unknown kind. */
export function replayKindOf(stream: string): ReplayKind | null {
  const colon = stream.indexOf(':');
  if (colon < 0) return MEETING_KIND as unknown as ReplayKind;
  if (stream === INVITATION_STREAM) return INVITATION_KIND;
  const kind = stream.slice(0, colon);
  return isStreamKind(kind) ? STREAM_KINDS[kind] as unknown as ReplayKind : null;
}
