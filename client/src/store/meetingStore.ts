import { createStore } from 'zustand/vanilla';
import type { ActorRole, CalledCursor, Choice, Command, ErrorPayload, EventEnvelope, LandCode, MeetingState, PublicProjection, RulesProfile } from '@plenum/shared';
import { DMK_PROFILE } from '@plenum/shared/src/dmkProfile.ts';
import { initialState } from '@plenum/shared/src/meeting/state.ts';

export type ConnectionStatus = 'online' | 'reconnecting' | 'offline';

/** A command sent but not yet acknowledged; resent with the same key after a reconnect. */
export interface PendingCommand {
  key: string;
  command: Command;
  createdAt: string;
}

/**
 * R-MEM-2: what a delegate gets for a vote: the event's sequence number and its row hash, whose
 * short form (headFingerprint) is the "Prüfsumme des Protokolls" at that point, and the command's
 * idempotency key when this tab sent it. Exported as JSON (receiptsExport.ts) and checked against
 * the log with `npm run verify -- --against`.
 */
export interface VoteReceipt {
  voteId: string;
  land: LandCode;
  choice: Choice;
  seq: number;
  hash: string;
  at: string;
  key?: string;
}

export interface MeetingStoreState {
  meetingId: string | null;
  state: MeetingState;
  seq: number;
  role: ActorRole | null;
  participantId: string | null;
  profile: RulesProfile;
  connection: ConnectionStatus;
  /** Client time of the last confirmation from the server (join, events, ack). */
  lastUpdateAt: string | null;
  /** Why the server refused to let us join (e.g. session.notPublic, auth.required). */
  joinError: ErrorPayload | null;
  pending: PendingCommand[];
  receipts: Record<string, VoteReceipt>;
  /** A public follower's picture (R-SES-4): the server's projection, not events; null for invited roles. */
  publicView: PublicProjection | null;
  /**
   * When the current item was called (its CurrentItemSet event), if this client applied that
   * event; null after a snapshot. The room screen uses it to tell a fresh result from an old one.
   */
  itemCalledAt: string | null;
  /** The row hash at `seq`, when known (events applied, or a snapshot that names it): its fingerprint is shown on the room screen. */
  headHash: string | null;
  /** F10: the server said this person's link was just redeemed in another browser, at this time; null once dismissed. */
  redeemedElsewhereAt: string | null;
  /** When the server last said the conference's sessions changed ('conference:changed'); the person's sessions are read again then. */
  conferenceChangedAt: string | null;
  /**
   * R-VOT-7 / R-SES-2: the Land the chair calls now in a roll call, as the server last relayed it
   * (ephemeral, never in `state`); views show it only while its call runs (cursorStillCurrent).
   */
  rollCallCursor: CalledCursor | null;
}

export const receiptKey = (voteId: string, land: LandCode) => `${voteId}:${land}`;

export function emptyMeetingStoreState(): MeetingStoreState {
  return {
    meetingId: null,
    state: initialState(),
    seq: 0,
    role: null,
    participantId: null,
    profile: DMK_PROFILE,
    connection: 'offline',
    lastUpdateAt: null,
    joinError: null,
    pending: [],
    receipts: {},
    publicView: null,
    itemCalledAt: null,
    headHash: null,
    redeemedElsewhereAt: null,
    conferenceChangedAt: null,
    rollCallCursor: null,
  };
}

/** The one store of the meeting, outside React; views read it through `useMeeting`. */
export const meetingStore = createStore<MeetingStoreState>()(() => emptyMeetingStoreState());

/** Receipts for votes this participant cast, taken from the envelopes that carry them. */
export function receiptsFrom(envelopes: readonly EventEnvelope[], participantId: string | null, key?: string): VoteReceipt[] {
  const out: VoteReceipt[] = [];
  for (const { seq, hash, at, event } of envelopes) {
    if (event.type !== 'VoteCast' || participantId === null || event.participantId !== participantId) continue;
    out.push({ voteId: event.voteId, land: event.land, choice: event.choice, seq, hash, at, ...(key ? { key } : {}) });
  }
  return out;
}

/** The time of the last CurrentItemSet among the envelopes, else what was known before. */
export function itemCalledAtAfter(envelopes: readonly EventEnvelope[], before: string | null): string | null {
  let at = before;
  for (const { event } of envelopes) if (event.type === 'CurrentItemSet') at = event.at;
  return at;
}

/** Seeds the store directly (tests, and a snapshot loaded before the socket is up). */
export function seedMeetingStore(partial: Partial<MeetingStoreState>): void {
  const next = { ...emptyMeetingStoreState(), ...partial };
  if (partial.state && partial.seq === undefined) next.seq = partial.state.seq;
  meetingStore.setState(next, true);
}
