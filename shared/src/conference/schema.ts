import { z } from 'zod';
import { ActorRole } from '../context.ts';
import { Id, IsoDate, IsoTime, LongText, SessionFormat, ShortText } from '../model.ts';
import { LandCode } from '../profile.ts';

/**
 * The conference (one stream, `conference:dmk`): what spans sessions. The chair rotation's recorded
 * deviations (R-CHR-3) and the sessions themselves (R-SES-1/2): the office creates regular and
 * extraordinary sessions (on the chair's proposal, or from a request that reached 11 Länder, linked
 * to it), each with a format, place, date and start time; it can reschedule or cancel a session
 * before it opens, with a recorded reason; items not dealt with are carried to a later session.
 * The chair Land(s) and the R-AGD-6 deadlines are derived from the date (see plan.ts).
 */

/** R-SES-2: in a room, as a telephone, video or web conference, or hybrid. */
/** R-SES-2: the same formats as a session's own log (since both carry the exact one). */
export const ConferenceFormat = SessionFormat;
export type ConferenceFormat = z.infer<typeof ConferenceFormat>;
export const StartTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** R-SES-1 sessions of the DMK, and R-AGR-1 meetings of its Arbeitsgremium (the chair Land invites). */
export const ConferenceSessionKind = z.enum(['regular', 'extraordinary', 'arbeitsgremium']);
export type ConferenceSessionKind = z.infer<typeof ConferenceSessionKind>;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

export const ConferenceCommandSchema = z.discriminatedUnion('type', [
  /** R-CHR-3: a deviation from the rotation, valid only with the agreement of all Länder. */
  cmd('recordChairDeviation', {
    years: z.array(z.number().int().min(2000).max(2200)).min(1).max(5),
    lands: z.array(LandCode).min(1).max(2),
    decision: ShortText,
    agreedBy: z.array(LandCode).max(64),
  }),
  /** R-SES-1/2: a new session. `requestId` links an extraordinary session to the request that reached 11. */
  cmd('createSession', {
    sessionId: Id.optional(),
    kind: ConferenceSessionKind,
    basis: z.enum(['schedule', 'chairProposal', 'request']).default('schedule'),
    requestId: Id.optional(),
    title: ShortText,
    date: IsoDate,
    startTime: StartTime,
    place: ShortText,
    format: ConferenceFormat,
  }),
  cmd('rescheduleSession', {
    sessionId: Id, date: IsoDate, startTime: StartTime.optional(), place: ShortText.optional(), format: ConferenceFormat.optional(), reason: LongText,
  }),
  cmd('cancelSession', { sessionId: Id, reason: LongText }),
  /**
   * A session whose log exists already (a data folder from before the conference existed, the
   * demo): the server records it with its own facts (actor 'system').
   */
  cmd('recordExistingSession', {
    sessionId: Id, kind: ConferenceSessionKind, title: ShortText, date: IsoDate, startTime: StartTime, place: ShortText,
    format: ConferenceFormat, chairLands: z.array(LandCode).min(1).max(2), chairDecision: ShortText.nullable(), status: z.enum(['planned', 'open', 'closed']),
  }),
  /** Reported by the server from the session's own log (actor 'system'). */
  cmd('recordSessionOpened', { sessionId: Id }),
  cmd('recordSessionClosed', { sessionId: Id }),
  /** An item not dealt with goes to a later session (the server copies it onto that session's agenda). */
  cmd('carryOverItem', { fromSessionId: Id, itemId: Id, toSessionId: Id }),
]);
export type ConferenceCommand = z.infer<typeof ConferenceCommandSchema>;

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });

export const ConferenceEventSchema = z.discriminatedUnion('type', [
  ev('ChairDeviationRecorded', { deviationId: Id, years: z.array(z.number().int()), lands: z.array(LandCode), decision: ShortText, agreedBy: z.array(LandCode) }),
  ev('SessionCreated', {
    sessionId: Id, kind: ConferenceSessionKind, basis: z.enum(['schedule', 'chairProposal', 'request']), requestId: Id.nullable(),
    title: ShortText, date: IsoDate, startTime: StartTime, place: ShortText, format: ConferenceFormat,
    /** R-CHR-1/3: the chair in force on the date, and the deviation's decision when one gives it. */
    chairLands: z.array(LandCode), chairDecision: ShortText.nullable(),
  }),
  ev('SessionRescheduled', {
    sessionId: Id, date: IsoDate, startTime: StartTime, place: ShortText, format: ConferenceFormat, reason: LongText,
    chairLands: z.array(LandCode), chairDecision: ShortText.nullable(),
  }),
  ev('SessionCancelled', { sessionId: Id, reason: LongText }),
  ev('SessionOpened', { sessionId: Id }),
  ev('SessionClosed', { sessionId: Id }),
  ev('ItemCarriedOver', { fromSessionId: Id, itemId: Id, toSessionId: Id }),
]);
export type ConferenceEvent = z.infer<typeof ConferenceEventSchema>;
export type ConferenceEventType = ConferenceEvent['type'];
