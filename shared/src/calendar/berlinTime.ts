/**
 * Local dates in Europe/Berlin without a time-zone library: Intl knows the offsets, and German
 * midnight always exists (clocks change at 02:00/03:00), so "start of a Berlin day" is exact.
 */

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The Berlin calendar date (YYYY-MM-DD) of an instant. */
export function berlinDate(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid instant: ${String(instant)}`);
  return dateFormat.format(d);
}

/** Add whole calendar days to a YYYY-MM-DD date. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant 00:00 of a Berlin calendar date (offset +01:00 or +02:00). */
export function startOfBerlinDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d) - offsetHours * 3_600_000);
    if (dateFormat.format(candidate) === date && timeFormat.format(candidate) === '00:00') return candidate;
  }
  throw new RangeError(`no Berlin midnight for ${date}`);
}

/** The last millisecond (23:59:59.999) of a Berlin calendar date, as an ISO instant. */
export function endOfBerlinDay(date: string): string {
  return new Date(startOfBerlinDay(addCalendarDays(date, 1)).getTime() - 1).toISOString();
}

/** The Berlin wall-clock time (HH:MM) of an instant. */
export function berlinTimeOfDay(instant: string | Date): string {
  return timeFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}
