import { z } from 'zod';
import { ActorRole } from '../context.ts';
import { Id, IsoDate, IsoTime, LongText, ShortText } from '../model.ts';
import { LandCode } from '../profile.ts';

/**
 * A draft resolution of the DMK-Arbeitsgremium (GO 4; R-AGR-1..3): one stream per draft. Its text
 * is in numbered paragraphs; passages not yet agreed stand in brackets, each held by Länder with
 * their alternative wordings. Every step is an event with who and when, so the history replays.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

/** A passage within one paragraph: characters [start, end) of its current text. */
export const Span = z.strictObject({ start: z.number().int().min(0).max(20_000), end: z.number().int().min(1).max(20_000) });
export type Span = z.infer<typeof Span>;
/** The wording a bracket is resolved with: the bracketed text as it stands, or one of the alternatives. */
export const Wording = z.union([z.strictObject({ kind: z.literal('original') }), z.strictObject({ kind: z.literal('alternative'), alternativeId: Id })]);
export type Wording = z.infer<typeof Wording>;
export const CallAnswer = z.enum(['agree', 'hold']);
export type CallAnswer = z.infer<typeof CallAnswer>;
const ParagraphTexts = z.array(LongText).min(1).max(100);

export const DraftCommandSchema = z.discriminatedUnion('type', [
  /** R-AGR-2: a lead Land (or the office on its behalf) puts a draft resolution before the Arbeitsgremium. */
  cmd('createDraft', { title: ShortText, leadLand: LandCode.optional(), paragraphs: ParagraphTexts, assignmentId: Id.optional() }),
  cmd('joinDraft', {}),
  cmd('leaveDraft', {}),
  /** The lead Land or the office edits the text; a paragraph with open brackets is edited through them. */
  cmd('addParagraph', { text: LongText, afterParagraphId: Id.optional() }),
  cmd('editParagraph', { paragraphId: Id, text: LongText }),
  /** Any Land in the Arbeitsgremium brackets a paragraph or a span of it, optionally with its wording. */
  cmd('bracketPassage', { paragraphId: Id, span: Span.optional(), alternative: LongText.optional() }),
  cmd('joinBracket', { bracketId: Id, alternativeId: Id.optional() }),
  cmd('leaveBracket', { bracketId: Id }),
  cmd('proposeAlternative', { bracketId: Id, text: LongText }),
  /** Only when no Land holds out against the chosen wording (draft.bracketHeld otherwise). */
  cmd('resolveBracket', { bracketId: Id, wording: Wording }),
  /** Live bracket call in an Arbeitsgremium meeting: the chair asks every Land. */
  cmd('callBracket', { bracketId: Id }),
  cmd('answerBracketCall', { answer: CallAnswer }),
  cmd('endBracketCall', {}),
  /** Versions v1, v2 … cut by the office or the lead Land. */
  cmd('cutVersion', { note: ShortText.optional() }),
  /** R-AGR-3: a version becomes an agenda item's text, open brackets shown as such. */
  cmd('putVersionOnAgenda', { version: z.number().int().min(1), meetingId: Id, itemId: Id }),
]);
export type DraftCommand = z.infer<typeof DraftCommandSchema>;

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });
const ParagraphState = z.object({ id: Id, text: LongText });
export const BracketSnapshot = z.object({
  id: Id, paragraphId: Id, span: Span.nullable(), text: z.string(),
  holders: z.array(z.object({ land: LandCode, alternativeId: Id.nullable() })),
  alternatives: z.array(z.object({ id: Id, land: LandCode, text: LongText })),
});
export type BracketSnapshot = z.infer<typeof BracketSnapshot>;
export const VersionSnapshot = z.object({
  number: z.number().int().min(1), note: ShortText.nullable(),
  paragraphs: z.array(ParagraphState), openBrackets: z.array(BracketSnapshot),
});
export type VersionSnapshot = z.infer<typeof VersionSnapshot>;

/** Every event names the Land the actor acted for (null for the office, the chair or the system). */
const Land = LandCode.nullable();
export const DraftEventSchema = z.discriminatedUnion('type', [
  ev('DraftCreated', { draftId: Id, title: ShortText, leadLand: LandCode, paragraphs: z.array(ParagraphState), assignmentId: Id.nullable(), land: Land }),
  ev('DraftJoined', { land: LandCode }),
  ev('DraftLeft', { land: LandCode }),
  ev('ParagraphAdded', { paragraphId: Id, afterParagraphId: Id.nullable(), text: LongText, land: Land }),
  ev('ParagraphEdited', { paragraphId: Id, text: LongText, land: Land }),
  ev('PassageBracketed', { bracketId: Id, paragraphId: Id, span: Span.nullable(), text: z.string(), land: LandCode, alternativeId: Id.nullable(), alternative: LongText.nullable() }),
  ev('BracketJoined', { bracketId: Id, land: LandCode, alternativeId: Id.nullable() }),
  ev('BracketLeft', { bracketId: Id, land: LandCode }),
  ev('AlternativeProposed', { bracketId: Id, alternativeId: Id, land: LandCode, text: LongText }),
  /** `agreed`: the Länder on record as agreeing (left the bracket, answered "einverstanden", or held this wording). */
  ev('BracketResolved', { bracketId: Id, wording: Wording, text: z.string(), agreed: z.array(LandCode), land: Land }),
  ev('BracketCalled', { bracketId: Id }),
  ev('BracketCallAnswered', { bracketId: Id, land: LandCode, answer: CallAnswer }),
  ev('BracketCallEnded', { bracketId: Id }),
  ev('VersionCut', { version: VersionSnapshot, land: Land }),
  ev('VersionPutOnAgenda', { version: z.number().int().min(1), meetingId: Id, itemId: Id }),
]);
export type DraftEvent = z.infer<typeof DraftEventSchema>;
export type DraftEventType = DraftEvent['type'];

/** R-AGR-4: working-group assignments with a binding deadline, results submitted as drafts. */
export const AssignmentCommandSchema = z.discriminatedUnion('type', [
  cmd('assignWorkingGroup', {
    assignmentId: Id.optional(), group: ShortText, task: LongText, deadline: IsoDate,
    from: z.enum(['dmk', 'arbeitsgremium']), decision: ShortText,
  }),
  cmd('submitAssignmentResult', { assignmentId: Id, draftId: Id }),
]);
export type AssignmentCommand = z.infer<typeof AssignmentCommandSchema>;
export const AssignmentEventSchema = z.discriminatedUnion('type', [
  ev('WorkingGroupAssigned', { assignmentId: Id, group: ShortText, task: LongText, deadline: IsoDate, from: z.enum(['dmk', 'arbeitsgremium']), decision: ShortText }),
  /** `late`: submitted after the end of the deadline day (Berlin), recorded as such. */
  ev('AssignmentResultSubmitted', { assignmentId: Id, draftId: Id, land: Land, late: z.boolean() }),
]);
export type AssignmentEvent = z.infer<typeof AssignmentEventSchema>;
