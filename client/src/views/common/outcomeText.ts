import type { TFunction } from 'i18next';
import type { Explanation } from '@plenum/shared';

/**
 * The outcome in plain words, as people say it: "Angenommen (Konsens)", "Angenommen mit 11 von 16
 * Stimmen (Zweidrittelmehrheit erreicht)", "Abgelehnt – 9 Ja-Stimmen, 11 erforderlich
 * (Zweidrittelmehrheit verfehlt)". `word` is the verdict alone; `detail` completes the sentence.
 * A missed majority never reads as if the majority had decided.
 */
export function outcomeWords(t: TFunction, e: Explanation | null, cancelled = false): { word: string; detail: string } {
  if (cancelled || !e) return { word: t('outcome.cancelled'), detail: '' };
  const word = t(`outcome.${e.outcome}`);
  if (e.outcome === 'notDecided' || e.method === 'none') {
    return { word, detail: t('outcome.detail.notQuorate', { present: e.quorum.present, required: e.quorum.required }) };
  }
  const adopted = e.outcome === 'adopted';
  switch (e.method) {
    case 'consensus':
      return { word, detail: t('outcome.detail.consensus') };
    case 'qualified':
      return adopted
        ? { word, detail: t('outcome.detail.qualifiedAdopted', { yes: e.yes, base: e.base }) }
        : { word, detail: t('outcome.detail.qualifiedMissed', { count: e.yes, needed: e.needed }) };
    case 'simpleMajority':
      return { word, detail: t(adopted ? 'outcome.detail.simpleAdopted' : 'outcome.detail.simpleMissed', { yes: e.yes, no: e.no }) };
  }
}

/** The whole outcome as one sentence (announcements, titles). */
export function outcomeSentence(t: TFunction, e: Explanation | null, cancelled = false): string {
  const { word, detail } = outcomeWords(t, e, cancelled);
  return detail ? `${word} ${detail}` : word;
}
