import type { AgendaItem, MeetingState, Participant, VoteRound } from '@plenum/shared';
import type { ConnectionStatus } from '../../store/meetingStore.ts';

/**
 * What the room screen shows: exactly one of these at a time. A pure function of the meeting
 * state, the connection and when the current item was called, so the order of states during a
 * session is testable without a browser.
 */
export type LiveScreenState =
  /** No session yet, planned, or open with nothing called: the agenda to come. */
  | { kind: 'waiting' }
  /** The chair called an item: its text and rapporteurs. */
  | { kind: 'itemCalled'; item: AgendaItem }
  /** A round is open: what is voted on (the motion's own item) and the turnout, never the count. */
  | { kind: 'voteOpen'; vote: VoteRound; item: AgendaItem | null }
  /** The latest round was closed or cancelled and nothing happened since. */
  | { kind: 'result'; vote: VoteRound; item: AgendaItem | null }
  /** Someone has the floor. */
  | { kind: 'speaker'; speaker: Participant; since: string; item: AgendaItem | null }
  | { kind: 'closed'; closedAt: string | null };

export type ScreenState =
  | LiveScreenState
  /** No connection: what was last known, shown as stale (null before anything arrived). */
  | { kind: 'offline'; connection: Exclude<ConnectionStatus, 'online'>; stale: LiveScreenState | null };

export interface ScreenInput {
  state: MeetingState;
  connection: ConnectionStatus;
  /** Whether anything arrived from the server yet (seq > 0). */
  loaded: boolean;
  /**
   * When the current item was called (the CurrentItemSet event's time), if this client saw it;
   * null after a snapshot, when only the state is known.
   */
  itemCalledAt: string | null;
}

/** The agenda item a motion concerns (a public-session motion concerns none). */
export function motionItem(state: MeetingState, vote: VoteRound): AgendaItem | null {
  const m = vote.motion;
  if (m.kind === 'setPublic') return null;
  return state.agenda.find((i) => i.id === m.itemId) ?? null;
}

/** The round opened last (rounds never overlap: one is open at a time). */
function latestVote(state: MeetingState): VoteRound | null {
  let latest: VoteRound | null = null;
  for (const v of Object.values(state.votes)) if (!latest || v.openedAt > latest.openedAt) latest = v;
  return latest;
}

/**
 * Whether a closed round still belongs on the screen. It does if it closed after the current item
 * was called. Without that time (joined from a snapshot) only a round on the current item itself
 * counts — never an admission vote, which is over before its item is called — or any round while
 * no item is called.
 */
function resultStillCurrent(state: MeetingState, vote: VoteRound, itemCalledAt: string | null): boolean {
  if (state.currentItemId === null) return true;
  if (itemCalledAt !== null) return (vote.closedAt ?? vote.openedAt) >= itemCalledAt;
  const m = vote.motion;
  return m.kind !== 'setPublic' && m.kind !== 'admitShortNotice' && m.itemId === state.currentItemId;
}

function liveState({ state, itemCalledAt }: ScreenInput): LiveScreenState {
  const session = state.session;
  if (!session || session.status === 'planned') return { kind: 'waiting' };
  if (session.status === 'closed') return { kind: 'closed', closedAt: session.closedAt };
  const open = state.openVoteId ? state.votes[state.openVoteId] : undefined;
  if (open) return { kind: 'voteOpen', vote: open, item: motionItem(state, open) };

  const item = state.agenda.find((i) => i.id === state.currentItemId) ?? null;
  const last = latestVote(state);
  const result = last && last.status !== 'open' && resultStillCurrent(state, last, itemCalledAt) ? last : null;
  const floor = state.speakers.current;
  const speaker = floor ? state.participants[floor.participantId] : undefined;
  // The latest thing that happened wins: a speaker given the floor after a result replaces it.
  if (floor && speaker && (!result || floor.since >= (result.closedAt ?? result.openedAt))) {
    return { kind: 'speaker', speaker, since: floor.since, item };
  }
  if (result) return { kind: 'result', vote: result, item: motionItem(state, result) };
  if (item) return { kind: 'itemCalled', item };
  return { kind: 'waiting' };
}

export function screenState(input: ScreenInput): ScreenState {
  if (input.connection !== 'online') {
    return { kind: 'offline', connection: input.connection, stale: input.loaded ? liveState(input) : null };
  }
  return liveState(input);
}
