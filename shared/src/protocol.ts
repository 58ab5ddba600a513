import type { PersonSession } from './conference/person.ts';
import { z } from 'zod';
import { PROTOCOL_VERSION } from './protocolVersion.ts';
import type { MeetingEvent, MeetingState } from './meeting/index.ts';
import type { RulesProfile } from './profile.ts';
import type { ActorRole } from './context.ts';
import type { ErrorPayload } from './violations.ts';
import type { PublicProjection } from './public/projection.ts';
import { RollCallCursor, type CalledCursor } from './meeting/rollCallCursor.ts';

/**
 * The wire protocol between client and server (Socket.IO). docs/protocol.md describes it for
 * people; this file is the contract the code uses on both sides.
 *
 * Acknowledgements are `{ data } | { error }`; errors carry a stable code (violations.ts).
 */
export { PROTOCOL_VERSION };

/** Client → server. */
export const JoinRequest = z.strictObject({
  protocol: z.literal(PROTOCOL_VERSION),
  meetingId: z.string().min(1).max(64),
  /** The last sequence number the client has (0 or null: none). The server sends what is missing. */
  lastSeq: z.number().int().min(0).nullable(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const CommandRequest = z.strictObject({
  meetingId: z.string().min(1).max(64),
  /** Client-made idempotency key: a repeat returns the first answer and changes nothing. */
  key: z.string().min(8).max(80).regex(/^[A-Za-z0-9_-]+$/),
  /** Parsed again by the server with CommandSchema. */
  command: z.unknown(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export const ResyncRequest = z.strictObject({
  meetingId: z.string().min(1).max(64),
  lastSeq: z.number().int().min(0),
});
export type ResyncRequest = z.infer<typeof ResyncRequest>;

/**
 * R-VOT-7 / R-SES-2: the chair points the room at the Land called now in a roll call (null: the
 * call ended). Ephemeral (meeting/rollCallCursor.ts): relayed, not logged.
 */
export const CallRequest = z.strictObject({
  meetingId: z.string().min(1).max(64),
  cursor: RollCallCursor.nullable(),
});
export type CallRequest = z.infer<typeof CallRequest>;

/** Server → invited roles (and public followers for a vote of the public part, R-SES-4): the Land called now. */
export interface CalledBroadcast {
  meetingId: string;
  cursor: CalledCursor | null;
}

/** One stored event as it travels: its per-meeting sequence number, time and row hash. */
export interface EventEnvelope {
  seq: number;
  at: string;
  hash: string;
  event: MeetingEvent;
}

export type Ack<T> = { data: T } | { error: ErrorPayload };

/**
 * What the server sends to catch a client up: either missing events, or a fresh snapshot; a
 * public follower (R-SES-4) gets the latest public projection instead (never events or state).
 */
export type CatchUp =
  | { kind: 'events'; events: EventEnvelope[] }
  /** `hash`: the row hash at `seq` (its fingerprint is shown on the room screen and in receipts). */
  | { kind: 'snapshot'; seq: number; hash: string; state: MeetingState }
  | { kind: 'public'; projection: PublicProjection };

export interface JoinResult {
  meetingId: string;
  role: ActorRole;
  participantId: string | null;
  profile: RulesProfile;
  serverTime: string;
  catchUp: CatchUp;
}

export interface CommandResult {
  /** Sequence number of the last event the command appended (unchanged state: the current seq). */
  seq: number;
  events: EventEnvelope[];
  /** True when this answer is a repeat of an earlier one with the same key. */
  duplicate: boolean;
}

/** Server → client broadcast. */
export interface EventsBroadcast {
  meetingId: string;
  events: EventEnvelope[];
  serverTime: string;
}

/** Server → public followers: the public projection, coalesced (at most one per interval). */
export interface PublicUpdate {
  meetingId: string;
  projection: PublicProjection;
}

export interface ServerToClientEvents {
  'meeting:events': (msg: EventsBroadcast) => void;
  /** Only to public followers, instead of 'meeting:events'; a projection older than the one held is ignored. */
  'meeting:public': (msg: PublicUpdate) => void;
  /** The session (invitation) was revoked; the socket is disconnected after this. */
  'session:revoked': (msg: { code: 'auth.revoked' }) => void;
  /** This socket's invitation link was just redeemed in another browser (the holder may not know). */
  'invitation:redeemed': (msg: { at: string }) => void;
  /**
   * The conference's record changed (a session created, moved, cancelled, opened or closed): a
   * nudge without content, so that each person reads their own sessions again (GET /api/me).
   */
  'conference:changed': (msg: { at: string }) => void;
  /**
   * A refusal that has no ack to travel in: a message sent without an ack callback, an unknown
   * event, rate limiting, or (to public followers) 'session.notPublic' before they are disconnected.
   */
  'meeting:error': (error: ErrorPayload) => void;
  /** R-VOT-7: the Land the chair calls now (roll call), at most one every CALL_RELAY_MS per meeting; null: none. */
  'meeting:called': (msg: CalledBroadcast) => void;
}

export interface ClientToServerEvents {
  'meeting:join': (req: JoinRequest, ack: (res: Ack<JoinResult>) => void) => void;
  'meeting:command': (req: CommandRequest, ack: (res: Ack<CommandResult>) => void) => void;
  'meeting:resync': (req: ResyncRequest, ack: (res: Ack<{ catchUp: CatchUp; serverTime: string }>) => void) => void;
  /** Chair only: the Land called now in a roll call (ephemeral, not logged). */
  'meeting:call': (req: CallRequest, ack: (res: Ack<{ at: string }>) => void) => void;
}

/** REST: GET /api/me after redeeming an invitation (GET /i/:token sets the cookie and redirects). */
export interface MeResponse {
  role: ActorRole;
  participantId: string | null;
  /** The meeting to open: the invitation's own, or for a conference invitation the live or next session of its person. */
  meetingId: string;
  label: string;
  /** 'conference': one personal invitation for every session in which the person holds a role. */
  scope: 'meeting' | 'conference';
  /** The sessions this invitation opens, by date (the session switcher); one entry for a meeting invitation. */
  sessions: PersonSession[];
  /**
   * F6: may start and run the conference-wide procedures (circulars, the follow-up record): the office
   * of the conference (a conference-wide office invitation), or in a data folder without one, a
   * meeting's office. Others may read them; the client shows no control the server would refuse.
   */
  runsConferenceProcedures: boolean;
}

export const MAX_MESSAGE_BYTES = 64 * 1024;
