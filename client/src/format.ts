import type { LandCode, RulesProfile } from '@plenum/shared';
import { landName } from '@plenum/shared/src/dmkProfile.ts';
import type { Lang } from './i18n/index.ts';

/** Dates, times and numbers through Intl, in the UI language. */
const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'de-DE');

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A calendar date (YYYY-MM-DD), shown without a time zone shift. */
export function formatDate(isoDate: string | null | undefined, lang: Lang): string {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Land names from the rules profile; 'BUND' is the federal government (standing report, R-AGD-5). */
export function landLabel(profile: RulesProfile, code: LandCode, lang: Lang, bund: string): string {
  return code === 'BUND' ? bund : landName(profile, code, lang);
}
