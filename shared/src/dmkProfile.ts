import type { ChairTerm, Land, LandCode, RulesProfile } from './profile.ts';

/**
 * The DMK rules profile as plain data, with no zod at runtime: the browser bundle imports this
 * module (and landName) without pulling in the schemas. shared/test/profile.test.ts checks that
 * it satisfies RulesProfileSchema.
 */

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

export const DMK_PROFILE: RulesProfile = {
  id: 'dmk',
  name: 'Digitalministerkonferenz',
  lands: LANDS,
  quorum: 11,
  qualifiedMajority: { numerator: 2, denominator: 3 },
  chairRotation: DMK_ROTATION,
  chairCycle: { fromYear: 2025, toYear: 2040 },
  circular: { objectionWorkingDays: 5, agreementsNeeded: 11 },
  extraordinaryRequestsNeeded: 11,
  agendaDeadlinesWeeks: { draftAgenda: 6, proposals: 4, finalPapers: 3 },
  protocolWeeks: { draftDue: 2, objections: 2 },
  interpretations: {
    abstentionBlocksConsensus: false,
    consensusRequiresYes: true,
    silenceBlocksConsensus: true,
    transferredCountsForQuorum: false,
    transferChainsAllowed: false,
    recordRepresentativeConflicts: true,
    shortNoticeMajority: 'moreYesThanNo',
    bundesratProcedureByQualifiedMajorityOnly: true,
    workingDaysHolidays: 'nationwideAndChairLand',
    baseFrozenAtOpen: true,
  },
};

export function landName(profile: RulesProfile, code: LandCode, lang: 'de' | 'en' = 'de'): string {
  const land = profile.lands.find((l) => l.code === code);
  if (!land) return code;
  return lang === 'en' ? land.nameEn : land.name;
}
