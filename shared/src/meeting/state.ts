import type { LandCode } from '../profile.ts';
import type { AgendaItemInput, AttendanceMode, Choice, Explanation, OralMode, RemoteChannel } from '../model.ts';
import type { EventBy, EventOf } from './schema.ts';

/**
 * The state of one meeting: the fold of its events (`evolve`). Plain JSON, so the server can
 * snapshot it and the client can hold it in its store. Each part takes its fields from the event
 * that creates it, so a field added to an event reaches the state's type. A change of this shape
 * bumps MEETING_STATE_VERSION (stateVersion.ts).
 */

/** The fields an event carries beside its type, time and author. */
type Body<E> = Omit<E, 'type' | 'at' | 'by'>;

export interface Participant extends Omit<Body<EventOf<'ParticipantRegistered'>>, 'participantId'> {
  id: string;
  registeredAt: string;
  registeredBy: EventBy;
  /**
   * R-SES-2: null when not checked in. `recordedBy`: who checked the participant in, when it was
   * not the participant (the chair's roll call, R-VOT-7, or the office); null for a self check-in.
   * `via`: a remote participant's channel (video, telephone) when it was recorded, else null.
   */
  presence: { mode: AttendanceMode; via: RemoteChannel | null; since: string; recordedBy: EventBy | null } | null;
  recordingConsent: boolean;
  /** R-MEM-3: the temporary deputy named after this one (this one then no longer represents the Land). */
  replacedBy: string | null;
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
  /** The representative who cast it from a device, or who recorded it when declared orally. */
  participantId: string;
  castBy: LandCode;
  at: string;
  /** R-VOT-7: how the counting entry was declared orally; null: from a device. */
  oral: OralMode | null;
  /** R-MEM-2: every change, with the person who made it (R-VOT-7: and whether it was declared orally). */
  history: { choice: Choice; participantId: string; at: string; oral: OralMode | null }[];
  /**
   * R-MEM-2 / R-VOT-7: another representative's latest choice, or the chair's record, differs from
   * the current one (as of the last entry).
   */
  conflict: boolean;
}

export interface VoteRound extends Omit<Body<EventOf<'VoteOpened'>>, 'voteId'> {
  id: string;
  openedAt: string;
  status: 'open' | 'closed' | 'cancelled';
  ballots: Record<LandCode, Ballot>;
  closedAt: string | null;
  explanation: Explanation | null;
  choices: EventOf<'VoteClosed'>['choices'] | null;
}

export interface Transfer extends Omit<Body<EventOf<'VoteTransferred'>>, 'transferId'> {
  id: string;
  at: string;
  by: EventBy;
  revokedAt: string | null;
}

export interface Declaration extends Omit<Body<EventOf<'DeclarationAdded'>>, 'declarationId'> {
  id: string;
  at: string;
}

export interface Session extends Omit<Body<EventOf<'SessionScheduled'>>, 'meetingId'> {
  status: 'planned' | 'open' | 'closed';
  openedAt: string | null;
  closedAt: string | null;
  /** R-SES-4 */
  public: boolean;
  /** R-SES-1: cancelled before it opened, with the reason (absent in states from before: not cancelled). */
  cancelled?: { at: string; reason: string } | null;
  /** R-SES-1: every move before it opened, oldest first (absent in states from before: none). */
  rescheduled?: { at: string; reason: string; from: { date: string; place: string; format: Session['format'] } }[];
}

export interface MeetingState {
  meetingId: string | null;
  /** Sequence number of the last event applied (set by the server's event envelope). */
  seq: number;
  session: Session | null;
  participants: Record<string, Participant>;
  agenda: AgendaItem[];
  currentItemId: string | null;
  votes: Record<string, VoteRound>;
  openVoteId: string | null;
  transfers: Transfer[];
  declarations: Declaration[];
  /** R-VOT-3: quorum over time. */
  quorumLog: (Body<EventOf<'QuorumChanged'>> & { at: string })[];
  recording: { active: boolean; since: string | null };
  speakers: { queue: { participantId: string; requestedAt: string }[]; current: { participantId: string; since: string } | null };
  /** R-AGR-2: what a meeting of the Arbeitsgremium proposed for the next DMK session's agenda. */
  agendaProposals: (Body<EventOf<'AgendaProposed'>> & { at: string })[];
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
    agendaProposals: [],
  };
}
