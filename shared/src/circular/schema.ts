import { z } from 'zod';
import { LandCode } from '../profile.ts';
import { Choice, Id, IsoTime, LongText, Paragraph, ShortText } from '../model.ts';
import { ActorRole } from '../context.ts';
import { DECLARATION_MAX_CHARS } from '../limits.ts';

/**
 * The circular procedure (Umlaufverfahren, GO 5.4; R-CIR-1..3): a written decision between
 * sessions. One procedure is one stream of events with its own small decider.
 *
 * The roster (who is member or permanent deputy of which Land in the chair period) comes with the
 * start command and is frozen into CircularStarted: the procedure is judged by the roster that
 * held when it started, and the decider stays pure. Temporary deputies are named for one session
 * only (R-MEM-3), so they are never on it: their answers and objections are refused.
 */
export const CircularRosterEntry = z.strictObject({
  participantId: Id,
  name: ShortText,
  land: LandCode,
  kind: z.enum(['member', 'permanentDeputy']),
});
export type CircularRosterEntry = z.infer<typeof CircularRosterEntry>;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

export const CircularCommandSchema = z.discriminatedUnion('type', [
  /** R-CIR-1: the office starts a procedure for an urgent proposal of a member. */
  cmd('startCircular', {
    procedureId: Id.optional(),
    title: ShortText,
    text: LongText,
    paragraphs: z.array(Paragraph).max(50).default([]),
    proposingLand: LandCode,
    roster: z.array(CircularRosterEntry).min(1).max(64),
    /** A recorded deviation from the rotation; by default the chair is derived from the start date (R-CHR-1). */
    chairLands: z.array(LandCode).min(1).max(2).optional(),
  }),
  /** R-CIR-2/3: agreement in text form, with an optional protocol declaration. */
  cmd('answerCircular', { choice: Choice, land: LandCode.optional(), declaration: LongText.max(DECLARATION_MAX_CHARS).optional() }),
  /** R-CIR-1: an objection within the period ends the procedure. */
  cmd('objectToCircular', { land: LandCode.optional(), reason: LongText.optional() }),
  /** Issued by the scheduler (actor 'system') when the objection period has ended. */
  cmd('closeCircular', {}),
  /** R-CIR-2: the result is communicated to all members, then published. */
  cmd('communicateCircularResult', {}),
  cmd('publishCircularResult', {}),
]);
export type CircularCommand = z.infer<typeof CircularCommandSchema>;

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });

/** The decision as data: R-CIR-2 with the numbers used. */
export const CircularExplanation = z.object({
  rule: z.literal('R-CIR-2'),
  agreements: z.number().int(),
  needed: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  answered: z.number().int(),
  notAnswered: z.number().int(),
  objection: z.boolean(),
  /** Consensus is still sought: every answering Land agreed. */
  consensus: z.boolean(),
  deadline: IsoTime,
  outcome: z.enum(['adopted', 'rejected']),
});
export type CircularExplanation = z.infer<typeof CircularExplanation>;

export const CircularEventSchema = z.discriminatedUnion('type', [
  ev('CircularStarted', {
    procedureId: Id, title: ShortText, text: LongText, paragraphs: z.array(Paragraph), proposingLand: LandCode,
    chairLands: z.array(LandCode), holidayLands: z.array(LandCode), roster: z.array(CircularRosterEntry),
    objectionWorkingDays: z.number().int(), agreementsNeeded: z.number().int(),
    /** R-CIR-1: end of the 5th working day after the start (Berlin time). */
    deadline: IsoTime,
  }),
  ev('CircularAnswered', { land: LandCode, choice: Choice, participantId: Id }),
  ev('CircularDeclarationAdded', { declarationId: Id, land: LandCode, participantId: Id, text: LongText }),
  ev('CircularObjected', { land: LandCode, participantId: Id, reason: LongText.nullable() }),
  ev('CircularClosed', { explanation: CircularExplanation }),
  ev('CircularResultCommunicated', { recipients: z.array(LandCode) }),
  ev('CircularResultPublished', {}),
]);
export type CircularEvent = z.infer<typeof CircularEventSchema>;
export type CircularEventType = CircularEvent['type'];
export type CircularEventOf<T extends CircularEventType> = Extract<CircularEvent, { type: T }>;
