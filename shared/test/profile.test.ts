import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, RulesProfileSchema, landName } from '../src/index.ts';

// DMK_PROFILE is a plain typed object (the client bundles it without zod); the schema checks it here.
describe('DMK profile', () => {
  it('satisfies RulesProfileSchema exactly (no field dropped or defaulted by parsing)', () => {
    expect(RulesProfileSchema.parse(DMK_PROFILE)).toEqual(DMK_PROFILE);
  });

  it('R-MEM-1: 16 Länder with distinct codes; R-VOT-3: quorum 11; R-VOT-2: two thirds', () => {
    expect(new Set(DMK_PROFILE.lands.map((l) => l.code)).size).toBe(16);
    expect(DMK_PROFILE.quorum).toBe(11);
    expect(DMK_PROFILE.qualifiedMajority).toEqual({ numerator: 2, denominator: 3 });
  });

  it('R-CHR-1: every rotation Land is one of the 16', () => {
    const codes = new Set(DMK_PROFILE.lands.map((l) => l.code));
    for (const term of DMK_PROFILE.chairRotation) for (const land of term.lands) expect(codes.has(land)).toBe(true);
  });

  it('landName in German and English, unknown code as itself', () => {
    expect(landName(DMK_PROFILE, 'BY')).toBe('Bayern');
    expect(landName(DMK_PROFILE, 'BY', 'en')).toBe('Bavaria');
    expect(landName(DMK_PROFILE, 'XX')).toBe('XX');
  });
});
