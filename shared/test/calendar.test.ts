import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Holidays from 'date-holidays';
import {
  addWorkingDays, addWeeks, berlinDate, endOfBerlinDay, holidayLandsFor, isWorkingDay, nthWorkingDayAfter,
} from '../src/calendar/index.ts';
import { DMK_PROFILE } from '../src/profile.ts';

const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

/**
 * An independent working-day computation: date-holidays as the holiday source, a plain loop over
 * UTC dates. The one documented difference: we count 15 August in Bavaria (see workingDays.ts).
 */
const holidayCache = new Map<string, Set<string>>();
function referenceHolidays(land: string | null, year: number): Set<string> {
  const key = `${land ?? 'DE'}-${year}`;
  let set = holidayCache.get(key);
  if (!set) {
    const hd = land ? new Holidays('DE', land) : new Holidays('DE');
    set = new Set(hd.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    if (land === 'BY') set.add(`${year}-08-15`);
    holidayCache.set(key, set);
  }
  return set;
}
function referenceIsWorkingDay(date: string, lands: readonly string[]): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (day === 0 || day === 6) return false;
  const year = Number(date.slice(0, 4));
  if (referenceHolidays(null, year).has(date)) return false;
  return !lands.some((l) => referenceHolidays(l, year).has(date));
}
function referenceDeadlineDate(startDate: string, n: number, lands: readonly string[]): string {
  let t = Date.parse(`${startDate}T12:00:00Z`);
  let counted = 0;
  let date = startDate;
  while (counted < n) {
    t += 86_400_000;
    date = new Date(t).toISOString().slice(0, 10);
    if (referenceIsWorkingDay(date, lands)) counted += 1;
  }
  return date;
}

describe('working-day calendar (R-CIR-1)', () => {
  it('R-CIR-1: property — matches an independent date-holidays computation for random instants, Länder and lengths', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2040-11-30T00:00:00Z'), noInvalidDate: true }),
        fc.subarray([...LANDS], { maxLength: 2 }),
        fc.integer({ min: 1, max: 15 }),
        (instant, lands, n) => {
          const startDate = berlinDate(instant);
          const expected = referenceDeadlineDate(startDate, n, lands);
          expect(nthWorkingDayAfter(instant, n, lands)).toBe(expected);
          expect(addWorkingDays(instant, n, lands)).toBe(endOfBerlinDay(expected));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('R-CIR-1: property — isWorkingDay agrees with the reference for every Land on random dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2040, 11, 31) }),
        fc.constantFrom(...LANDS),
        (t, land) => {
          const date = new Date(t).toISOString().slice(0, 10);
          expect(isWorkingDay(date, [land])).toBe(referenceIsWorkingDay(date, [land]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('Easter 2024: Good Friday (29 Mar) and Easter Monday (1 Apr) are not working days anywhere', () => {
    for (const land of LANDS) {
      expect(isWorkingDay('2024-03-29', [land])).toBe(false);
      expect(isWorkingDay('2024-04-01', [land])).toBe(false);
    }
    expect(isWorkingDay('2024-03-28', [])).toBe(true);
    expect(isWorkingDay('2024-04-02', [])).toBe(true);
  });

  it('R-CIR-1: 5 working days from Wednesday before Easter 2024 skip Good Friday, the weekend and Easter Monday', () => {
    // Wed 27 Mar → Thu 28 (1), Fri 29 holiday, Mon 1 Apr holiday, Tue 2 (2), Wed 3 (3), Thu 4 (4), Fri 5 (5)
    expect(nthWorkingDayAfter('2024-03-27T10:00:00+01:00', 5, ['BE', 'BB'])).toBe('2024-04-05');
    expect(addWorkingDays('2024-03-27T10:00:00+01:00', 5, ['BE', 'BB'])).toBe('2024-04-05T21:59:59.999Z');
  });

  it('Ascension (9 May 2024) and Whit Monday (20 May 2024) are nationwide holidays', () => {
    expect(isWorkingDay('2024-05-09', [])).toBe(false);
    expect(isWorkingDay('2024-05-20', [])).toBe(false);
    expect(nthWorkingDayAfter('2024-05-08T09:00:00+02:00', 1, [])).toBe('2024-05-10');
  });

  it('Corpus Christi (30 May 2024): holiday in BW, BY, HE, NW, RP, SL; working day in BE and HH', () => {
    for (const land of ['BW', 'BY', 'HE', 'NW', 'RP', 'SL']) expect(isWorkingDay('2024-05-30', [land])).toBe(false);
    for (const land of ['BE', 'HH']) expect(isWorkingDay('2024-05-30', [land])).toBe(true);
    expect(isWorkingDay('2024-05-30', [])).toBe(true);
  });

  it('Reformation Day (Thu 31 Oct 2024): holiday in BB, HB, HH, MV, NI, SN, ST, SH, TH; not in BE, BW', () => {
    for (const land of ['BB', 'HB', 'HH', 'MV', 'NI', 'SN', 'ST', 'SH', 'TH']) expect(isWorkingDay('2024-10-31', [land])).toBe(false);
    for (const land of ['BE', 'BW']) expect(isWorkingDay('2024-10-31', [land])).toBe(true);
  });

  it('R-CIR-1: the joint chair 2024 (BE+BB) counts Brandenburg holidays: Reformation Day extends the period', () => {
    // Tue 29 Oct 2024: Wed 30 (1), Thu 31 holiday in BB, Fri 1 Nov (2), Mon 4 (3), Tue 5 (4), Wed 6 (5)
    expect(nthWorkingDayAfter('2024-10-29T12:00:00+01:00', 5, ['BE', 'BB'])).toBe('2024-11-06');
    expect(nthWorkingDayAfter('2024-10-29T12:00:00+01:00', 5, ['BE'])).toBe('2024-11-05');
  });

  it('R-CIR-1: the period starts the day after the event, in Berlin time (§ 187 BGB)', () => {
    // 23:30 UTC on Mon 15 Jan 2024 is already Tue 16 Jan in Berlin: day 1 is Wed 17 Jan.
    expect(nthWorkingDayAfter('2024-01-15T23:30:00Z', 1, [])).toBe('2024-01-17');
    expect(nthWorkingDayAfter('2024-01-15T22:30:00Z', 1, [])).toBe('2024-01-16');
  });

  it('the end of a Berlin day is 23:59:59.999 local in winter and summer time', () => {
    expect(endOfBerlinDay('2024-01-10')).toBe('2024-01-10T22:59:59.999Z');
    expect(endOfBerlinDay('2024-07-10')).toBe('2024-07-10T21:59:59.999Z');
    // the day the clocks go forward (31 Mar 2024) ends at +02:00
    expect(endOfBerlinDay('2024-03-31')).toBe('2024-03-31T21:59:59.999Z');
    expect(endOfBerlinDay('2024-10-27')).toBe('2024-10-27T22:59:59.999Z');
  });

  it('a weekly period (R-PRT-2) ends at the end of the same weekday two weeks later', () => {
    expect(addWeeks('2024-04-19T15:00:00+02:00', 2)).toBe('2024-05-03T21:59:59.999Z');
  });

  it('the profile reading decides whose holidays count', () => {
    expect(holidayLandsFor(DMK_PROFILE, ['BE', 'BB'])).toEqual(['BE', 'BB']);
    const nationwideOnly = { interpretations: { ...DMK_PROFILE.interpretations, workingDaysHolidays: 'nationwideOnly' as const } };
    expect(holidayLandsFor(nationwideOnly, ['BE', 'BB'])).toEqual([]);
  });
});
