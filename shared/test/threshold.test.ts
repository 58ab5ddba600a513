import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, yesNeeded, isQuorate } from '../src/index.ts';

describe('R-VOT-2: two thirds of the base, rounded commercially', () => {
  const table: [number, number][] = [[11, 7], [12, 8], [13, 9], [14, 9], [15, 10], [16, 11]];
  for (const [base, needed] of table) {
    it(`R-VOT-2: base ${base} → ${needed} yes needed`, () => {
      expect(yesNeeded(base, DMK_PROFILE)).toBe(needed);
    });
  }
});

describe('R-VOT-3: quorum of 11 Länder', () => {
  it('R-VOT-3: 10 present → not quorate, 11 present → quorate', () => {
    expect(isQuorate(10, DMK_PROFILE)).toBe(false);
    expect(isQuorate(11, DMK_PROFILE)).toBe(true);
  });
});
