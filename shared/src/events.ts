import { z } from 'zod';
import { LandCode } from './profile.ts';
import {
  AgendaItemInput, AttendanceMode, Choice, DecisionRule, Explanation, GuestKind, Id, IsoDate, IsoTime, ItPlrCoordination,
  LongText, Motion, ParticipantKind, SessionFormat, SessionKind, ShortText, TransferScope,
} from './model.ts';
import { ActorRole } from './commands.ts';

/**
 * Events: what happened, in the past tense. They are the only thing stored; state is their fold
 * (`evolve`). Each carries when it happened and who did it, so the log is also the record that
 * the GO asks for ("the chair must be informed", "every change is logged with the person").
 */
const By = z.object({ role: ActorRole, participantId: Id.nullable() });
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
  ev('AgendaItemAdded', { itemId: Id, item: AgendaItemInput, shortNotice: z.boolean(), position: z.number().int() }),
  ev('AgendaItemEdited', { itemId: Id, changes: AgendaItemInput.partial() }),
  ev('AgendaItemRemoved', { itemId: Id }),
  ev('ItPlrCoordinationSet', { itemId: Id, state: ItPlrCoordination }),
  ev('SessionOpened', {}),
  ev('SessionClosed', {}),
  ev('ParticipantCheckedIn', { participantId: Id, mode: AttendanceMode }),
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
  ev('VoteCast', { voteId: Id, land: LandCode, choice: Choice, castBy: LandCode, participantId: Id, conflict: z.boolean() }),
  ev('VoteClosed', {
    voteId: Id, explanation: Explanation,
    /** Every Land's final choice (null: did not answer), for the protocol (R-PRT-1). */
    choices: z.record(LandCode, Choice.nullable()),
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
]);
export type MeetingEvent = z.infer<typeof EventSchema>;
export type EventType = MeetingEvent['type'];
export type EventOf<T extends EventType> = Extract<MeetingEvent, { type: T }>;

export { LongText };
