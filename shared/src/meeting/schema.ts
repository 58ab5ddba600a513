import { z } from 'zod';
import { LandCode } from '../profile.ts';
import { ActorRole } from '../context.ts';
import {
  AgendaItemInput, AttendanceMode, Choice, DecisionRule, Explanation, GuestKind, Id, IsoDate, IsoTime, ItPlrCoordination,
  LongText, Motion, OralMode, ParticipantKind, RemoteChannel, SessionFormat, SessionKind, ShortText, TransferScope,
} from '../model.ts';
import { DECLARATION_MAX_CHARS } from '../limits.ts';

/** The meeting's commands and events: the two halves of its wire and storage format. */

/**
 * Commands: what a client asks for, in the imperative. Every field is checked here; `decide`
 * then checks the rules. Objects are strict: an unknown field is refused, not ignored.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

/** R-AGR-2/3: a draft's version proposed for a DMK agenda, with the brackets still open in it. */
export const ProposedDraft = z.strictObject({ draftId: Id, title: ShortText, version: z.number().int().min(1), openBrackets: z.number().int().min(0).max(10_000) });
export type ProposedDraft = z.infer<typeof ProposedDraft>;

export const CommandSchema = z.discriminatedUnion('type', [
  // ── preparation (office) ────────────────────────────────────────────────────────────────
  /** R-CHR-1: the chair Land(s) are derived from the date unless a recorded deviation is given. */
  cmd('scheduleSession', {
    title: ShortText, date: IsoDate, place: ShortText, kind: SessionKind, format: SessionFormat,
    chairDeviation: z.strictObject({ lands: z.array(LandCode).min(1).max(2), decision: ShortText }).optional(),
  }),
  /** R-MEM-1: member and permanent deputy named per chair period. */
  cmd('nameRepresentative', { land: LandCode, kind: z.enum(['member', 'permanentDeputy', 'workingLevel']), name: ShortText, participantId: Id.optional() }),
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
  /**
   * R-SES-2: a participant checks in with a mode; the chair or office may check in someone else
   * (attendance by roll call, R-VOT-7). `via`: a remote participant's channel (video, telephone).
   */
  cmd('checkIn', { mode: AttendanceMode, via: RemoteChannel.optional(), participantId: Id.optional() }),
  cmd('checkOut', { participantId: Id.optional() }),
  cmd('setCurrentItem', { itemId: Id.nullable() }),
  /** R-VOT-3, R-VOT-5, R-VOT-6 */
  cmd('openVote', { motion: Motion }),
  /** R-MEM-2, R-MEM-4: `land` is the delegate's own Land or a Land whose vote it holds by transfer. */
  cmd('castVote', { voteId: Id, land: LandCode, choice: Choice }),
  /**
   * R-VOT-7: the chair (or the office at the chair's side) records a vote declared orally in
   * `land`'s slot: the Land's own, or a transferred one, cast by its holder (R-MEM-4).
   */
  cmd('recordVote', { voteId: Id, land: LandCode, choice: Choice, mode: OralMode }),
  cmd('closeVote', { voteId: Id }),
  cmd('cancelVote', { voteId: Id }),
  /** R-AGD-5: a Bund report is taken note of, without a vote. */
  cmd('noteReport', { itemId: Id }),

  // ── representation (delegates) ─────────────────────────────────────────────────────────
  /** R-MEM-4 */
  cmd('transferVote', { to: LandCode, scope: TransferScope, from: LandCode.optional() }),
  cmd('revokeTransfer', { transferId: Id }),
  /** R-VOT-4 */
  cmd('addDeclaration', { itemId: Id, text: LongText.max(DECLARATION_MAX_CHARS) }),

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

  // ── the Arbeitsgremium (R-AGR-1/2) ────────────────────────────────────────────────────
  /**
   * R-AGR-2: a meeting of the Arbeitsgremium ends with a version of each draft it deliberated and
   * the proposal of those versions for the next DMK session's agenda. Recorded by the server
   * (actor 'system') after it cut the versions on the drafts' own streams, so the numbers are true.
   */
  cmd('recordAgendaProposal', { targetSessionId: Id, drafts: z.array(ProposedDraft).min(1).max(50) }),

  // ── the conference (R-SES-1) ───────────────────────────────────────────────────────────
  /**
   * The conference moved or cancelled the session before it opened, with its reason: the server
   * (actor 'system') records it in the session's own log, so that its views, deadlines (R-AGD-6),
   * chair (R-CHR-1/3, derived by the conference for the new date) and protocol follow.
   */
  cmd('recordReschedule', {
    date: IsoDate, place: ShortText, format: SessionFormat, chairLands: z.array(LandCode).min(1).max(2), chairDecision: ShortText.nullable(), reason: LongText,
  }),
  cmd('recordCancellation', { reason: LongText }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export const COMMAND_TYPES = CommandSchema.options.map((o) => o.shape.type.value) as CommandType[];

/**
 * Events: what happened, in the past tense. They are the only thing stored; state is their fold
 * (`evolve`). Each carries when it happened and who did it, so the log is also the record that
 * the GO asks for ("the chair must be informed", "every change is logged with the person").
 */
const By = z.object({ role: ActorRole, participantId: Id.nullable() });
/** Who made an event: the actor's role and participant. */
export type EventBy = z.infer<typeof By>;
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });

/** R-VOT-5: the electorate frozen at open: for each Land that can vote, which Land casts it. */
export const Electorate = z.record(LandCode, z.object({ castBy: LandCode, transferId: Id.nullable() }));
export type Electorate = z.infer<typeof Electorate>;

export const EventSchema = z.discriminatedUnion('type', [
  ev('SessionScheduled', {
    meetingId: Id, title: ShortText, date: IsoDate, place: ShortText, kind: SessionKind, format: SessionFormat,
    chairLands: z.array(LandCode), chairPeriod: z.number().int(), chairDeviation: z.object({ lands: z.array(LandCode), decision: ShortText }).nullable(),
  }),
  ev('ParticipantRegistered', {
    participantId: Id, name: ShortText, kind: ParticipantKind, land: LandCode.nullable(),
    chairPeriod: z.number().int().nullable(), guestKind: GuestKind.nullable(), itemIds: z.array(Id).nullable(),
    accompanies: z.string().nullable(), announcedAt: IsoTime.nullable(), announcedLate: z.boolean(),
  }),
  /** R-MEM-3: one temporary deputy per Land and session; a new naming replaces the earlier. */
  ev('TemporaryDeputyReplaced', { participantId: Id, replacedBy: Id }),
  ev('AgendaItemAdded', { itemId: Id, item: AgendaItemInput, shortNotice: z.boolean(), position: z.number().int() }),
  ev('AgendaItemEdited', { itemId: Id, changes: AgendaItemInput.partial() }),
  ev('AgendaItemRemoved', { itemId: Id }),
  ev('ItPlrCoordinationSet', { itemId: Id, state: ItPlrCoordination }),
  ev('SessionOpened', {}),
  ev('SessionClosed', {}),
  /** R-SES-1: moved before it opened (recordReschedule); `from`: the date, place and format before. */
  ev('SessionRescheduled', {
    date: IsoDate, place: ShortText, format: SessionFormat, chairLands: z.array(LandCode), chairPeriod: z.number().int(),
    chairDeviation: z.object({ lands: z.array(LandCode), decision: ShortText }).nullable(), reason: LongText,
    from: z.object({ date: IsoDate, place: ShortText, format: SessionFormat }),
  }),
  /** R-SES-1: cancelled before it opened (recordCancellation). */
  ev('SessionCancelled', { reason: LongText }),
  /** R-SES-2: `via` is the remote channel when known (a log written before it has none: null). */
  ev('ParticipantCheckedIn', { participantId: Id, mode: AttendanceMode, via: RemoteChannel.nullable().default(null) }),
  ev('ParticipantCheckedOut', { participantId: Id }),
  /** R-VOT-3: emitted whenever attendance moves quorum across the line: "quorum over time". */
  ev('QuorumChanged', { present: z.number().int(), required: z.number().int(), met: z.boolean() }),
  ev('CurrentItemSet', { itemId: Id.nullable() }),
  ev('VoteOpened', {
    voteId: Id, motion: Motion, decisionRule: DecisionRule, ruleId: z.string(),
    /** R-VOT-5: text frozen into the opening record. */
    text: z.string(), electorate: Electorate,
    quorumAtOpen: z.object({ present: z.number().int(), required: z.number().int() }),
  }),
  /** R-MEM-2: one slot per Land; the last choice counts; `conflict` when representatives disagree. */
  /**
   * R-VOT-7: `oral` is how a vote declared orally was given (null: from a device); `participantId`
   * is then the person who recorded it, and `by` their role.
   */
  ev('VoteCast', {
    voteId: Id, land: LandCode, choice: Choice, castBy: LandCode, participantId: Id, conflict: z.boolean(),
    oral: OralMode.nullable().default(null),
  }),
  ev('VoteClosed', {
    voteId: Id, explanation: Explanation,
    /** Every Land's final choice (null: did not answer), for the protocol (R-PRT-1). */
    choices: z.record(LandCode, Choice.nullable()),
    /** R-VOT-7: the Länder whose counting entry was declared orally, and how. */
    oral: z.record(LandCode, OralMode).default({}),
  }),
  ev('VoteCancelled', { voteId: Id }),
  /** R-AGD-2 / R-AGD-3 / R-SES-4 effects of adopted procedural motions. */
  ev('ShortNoticeItemAdmitted', { itemId: Id, voteId: Id }),
  ev('BundesratProcedureCleared', { itemId: Id, voteId: Id }),
  ev('PublicSwitched', { public: z.boolean(), voteId: Id }),
  ev('ReportNoted', { itemId: Id }),
  ev('VoteTransferred', { transferId: Id, from: LandCode, to: LandCode, scope: TransferScope }),
  ev('TransferRevoked', { transferId: Id }),
  ev('DeclarationAdded', { declarationId: Id, itemId: Id, land: LandCode, participantId: Id, text: LongText }),
  ev('RecordingConsentGiven', { participantId: Id }),
  ev('RecordingConsentWithdrawn', { participantId: Id }),
  ev('RecordingStarted', {}),
  ev('RecordingStopped', { reason: z.enum(['chair', 'consentWithdrawn', 'sessionClosed', 'participantWithoutConsent']) }),
  ev('FloorRequested', { participantId: Id }),
  ev('FloorRequestWithdrawn', { participantId: Id }),
  ev('FloorGiven', { participantId: Id }),
  ev('FloorEnded', { participantId: Id }),
  /** R-AGR-2: the Arbeitsgremium's agenda proposal for the next DMK session. */
  ev('AgendaProposed', { targetSessionId: Id, drafts: z.array(ProposedDraft) }),
]);
export type MeetingEvent = z.infer<typeof EventSchema>;
export type EventType = MeetingEvent['type'];
export type EventOf<T extends EventType> = Extract<MeetingEvent, { type: T }>;

