import type { RulesProfile } from './profile.ts';

/**
 * R-VOT-2: yes votes needed = the qualified majority of the base, rounded commercially (half up).
 * For two thirds: round_half_up(2/3 × base) = floor((4 × base + 3) / 6).
 * Integer arithmetic only, so 14 → 9 (9.33 rounds down) and never a float surprise.
 * Note 14 → 9 falls below an exact two thirds. That is the GO; do not "fix" it.
 */
export function yesNeeded(base: number, profile: Pick<RulesProfile, 'qualifiedMajority'>): number {
  const { numerator: n, denominator: d } = profile.qualifiedMajority;
  return Math.floor((2 * n * base + d) / (2 * d));
}

