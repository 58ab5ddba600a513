import type { LandCode, RulesProfile } from './profile.ts';
import type {
  AgendaItemInput, AttendanceMode, Choice, DecisionRule, Explanation, GuestKind, Motion, ParticipantKind, TransferScope,
} from './model.ts';
import type { Electorate } from './events.ts';

/**
 * The state of one meeting: the fold of its events (`evolve`). Plain JSON, so the server can
 * snapshot it and the client can hold it in its store.
 */

export interface Participant {
  id: string;
  name: string;
  kind: ParticipantKind;
  land: LandCode | null;
  /** R-MEM-1: member and permanent deputy belong to a chair period; temporary deputies to this session. */
  chairPeriod: number | null;
  guestKind: GuestKind | null;
  itemIds: string[] | null;
  accompanies: string | null;
  /** R-GST-2 */
  announcedAt: string | null;
  announcedLate: boolean;
  registeredAt: string;
  registeredBy: { role: string; participantId: string | null };
  /** R-SES-2: null when not checked in. */
  presence: { mode: AttendanceMode; since: string } | null;
  recordingConsent: boolean;
}

export interface AgendaItem extends AgendaItemInput {
  id: string;
  shortNotice: boolean;
  /** R-AGD-2: a short-notice item is on the agenda only once admitted. */
  admitted: boolean;
  /** R-AGD-3: a substantive vote on a Bundesrat item needs this first. */
  bundesratCleared: boolean;
  /** R-AGD-5 */
  reportNoted: boolean;
  /** Closed votes on this item, in order. */
  voteIds: string[];
}

export interface Ballot {
  choice: Choice;
  participantId: string;
  castBy: LandCode;
  at: string;
  /** R-MEM-2: every change, with the person who made it. */
  history: { choice: Choice; participantId: string; at: string }[];
  /** R-MEM-2: another representative's latest choice in this round differs from the current one (as of the last cast). */
  conflict: boolean;
}

export interface VoteRound {
  id: string;
  motion: Motion;
  decisionRule: DecisionRule;
  ruleId: string;
  text: string;
  electorate: Electorate;
  quorumAtOpen: { present: number; required: number };
  openedAt: string;
  status: 'open' | 'closed' | 'cancelled';
  ballots: Record<LandCode, Ballot>;
  closedAt: string | null;
  explanation: Explanation | null;
  choices: Record<LandCode, Choice | null> | null;
}

export interface Transfer {
  id: string;
  from: LandCode;
  to: LandCode;
  scope: TransferScope;
  at: string;
  by: { role: string; participantId: string | null };
  revokedAt: string | null;
}

export interface Declaration {
  id: string;
  itemId: string;
  land: LandCode;
  participantId: string;
  text: string;
  at: string;
}

export interface MeetingState {
  meetingId: string | null;
  /** Sequence number of the last event applied (set by the server's event envelope). */
  seq: number;
  session: {
    title: string;
    date: string;
    place: string;
    kind: 'regular' | 'extraordinary';
    format: 'room' | 'video' | 'hybrid';
    chairLands: LandCode[];
    chairPeriod: number;
    chairDeviation: { lands: LandCode[]; decision: string } | null;
    status: 'planned' | 'open' | 'closed';
    openedAt: string | null;
    closedAt: string | null;
    /** R-SES-4 */
    public: boolean;
  } | null;
  participants: Record<string, Participant>;
  agenda: AgendaItem[];
  currentItemId: string | null;
  votes: Record<string, VoteRound>;
  openVoteId: string | null;
  transfers: Transfer[];
  declarations: Declaration[];
  /** R-VOT-3: quorum over time. */
  quorumLog: { at: string; present: number; required: number; met: boolean }[];
  recording: { active: boolean; since: string | null };
  speakers: { queue: { participantId: string; requestedAt: string }[]; current: { participantId: string; since: string } | null };
}

export function initialState(): MeetingState {
  return {
    meetingId: null,
    seq: 0,
    session: null,
    participants: {},
    agenda: [],
    currentItemId: null,
    votes: {},
    openVoteId: null,
    transfers: [],
    declarations: [],
    quorumLog: [],
    recording: { active: false, since: null },
    speakers: { queue: [], current: null },
  };
}

export type { RulesProfile };
