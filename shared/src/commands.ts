import { z } from 'zod';
import { LandCode } from './profile.ts';
import {
  AgendaItemInput, AttendanceMode, Choice, GuestKind, Id, IsoDate, IsoTime, ItPlrCoordination, LongText, Motion,
  SessionFormat, SessionKind, ShortText, TransferScope,
} from './model.ts';

/**
 * Commands: what a client asks for, in the imperative. Every field is checked here; `decide`
 * then checks the rules. Objects are strict: an unknown field is refused, not ignored.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

export const CommandSchema = z.discriminatedUnion('type', [
  // ── preparation (office) ────────────────────────────────────────────────────────────────
  /** R-CHR-1: the chair Land(s) are derived from the date unless a recorded deviation is given. */
  cmd('scheduleSession', {
    title: ShortText, date: IsoDate, place: ShortText, kind: SessionKind, format: SessionFormat,
    chairDeviation: z.strictObject({ lands: z.array(LandCode).min(1).max(2), decision: ShortText }).optional(),
  }),
  /** R-MEM-1: member and permanent deputy named per chair period. */
  cmd('nameRepresentative', { land: LandCode, kind: z.enum(['member', 'permanentDeputy']), name: ShortText, participantId: Id.optional() }),
  /** R-MEM-3: a temporary voting deputy for this session. */
  cmd('nameTemporaryDeputy', { land: LandCode, name: ShortText, participantId: Id.optional() }),
  /** R-GST-1 */
  cmd('inviteGuest', { name: ShortText, guestKind: GuestKind, itemIds: z.array(Id).max(50).optional(), participantId: Id.optional() }),
  /** R-GST-2: accompanying persons, announced in advance (announcedAt defaults to now). */
  cmd('announceStaff', { name: ShortText, accompanies: z.union([LandCode, Id]), announcedAt: IsoTime.optional(), participantId: Id.optional() }),
  cmd('nameChair', { name: ShortText, participantId: Id.optional() }),
  /** R-AGD-6: `receivedAt` = when the proposal reached the chair Land, when the office enters it later. */
  cmd('addAgendaItem', { item: AgendaItemInput, shortNotice: z.boolean().default(false), itemId: Id.optional(), receivedAt: IsoTime.optional() }),
  /** R-VOT-5: refused while a vote on the item is open. */
  cmd('editAgendaItem', { itemId: Id, item: AgendaItemInput.partial() }),
  cmd('removeAgendaItem', { itemId: Id }),
  /** R-AGD-4 */
  cmd('setItPlrCoordination', { itemId: Id, state: ItPlrCoordination }),

  // ── the live session (chair) ───────────────────────────────────────────────────────────
  cmd('openSession', {}),
  cmd('closeSession', {}),
  /** R-SES-2: a participant checks in with a mode; the chair or office may check in someone else. */
  cmd('checkIn', { mode: AttendanceMode, participantId: Id.optional() }),
  cmd('checkOut', { participantId: Id.optional() }),
  cmd('setCurrentItem', { itemId: Id.nullable() }),
  /** R-VOT-3, R-VOT-5, R-VOT-6 */
  cmd('openVote', { motion: Motion }),
  /** R-MEM-2, R-MEM-4: `land` is the delegate's own Land or a Land whose vote it holds by transfer. */
  cmd('castVote', { voteId: Id, land: LandCode, choice: Choice }),
  cmd('closeVote', { voteId: Id }),
  cmd('cancelVote', { voteId: Id }),
  /** R-AGD-5: a Bund report is taken note of, without a vote. */
  cmd('noteReport', { itemId: Id }),

  // ── representation (delegates) ─────────────────────────────────────────────────────────
  /** R-MEM-4 */
  cmd('transferVote', { to: LandCode, scope: TransferScope, from: LandCode.optional() }),
  cmd('revokeTransfer', { transferId: Id }),
  /** R-VOT-4 */
  cmd('addDeclaration', { itemId: Id, text: LongText }),

  // ── recording (R-SES-3) ────────────────────────────────────────────────────────────────
  cmd('giveRecordingConsent', {}),
  cmd('withdrawRecordingConsent', {}),
  cmd('startRecording', {}),
  cmd('stopRecording', {}),

  // ── speakers list ──────────────────────────────────────────────────────────────────────
  cmd('requestFloor', { participantId: Id.optional() }),
  cmd('withdrawFloorRequest', { participantId: Id.optional() }),
  /** The chair gives the floor to the next in line, or to a named participant. */
  cmd('giveFloor', { participantId: Id.optional() }),
  cmd('endFloor', {}),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[];

/** Who is acting. The server derives it from the session cookie; it is never taken from the client. */
export const ActorRole = z.enum(['office', 'chair', 'delegate', 'guest', 'staff', 'screen', 'public', 'system']);
export type ActorRole = z.infer<typeof ActorRole>;
export interface Actor {
  role: ActorRole;
  /** The participant the actor is, for delegates, guests, staff and the chair. */
  participantId: string | null;
}

/** Time and ids come in from outside so that `decide` stays pure. */
export interface DecideContext {
  now: string;
  actor: Actor;
  newId: (prefix: string) => string;
}

export { Id, LongText };
