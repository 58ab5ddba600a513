import type { LandCode, RulesProfile } from './profile.ts';

/**
 * R-CHR-1: the chair Land(s) of a session, derived from its date (YYYY-MM-DD) by the rotation table.
 * Returns null for a year outside the table: the office then records the chair as a deviation.
 */
export function chairLandsFor(date: string, profile: Pick<RulesProfile, 'chairRotation'>): LandCode[] | null {
  const year = Number(date.slice(0, 4));
  const term = profile.chairRotation.find((t) => t.year === year);
  return term ? [...term.lands] : null;
}

/** R-MEM-1: the roster is kept per chair period, which is a calendar year. */
export function chairPeriodOf(date: string): number {
  return Number(date.slice(0, 4));
}
