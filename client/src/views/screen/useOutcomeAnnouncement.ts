import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { explanationText } from '@plenum/shared/src/explain.ts';
import { useLang } from '../../i18n/index.ts';
import { announce } from '../common/announcer.tsx';

/**
 * Says the result through the page's polite live region when a round this screen saw open is
 * closed or cancelled. A region inserted together with its text (the outcome banner) is not
 * reliably read by screen readers; the app's live region, present since the page loaded, is.
 */
export function useOutcomeAnnouncement(vote: VoteRound) {
  const { t } = useTranslation();
  const lang = useLang();
  const seenOpen = useRef<string | null>(null);
  useEffect(() => {
    if (vote.status === 'open') {
      seenOpen.current = vote.id;
      return;
    }
    if (seenOpen.current !== vote.id) return;
    seenOpen.current = null;
    const e = vote.explanation;
    if (vote.status === 'cancelled' || !e) {
      announce(t('screen.cancelledAnnouncement', { word: t('outcome.cancelled') }));
      return;
    }
    announce(t('screen.outcomeAnnouncement', { word: t(`outcome.${e.outcome}`), method: t(`method.${e.method}`), explanation: explanationText(e, lang) }));
  }, [vote, t, lang]);
}
