import { z } from 'zod';

/**
 * The rules profile: everything about the rules of procedure that is data, not code.
 * The DMK profile is the default; another conference changes settings, not code.
 * Every **interpretation** of ../shared/spec/rules.md is a named setting here.
 */

export const LandCode = z.string().regex(/^[A-Z]{2,3}$/, 'land code');
export type LandCode = z.infer<typeof LandCode>;

export const LandSchema = z.object({ code: LandCode, name: z.string().min(1), nameEn: z.string().min(1) });
export type Land = z.infer<typeof LandSchema>;

export const ChairTerm = z.object({ year: z.number().int(), lands: z.array(LandCode).min(1).max(2) });
export type ChairTerm = z.infer<typeof ChairTerm>;

export const Fraction = z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() });

export const RulesProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  lands: z.array(LandSchema).min(1),
  /** R-VOT-3: Länder with entitled representatives present needed to decide. */
  quorum: z.number().int().positive(),
  /** R-VOT-2: the qualified majority, of the base, rounded commercially (half up). */
  qualifiedMajority: Fraction,
  /** R-CHR-1: the chair rotation by calendar year (joint chairs possible). */
  chairRotation: z.array(ChairTerm),
  /**
   * R-CHR-1 (interpretation): after the table's last year these years of the table repeat in order
   * (DMK: 2025–2040, each Land once). null: no chair after the table without a recorded deviation.
   */
  chairCycle: z.object({ fromYear: z.number().int(), toYear: z.number().int() }).nullable(),
  /** R-CIR-1/2: circular procedure. */
  circular: z.object({ objectionWorkingDays: z.number().int().positive(), agreementsNeeded: z.number().int().positive() }),
  /** R-SES-1: members needed to force an extraordinary session. */
  extraordinaryRequestsNeeded: z.number().int().positive(),
  /** R-AGD-6: deadlines before a regular session, in weeks before day D. */
  agendaDeadlinesWeeks: z.object({ draftAgenda: z.number().int(), proposals: z.number().int(), finalPapers: z.number().int() }),
  /** R-PRT-2: protocol workflow periods, in weeks. */
  protocolWeeks: z.object({ draftDue: z.number().int(), objections: z.number().int() }),
  interpretations: z.object({
    /** R-VOT-1: abstentions do not block consensus. */
    abstentionBlocksConsensus: z.boolean(),
    /** R-VOT-1: consensus needs at least one yes (an all-abstain round is no consensus). Added reading. */
    consensusRequiresYes: z.boolean(),
    /** R-VOT-1: consensus needs an answer (yes or abstain) from every Land of the electorate; silence sends the round to R-VOT-2. */
    silenceBlocksConsensus: z.boolean(),
    /** R-VOT-3: a Land whose vote is held by another Land counts for quorum. */
    transferredCountsForQuorum: z.boolean(),
    /** R-MEM-4: a vote held by transfer may be passed on. */
    transferChainsAllowed: z.boolean(),
    /** R-MEM-2: record a conflict when two representatives of one Land choose differently. */
    recordRepresentativeConflicts: z.boolean(),
    /** R-AGD-2: short-notice additions: simple majority = more yes than no among votes cast. */
    shortNoticeMajority: z.enum(['moreYesThanNo', 'majorityOfBase']),
    /** R-AGD-3: the Bundesrat procedural decision uses the qualified majority only (no consensus shortcut). */
    bundesratProcedureByQualifiedMajorityOnly: z.boolean(),
    /** R-CIR-1: working days exclude holidays nationwide and in the chair Land. */
    workingDaysHolidays: z.enum(['nationwideAndChairLand', 'nationwideOnly']),
    /** R-VOT-2: the base is the electorate frozen when the vote opens (R-VOT-5). Added reading. */
    baseFrozenAtOpen: z.boolean(),
  }),
});
export type RulesProfile = z.infer<typeof RulesProfileSchema>;

// The data lives in a zod-free module so that the client can import it without zod.
export { DMK_PROFILE, landName } from './dmkProfile.ts';
