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

const LANDS: Land[] = [
  { code: 'BW', name: 'Baden-Württemberg', nameEn: 'Baden-Württemberg' },
  { code: 'BY', name: 'Bayern', nameEn: 'Bavaria' },
  { code: 'BE', name: 'Berlin', nameEn: 'Berlin' },
  { code: 'BB', name: 'Brandenburg', nameEn: 'Brandenburg' },
  { code: 'HB', name: 'Bremen', nameEn: 'Bremen' },
  { code: 'HH', name: 'Hamburg', nameEn: 'Hamburg' },
  { code: 'HE', name: 'Hessen', nameEn: 'Hesse' },
  { code: 'MV', name: 'Mecklenburg-Vorpommern', nameEn: 'Mecklenburg-Western Pomerania' },
  { code: 'NI', name: 'Niedersachsen', nameEn: 'Lower Saxony' },
  { code: 'NW', name: 'Nordrhein-Westfalen', nameEn: 'North Rhine-Westphalia' },
  { code: 'RP', name: 'Rheinland-Pfalz', nameEn: 'Rhineland-Palatinate' },
  { code: 'SL', name: 'Saarland', nameEn: 'Saarland' },
  { code: 'SN', name: 'Sachsen', nameEn: 'Saxony' },
  { code: 'ST', name: 'Sachsen-Anhalt', nameEn: 'Saxony-Anhalt' },
  { code: 'SH', name: 'Schleswig-Holstein', nameEn: 'Schleswig-Holstein' },
  { code: 'TH', name: 'Thüringen', nameEn: 'Thuringia' },
];

/** R-CHR-1: decision TOP 2 b of the 1st DMK. */
const DMK_ROTATION: ChairTerm[] = [
  { year: 2024, lands: ['BE', 'BB'] },
  { year: 2025, lands: ['RP'] },
  { year: 2026, lands: ['HH'] },
  { year: 2027, lands: ['HE'] },
  { year: 2028, lands: ['MV'] },
  { year: 2029, lands: ['NI'] },
  { year: 2030, lands: ['NW'] },
  { year: 2031, lands: ['HB'] },
  { year: 2032, lands: ['SL'] },
  { year: 2033, lands: ['SN'] },
  { year: 2034, lands: ['ST'] },
  { year: 2035, lands: ['SH'] },
  { year: 2036, lands: ['TH'] },
  { year: 2037, lands: ['BW'] },
  { year: 2038, lands: ['BY'] },
  { year: 2039, lands: ['BE'] },
  { year: 2040, lands: ['BB'] },
];

export const DMK_PROFILE: RulesProfile = RulesProfileSchema.parse({
  id: 'dmk',
  name: 'Digitalministerkonferenz',
  lands: LANDS,
  quorum: 11,
  qualifiedMajority: { numerator: 2, denominator: 3 },
  chairRotation: DMK_ROTATION,
  circular: { objectionWorkingDays: 5, agreementsNeeded: 11 },
  extraordinaryRequestsNeeded: 11,
  agendaDeadlinesWeeks: { draftAgenda: 6, proposals: 4, finalPapers: 3 },
  protocolWeeks: { draftDue: 2, objections: 2 },
  interpretations: {
    abstentionBlocksConsensus: false,
    consensusRequiresYes: true,
    transferredCountsForQuorum: false,
    transferChainsAllowed: false,
    recordRepresentativeConflicts: true,
    shortNoticeMajority: 'moreYesThanNo',
    bundesratProcedureByQualifiedMajorityOnly: true,
    workingDaysHolidays: 'nationwideAndChairLand',
    baseFrozenAtOpen: true,
  },
});

export function landName(profile: RulesProfile, code: LandCode, lang: 'de' | 'en' = 'de'): string {
  const land = profile.lands.find((l) => l.code === code);
  if (!land) return code;
  return lang === 'en' ? land.nameEn : land.name;
}
