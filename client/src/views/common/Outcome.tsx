import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { explanationText } from '@plenum/shared/src/explain.ts';
import { useLang } from '../../i18n/index.ts';
import { useMeeting } from '../../store/index.ts';
import { motionLabel } from './MotionLabel.ts';

/** The result of a closed round with its explanation as the rules produced it (rule, numbers, outcome). */
export function Outcome({ vote, headingLevel = 2 }: { vote: VoteRound; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMeeting((s) => s.state);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  if (vote.status === 'open') return null;
  if (vote.status === 'cancelled' || !vote.explanation) {
    return (
      <section className="outcome outcome-cancelled" data-testid="outcome" data-outcome="cancelled" aria-live="polite">
        <H>{t('outcome.heading')}</H>
        <p className="outcome-motion">{motionLabel(t, state, vote.motion)}</p>
        <p className="outcome-word">{t('outcome.cancelled')}</p>
      </section>
    );
  }
  const e = vote.explanation;
  return (
    <section className={`outcome outcome-${e.outcome}`} data-testid="outcome" data-outcome={e.outcome} aria-live="polite">
      <H>{t('outcome.heading')}</H>
      <p className="outcome-motion">{motionLabel(t, state, vote.motion)}</p>
      <p className="outcome-word">{t(`outcome.${e.outcome}`)}</p>
      <p className="outcome-method">{t(`method.${e.method}`)}</p>
      <p className="explanation" data-testid="explanation">{explanationText(e, lang)}</p>
    </section>
  );
}
