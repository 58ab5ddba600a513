import { z } from 'zod';
import { LandCode } from './profile.ts';
import { ATTACHMENT_MAX_CHARS, MAX_ATTACHMENTS_PER_ITEM } from './limits.ts';

/** Schemas shared by commands, events and state: the nouns of the rules of procedure. */

/**
 * Names an object inherits ("__proto__", "constructor", "toString", …): never an id, so that no id
 * can reach a property of Object.prototype through a lookup of state.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'id').refine((id) => !RESERVED_IDS.has(id), 'reserved id');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const IsoTime = z.string().min(10).max(40);
export const ShortText = z.string().trim().min(1).max(300);
export const LongText = z.string().trim().min(1).max(20_000);

/** R-MEM-1..3: who represents a Land. Temporary deputies are named for one session. */
export const RepresentativeKind = z.enum(['member', 'permanentDeputy', 'temporaryDeputy']);
export type RepresentativeKind = z.infer<typeof RepresentativeKind>;

/** R-GST-1: kinds of guest. */
export const GuestKind = z.enum(['federalMinister', 'federalRepresentative', 'itPlrChair', 'itemGuest']);
export type GuestKind = z.infer<typeof GuestKind>;

/** `workingLevel`: a Land's representative at working level in the DMK-Arbeitsgremium (R-AGR-1); no vote. */
export const ParticipantKind = z.enum(['member', 'permanentDeputy', 'temporaryDeputy', 'guest', 'staff', 'chair', 'office', 'workingLevel']);
export type ParticipantKind = z.infer<typeof ParticipantKind>;

/** R-SES-2 */
export const AttendanceMode = z.enum(['room', 'remote']);
export type AttendanceMode = z.infer<typeof AttendanceMode>;
/**
 * R-SES-2 (GO 3.1.3: telephone or video conference): how a remote participant is connected, when
 * known. The chair's roll call records it (R-VOT-7); a device check-in leaves it open.
 */
export const RemoteChannel = z.enum(['video', 'telephone']);
export type RemoteChannel = z.infer<typeof RemoteChannel>;
/**
 * R-SES-2 (GO 3.1.3): in a room, as a telephone, video or web conference, or hybrid. Logs written
 * before telephone and web existed in the meeting hold 'video' for both (the conference's record
 * kept the exact format); the values only grew, so every old event still parses.
 */
export const SessionFormat = z.enum(['room', 'telephone', 'video', 'web', 'hybrid']);
export type SessionFormat = z.infer<typeof SessionFormat>;
/** `arbeitsgremium`: a meeting of the DMK-Arbeitsgremium (R-AGR-1): the chair Land leads, working level, no GO-5 vote. */
export const SessionKind = z.enum(['regular', 'extraordinary', 'arbeitsgremium']);
export type SessionKind = z.infer<typeof SessionKind>;

export const Choice = z.enum(['yes', 'no', 'abstain']);
export type Choice = z.infer<typeof Choice>;

/** R-VOT-7: how a vote declared orally was given: by show of hands in the room, or by roll call. */
export const OralMode = z.enum(['showOfHands', 'rollCall']);
export type OralMode = z.infer<typeof OralMode>;

/** R-AGD-1 */
export const ItemKind = z.enum(['proposal', 'report']);
export type ItemKind = z.infer<typeof ItemKind>;
export const Paragraph = z.object({ number: z.string().min(1).max(8), text: LongText });
export type Paragraph = z.infer<typeof Paragraph>;
/** R-AGD-4: state of the coordination between the chairs of DMK and IT-Planungsrat. */
export const ItPlrCoordination = z.enum(['none', 'pending', 'agreed']);
export type ItPlrCoordination = z.infer<typeof ItPlrCoordination>;
/** R-AGD-5: standing items. `bund` reports are taken note of, without a vote. */
export const StandingItem = z.enum(['none', 'landsExchange', 'bundReport']);
export type StandingItem = z.infer<typeof StandingItem>;

