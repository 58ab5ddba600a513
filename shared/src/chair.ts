import type { LandCode, RulesProfile } from './profile.ts';

/**
 * R-CHR-1 / R-CHR-3: the chair Land(s) in force for a date.
 *
 * 1. A recorded deviation (R-CHR-3) that covers the year and was agreed by all Länder of the
 *    profile wins; a deviation recorded later overrides an earlier one for the same year.
 * 2. Otherwise the rotation table (decision TOP 2 b: 2024–2040).
 * 3. After the table's last year the cycle `profile.chairCycle` repeats (interpretation: the
 *    16-year cycle 2025–2040, so 2041 Rheinland-Pfalz, 2042 Hamburg, …).
 *
 * "Danach geht der Vorsitz auf das in der ursprünglichen Reihenfolge nachfolgende Land über"
 * (GO 2.1) is read by year: a deviation replaces only the years it names; the year after it has
 * the Land the original order gives that year, not the Land after the deviating one. A Land
 * displaced by a deviation gets a year back only through another recorded deviation (a swap is
 * two deviations). This module is zod-free so the client bundle can use it.
 */
export interface ChairDeviation {
  /** Calendar years the deviation covers. */
  years: number[];
  /** The Land(s) taking the chair in those years (a joint chair: two). */
  lands: LandCode[];
  /** The recorded decision, e.g. "Beschluss der 3. DMK, TOP 4". */
  decision: string;
  /** The Länder that agreed; valid only with every Land of the conference (einvernehmlich). */
  agreedBy: LandCode[];
}

export type ChairProfile = Pick<RulesProfile, 'chairRotation' | 'chairCycle' | 'lands'>;

export interface ChairInForce {
  year: number;
  lands: LandCode[];
  /** The deviation that gives this chair, or null when the rotation gives it. */
  deviation: ChairDeviation | null;
}

/** R-CHR-3: a deviation counts only with the agreement of all Länder of the conference. */
export function agreedByAll(deviation: Pick<ChairDeviation, 'agreedBy'>, profile: Pick<RulesProfile, 'lands'>): boolean {
  const agreed = new Set(deviation.agreedBy);
  return profile.lands.every((l) => agreed.has(l.code));
}

/** The Länder that have not (yet) agreed to a deviation. */
export function missingAgreements(deviation: Pick<ChairDeviation, 'agreedBy'>, profile: Pick<RulesProfile, 'lands'>): LandCode[] {
  const agreed = new Set(deviation.agreedBy);
  return profile.lands.map((l) => l.code).filter((code) => !agreed.has(code));
}

/** R-CHR-1: the chair of a year by the original order alone (table, then the repeating cycle). */
export function rotationChairFor(year: number, profile: Pick<RulesProfile, 'chairRotation' | 'chairCycle'>): LandCode[] | null {
  const term = profile.chairRotation.find((t) => t.year === year);
  if (term) return [...term.lands];
  const cycle = profile.chairCycle;
  const lastYear = Math.max(...profile.chairRotation.map((t) => t.year));
  if (!cycle || !Number.isFinite(lastYear) || year <= lastYear) return null;
  const length = cycle.toYear - cycle.fromYear + 1;
  if (length < 1) return null;
  const inCycle = cycle.fromYear + ((year - cycle.fromYear) % length);
  const repeated = profile.chairRotation.find((t) => t.year === inCycle);
  return repeated ? [...repeated.lands] : null;
}

/** R-CHR-1/3: the chair in force on `date` (YYYY-MM-DD, or an ISO instant's date part), deviations included. */
export function chairInForce(date: string, profile: ChairProfile, deviations: readonly ChairDeviation[] = []): ChairInForce | null {
  const year = chairPeriodOf(date);
  let deviation: ChairDeviation | null = null;
  for (const d of deviations) if (d.years.includes(year) && agreedByAll(d, profile)) deviation = d;
  if (deviation) return { year, lands: [...deviation.lands], deviation };
  const lands = rotationChairFor(year, profile);
  return lands ? { year, lands, deviation: null } : null;
}

/**
 * R-CHR-1/3: the chair Land(s) of a session, derived from its date (YYYY-MM-DD). Returns null for
 * a year neither the table, the cycle nor a deviation covers (e.g. before 2024).
 */
export function chairLandsFor(date: string, profile: ChairProfile, deviations: readonly ChairDeviation[] = []): LandCode[] | null {
  return chairInForce(date, profile, deviations)?.lands ?? null;
}

/** R-MEM-1: the roster is kept per chair period, which is a calendar year. */
export function chairPeriodOf(date: string): number {
  return Number(date.slice(0, 4));
}
