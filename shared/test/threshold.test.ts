import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, yesNeeded } from '../src/index.ts';

describe('R-VOT-2: two thirds of the base, rounded commercially', () => {
  const table: [number, number][] = [[11, 7], [12, 8], [13, 9], [14, 9], [15, 10], [16, 11]];
  for (const [base, needed] of table) {
    it(`R-VOT-2: base ${base} → ${needed} yes needed`, () => {
      expect(yesNeeded(base, DMK_PROFILE)).toBe(needed);
    });
  }
});
