import { getHolidays } from 'feiertagejs';
import type { LandCode, RulesProfile } from '../profile.ts';
import { addCalendarDays, berlinDate, endOfBerlinDay, weekdayOf } from './berlinTime.ts';

/**
 * R-CIR-1: working days are Monday to Friday, excluding public holidays nationwide and in the
 * chair Land(s) (interpretation `workingDaysHolidays`). Holidays come from feiertagejs; one-off
 * holidays that it does not know are listed here.
 *
 * Reading for Bavaria: feiertagejs counts Assumption (15 August) for all of Bavaria, where the law
 * makes it a holiday in predominantly Catholic communities (Munich among them). We keep it: a
 * longer objection period never cuts a Land's right short.
 */
const ONE_OFF_HOLIDAYS: Record<string, string[]> = {
  // Berlin: 75th/80th anniversary of the end of the war; 75th anniversary of 17 June 1953.
  BE: ['2020-05-08', '2025-05-08', '2028-06-17'],
};

const GERMAN_LANDS = new Set(['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']);

/** Holiday dates per year and region, computed once: the scheduler and deciders ask often. */
const cache = new Map<string, ReadonlySet<string>>();
function holidaysOf(year: number, region: string): ReadonlySet<string> {
  const key = `${year}:${region}`;
  let set = cache.get(key);
  if (!set) {
    const dates = getHolidays(year, region as 'BUND').map((h) => h.dateString);
    set = new Set([...dates, ...(ONE_OFF_HOLIDAYS[region] ?? []).filter((d) => d.startsWith(`${year}-`))]);
    cache.set(key, set);
  }
  return set;
}

/** Whether a calendar date (YYYY-MM-DD) is a public holiday nationwide or in one of `lands`. */
export function isPublicHoliday(date: string, lands: readonly LandCode[]): boolean {
  const year = Number(date.slice(0, 4));
  if (holidaysOf(year, 'BUND').has(date)) return true;
  return lands.some((land) => GERMAN_LANDS.has(land) && holidaysOf(year, land).has(date));
}

/** R-CIR-1: Monday to Friday and no public holiday nationwide or in `lands`. */
export function isWorkingDay(date: string, lands: readonly LandCode[]): boolean {
  const day = weekdayOf(date);
  return day !== 0 && day !== 6 && !isPublicHoliday(date, lands);
}

/** The Länder whose holidays count, by the profile's reading of R-CIR-1. */
export function holidayLandsFor(profile: Pick<RulesProfile, 'interpretations'>, chairLands: readonly LandCode[]): LandCode[] {
  return profile.interpretations.workingDaysHolidays === 'nationwideAndChairLand' ? [...chairLands] : [];
}

/**
 * The calendar date of the n-th working day after the Berlin date of `start`. The day of the
 * triggering event does not count (§ 187 (1) BGB).
 */
export function nthWorkingDayAfter(start: string | Date, n: number, lands: readonly LandCode[]): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  let date = berlinDate(start);
  let counted = 0;
  while (counted < n) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, lands)) counted += 1;
  }
  return date;
}

/**
 * R-CIR-1: the end of a period of `n` working days that starts the day after `start`: the last
 * millisecond of the n-th working day in Berlin (§ 188 (1) BGB), as an ISO instant.
 */
export function addWorkingDays(start: string | Date, n: number, lands: readonly LandCode[]): string {
  return endOfBerlinDay(nthWorkingDayAfter(start, n, lands));
}

/**
 * A period of whole weeks after an event (§ 188 (2) BGB): it ends at the end of the day that
 * falls on the same weekday `weeks` weeks later. Used for R-PRT-2.
 */
export function addWeeks(start: string | Date, weeks: number): string {
  return endOfBerlinDay(addCalendarDays(berlinDate(start), 7 * weeks));
}

/**
 * § 193 BGB: when the last day of a period falls on a Saturday, Sunday or a public holiday (at the
 * place of the declaration: nationwide or in `lands`), the next working day takes its place.
 */
export function bgb193(date: string, lands: readonly LandCode[]): string {
  let d = date;
  while (!isWorkingDay(d, lands)) d = addCalendarDays(d, 1);
  return d;
}

/** `addWeeks` with § 193 BGB: the end of the last day of the period, moved off weekends and holidays. */
export function addWeeksBgb193(start: string | Date, weeks: number, lands: readonly LandCode[]): string {
  return endOfBerlinDay(bgb193(addCalendarDays(berlinDate(start), 7 * weeks), lands));
}
