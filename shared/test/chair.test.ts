import { describe, expect, it } from 'vitest';
import {
  DMK_PROFILE, chairInForce, chairLandsFor, missingAgreements, rotationChairFor, type ChairDeviation,
} from '../src/index.ts';

const ALL = DMK_PROFILE.lands.map((l) => l.code);

/** Decision TOP 2 b of the 1st DMK, written out by hand from the seed, not read from the profile. */
const TOP_2B: [number, string[]][] = [
  [2024, ['BE', 'BB']], [2025, ['RP']], [2026, ['HH']], [2027, ['HE']], [2028, ['MV']], [2029, ['NI']],
  [2030, ['NW']], [2031, ['HB']], [2032, ['SL']], [2033, ['SN']], [2034, ['ST']], [2035, ['SH']],
  [2036, ['TH']], [2037, ['BW']], [2038, ['BY']], [2039, ['BE']], [2040, ['BB']],
];

describe('R-CHR-1: the chair for every year of the table', () => {
  for (const [year, lands] of TOP_2B) {
    it(`R-CHR-1: ${year} → ${lands.join(' und ')}`, () => {
      expect(chairLandsFor(`${year}-06-15`, DMK_PROFILE)).toEqual(lands);
      // The whole calendar year, first and last day.
      expect(chairLandsFor(`${year}-01-01`, DMK_PROFILE)).toEqual(lands);
      expect(chairLandsFor(`${year}-12-31`, DMK_PROFILE)).toEqual(lands);
    });
  }
  it('R-CHR-1: before 2024 there is no chair (no rotation, no deviation)', () => {
    expect(chairLandsFor('2023-12-31', DMK_PROFILE)).toBeNull();
  });
});

describe('R-CHR-1: after 2040 the 16-year cycle 2025–2040 repeats', () => {
  const after: [number, string][] = [
    [2041, 'RP'], [2042, 'HH'], [2043, 'HE'], [2044, 'MV'], [2050, 'ST'], [2055, 'BE'], [2056, 'BB'], [2057, 'RP'], [2058, 'HH'], [2072, 'BB'], [2073, 'RP'],
  ];
  for (const [year, land] of after) {
    it(`R-CHR-1: ${year} → ${land}`, () => {
      expect(chairLandsFor(`${year}-03-01`, DMK_PROFILE)).toEqual([land]);
    });
  }
  it('R-CHR-1: each Land chairs exactly once in every 16 years after 2040', () => {
    for (const start of [2041, 2057, 2100]) {
      const lands = Array.from({ length: 16 }, (_, i) => rotationChairFor(start + i, DMK_PROFILE)![0]);
      expect(new Set(lands).size).toBe(16);
    }
  });
  it('R-CHR-1: without a cycle setting no chair follows the table', () => {
    expect(chairLandsFor('2041-03-01', { ...DMK_PROFILE, chairCycle: null })).toBeNull();
  });
});

describe('R-CHR-3: deviations agreed by all 16, then the original order', () => {
  const niIn2027: ChairDeviation = { years: [2027], lands: ['NI'], decision: 'Beschluss der 5. DMK, TOP 3', agreedBy: ALL };

  it('R-CHR-3: a deviation agreed by all gives its year to the named Land', () => {
    expect(chairLandsFor('2027-05-01', DMK_PROFILE, [niIn2027])).toEqual(['NI']);
    expect(chairInForce('2027-05-01', DMK_PROFILE, [niIn2027])?.deviation).toBe(niIn2027);
  });
  it('R-CHR-3: after the deviation the chair passes to the Land that follows in the original order (2028 MV, not NW after NI)', () => {
    expect(chairLandsFor('2026-12-31', DMK_PROFILE, [niIn2027])).toEqual(['HH']);
    expect(chairLandsFor('2028-01-01', DMK_PROFILE, [niIn2027])).toEqual(['MV']);
    expect(chairLandsFor('2029-01-01', DMK_PROFILE, [niIn2027])).toEqual(['NI']);
    expect(chairInForce('2028-01-01', DMK_PROFILE, [niIn2027])?.deviation).toBeNull();
  });
  it('R-CHR-3: a deviation without the agreement of all 16 has no effect', () => {
    const fifteen: ChairDeviation = { ...niIn2027, agreedBy: ALL.filter((l) => l !== 'BY') };
    expect(missingAgreements(fifteen, DMK_PROFILE)).toEqual(['BY']);
    expect(chairLandsFor('2027-05-01', DMK_PROFILE, [fifteen])).toEqual(['HE']);
  });
  it('R-CHR-3: a swap is two deviations; several years; a joint chair; a later deviation overrides an earlier one', () => {
    const swap: ChairDeviation[] = [
      { years: [2030], lands: ['HB'], decision: 'Tausch', agreedBy: ALL },
      { years: [2031], lands: ['NW'], decision: 'Tausch', agreedBy: ALL },
    ];
    expect([2029, 2030, 2031, 2032].map((y) => chairLandsFor(`${y}-02-01`, DMK_PROFILE, swap))).toEqual([['NI'], ['HB'], ['NW'], ['SL']]);
    const twoYears: ChairDeviation = { years: [2033, 2034], lands: ['SN', 'ST'], decision: 'gemeinsam', agreedBy: ALL };
    expect(chairLandsFor('2034-02-01', DMK_PROFILE, [twoYears])).toEqual(['SN', 'ST']);
    expect(chairLandsFor('2035-02-01', DMK_PROFILE, [twoYears])).toEqual(['SH']);
    const later: ChairDeviation = { years: [2027], lands: ['HB'], decision: 'Änderung', agreedBy: ALL };
    expect(chairLandsFor('2027-02-01', DMK_PROFILE, [niIn2027, later])).toEqual(['HB']);
  });
  it('R-CHR-3: a deviation after 2040 replaces the cycle for its year only', () => {
    const d: ChairDeviation = { years: [2041], lands: ['BW'], decision: 'x', agreedBy: ALL };
    expect(chairLandsFor('2041-02-01', DMK_PROFILE, [d])).toEqual(['BW']);
    expect(chairLandsFor('2042-02-01', DMK_PROFILE, [d])).toEqual(['HH']);
  });
});
