import type { LandCode, RulesProfile } from '@plenum/shared';
import { landName } from '@plenum/shared/src/dmkProfile.ts';
import type { Lang } from './i18n/index.ts';

/** Dates, times and numbers through Intl, in the UI language. */
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'de-DE');

/**
 * Every time Plenum shows is Berlin time (the conference's time, as in the protocol), with its zone,
 * whatever the device's own zone: "15:12 Uhr MESZ" / "15:12 CEST".
 */
export const TIME_ZONE = 'Europe/Berlin';

function clock(d: Date, lang: Lang, seconds: boolean): string {
  const parts = new Intl.DateTimeFormat(locale(lang), {
    hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZone: TIME_ZONE, timeZoneName: 'short',
  }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const hms = [part('hour'), part('minute'), ...(seconds ? [part('second')] : [])].join(':');
  return lang === 'de' ? `${hms} Uhr ${part('timeZoneName')}` : `${hms} ${part('timeZoneName')}`;
}

export function formatTime(iso: string | null | undefined, lang: Lang, options: { seconds?: boolean } = {}): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return clock(d, lang, options.seconds ?? false);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: TIME_ZONE }).format(d);
  return `${date}, ${clock(d, lang, false)}`;
}

/** A duration as m:ss (speaking time, vote timer); negative durations count as 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A calendar date (YYYY-MM-DD), shown without a time zone shift; `short` for narrow places (19.04.2024). */
export function formatDate(isoDate: string | null | undefined, lang: Lang, style: 'full' | 'short' = 'full'): string {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  const options: Intl.DateTimeFormatOptions = style === 'full' ? { dateStyle: 'full' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** Land names from the rules profile; 'BUND' is the federal government (standing report, R-AGD-5). */
export function landLabel(profile: RulesProfile, code: LandCode, lang: Lang, bund: string): string {
  return code === 'BUND' ? bund : landName(profile, code, lang);
}
