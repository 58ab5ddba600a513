import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { explanationText } from '@plenum/shared/src/explain.ts';
import { useLang } from '../../i18n/index.ts';
import { useMeeting } from '../../store/index.ts';
import { motionLabel } from './MotionLabel.ts';

/** A shape beside the word, so the outcome does not rest on colour alone. */
const SYMBOL: Record<string, string> = { adopted: '✓', rejected: '✗', notDecided: '–', cancelled: '–' };

/**
 * The result of a closed round with its explanation as the rules produced it (rule, numbers, outcome).
 * `banner`: the room screen's form — word and method on one large line, the explanation in large
 * plain type; the heading and the motion stay for screen readers only (the screen shows the item above).
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
  return (
    <section className={`outcome outcome-${outcome} ${banner ? 'outcome-banner' : ''}`} data-testid="outcome" data-outcome={outcome} aria-live="polite">
      <H className={hidden || undefined}>{t('outcome.heading')}</H>
      <p className={`outcome-motion ${hidden}`}>{motionLabel(t, state, vote.motion)}</p>
      <p className="outcome-headline">
        {banner && <span className="outcome-symbol" aria-hidden="true">{SYMBOL[outcome]}</span>}
        <span className="outcome-word">{t(`outcome.${outcome}`)}</span>
        {e && <span className="outcome-method">{t(`method.${e.method}`)}</span>}
      </p>
      {e && <p className="explanation" data-testid="explanation">{explanationText(e, lang)}</p>}
    </section>
  );
}
