import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { explanationText } from '@plenum/shared/src/explain.ts';
import { useLang } from '../../i18n/index.ts';
import { useMeeting } from '../../store/index.ts';
import { motionLabel } from './MotionLabel.ts';
import { outcomeWords } from './outcomeText.ts';

/** A shape beside the word, so the outcome does not rest on colour alone. */
const SYMBOL: Record<string, string> = { adopted: '✓', rejected: '✗', notDecided: '–', cancelled: '–' };

/**
 * The result of a closed round in plain words ("Angenommen mit 11 von 16 Stimmen
 * (Zweidrittelmehrheit erreicht)"), the counts, and — behind a details control — the rule and the
 * calculation as the rules produced them (rule ID, base, needed).
 * `banner`: the room screen's form — the sentence on one large line; the heading and the motion stay
 * for screen readers only (the screen shows the item above).
 */
export function Outcome({ vote, headingLevel = 2, banner = false }: { vote: VoteRound; headingLevel?: 2 | 3; banner?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMeeting((s) => s.state);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (vote.status === 'open') return null;
  const hidden = banner ? 'visually-hidden' : '';
  const outcome = vote.status === 'cancelled' || !vote.explanation ? 'cancelled' : vote.explanation.outcome;
  const e = outcome === 'cancelled' ? null : vote.explanation;
  const { word, detail } = outcomeWords(t, e, outcome === 'cancelled');
  return (
    <section className={`outcome outcome-${outcome} ${banner ? 'outcome-banner' : ''}`} data-testid="outcome" data-outcome={outcome} aria-live="polite">
      <H className={hidden || undefined}>{t('outcome.heading')}</H>
      <p className={`outcome-motion ${hidden}`}>{motionLabel(t, state, vote.motion)}</p>
      <p className="outcome-headline">
        {banner && <span className="outcome-symbol" aria-hidden="true">{SYMBOL[outcome]}</span>}
        <span className="outcome-word">{word}</span>
        {detail && <span className="outcome-method" data-testid="outcome-detail">{detail}</span>}
      </p>
      {/* The room screen shows the counts in its bars beside the banner. */}
      {e && !banner && (
        <p className="outcome-counts" data-testid="outcome-counts">
          {t('outcome.counts', { yes: e.yes, no: e.no, abstain: e.abstain })}
          {e.notVoted > 0 && ` · ${t('outcome.notVoted', { count: e.notVoted })}`}
        </p>
      )}
      {e && (
        <details className="outcome-details">
          <summary>{t('outcome.details')}</summary>
          <p className="explanation" data-testid="explanation">{explanationText(e, lang)}</p>
        </details>
      )}
    </section>
  );
}