/** Rapporteur: Länder, or the Bund for its standing report (R-AGD-5). */
export const Rapporteur = z.union([LandCode, z.literal('BUND')]);

/**
 * R-PRT-3: a document a resolution refers to ("Anlage 1"), published with the resolution unless
 * barred. Text, not a file: it is part of the record (hashed, replayed, rendered in every export).
 * `paragraphs`: the paragraphs that refer to it (R-VOT-6: published only when one of them was
 * adopted); empty: the item as a whole refers to it.
 */
export const Attachment = z.object({
  label: z.string().trim().min(1).max(40),
  title: ShortText,
  text: z.string().trim().min(1).max(ATTACHMENT_MAX_CHARS),
  paragraphs: z.array(z.string().min(1).max(8)).max(50).default([]),
  barredFromPublication: z.boolean().default(false),
});
export type Attachment = z.infer<typeof Attachment>;

export const AgendaItemInput = z.object({
  number: z.string().trim().min(1).max(20),
  title: ShortText,
  kind: ItemKind,
  rapporteurs: z.array(Rapporteur).min(1).max(16),
  paragraphs: z.array(Paragraph).max(50).default([]),
  bundesrat: z.boolean().default(false),
  itPlr: ItPlrCoordination.default('none'),
  standing: StandingItem.default('none'),
  /** R-PRT-3: barred from publication (personal data, official secrets). */
  barredFromPublication: z.boolean().default(false),
  /**
   * R-AGD-1 / R-FUP-1: of several registering Länder, the lead Land (federführend), who also
   * tracks implementation. The decider fills it in (default: the first rapporteur Land); absent
   * in items recorded before it existed.
   */
  leadLand: LandCode.nullable().optional(),
  /** R-PRT-3: the documents the resolution refers to; absent in items recorded before they existed. */
  attachments: z.array(Attachment).max(MAX_ATTACHMENTS_PER_ITEM).optional(),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** R-MEM-4: a transfer covers named agenda items, or everything from now until revoked. */
export const TransferScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items'), itemIds: z.array(Id).min(1).max(100) }),
  z.object({ kind: z.literal('untilRevoked') }),
]);
export type TransferScope = z.infer<typeof TransferScope>;

/**
 * What a vote decides. `resolution` is the substantive vote on an item (whole, or one paragraph:
 * R-VOT-6); the others are procedural motions: admitting a short-notice item (R-AGD-2), the
 * Bundesrat procedural decision (R-AGD-3), and making the session public or not (R-SES-4).
 */
export const Motion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolution'), itemId: Id, paragraph: z.string().min(1).max(8).nullable().default(null) }),
  z.object({ kind: z.literal('admitShortNotice'), itemId: Id }),
  z.object({ kind: z.literal('bundesratProcedure'), itemId: Id }),
  z.object({ kind: z.literal('setPublic'), public: z.boolean() }),
]);
export type Motion = z.infer<typeof Motion>;

/** The rule a round is decided by, frozen when it opens (R-VOT-5). */
export const DecisionRule = z.enum(['consensusOrQualified', 'qualifiedOnly', 'simpleMajority']);
export type DecisionRule = z.infer<typeof DecisionRule>;

export const Outcome = z.enum(['adopted', 'rejected', 'notDecided']);
export type Outcome = z.infer<typeof Outcome>;

/**
 * Every decision carries its explanation as data (architecture: "explanation as data").
 * e.g. R-VOT-2: base 14, needed 9, yes 10 → adopted (qualified).
 */
export const Explanation = z.object({
  rule: z.string(),
  decisionRule: DecisionRule,
  method: z.enum(['consensus', 'qualified', 'simpleMajority', 'none']),
  base: z.number().int(),
  needed: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  notVoted: z.number().int(),
  quorum: z.object({ present: z.number().int(), required: z.number().int(), met: z.boolean() }),
  outcome: Outcome,
});
export type Explanation = z.infer<typeof Explanation>;
