import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Tally } from '../common/Tally.tsx';
import { LandVotes } from './LandVotes.tsx';
import { useOutcomeAnnouncement } from './useOutcomeAnnouncement.ts';

/** The item title is already on screen; for a vote on it, say only whole proposal or which paragraph. */
function screenMotion(t: TFunction, currentItemId: string | null, vote: VoteRound, full: string): string {
  const m = vote.motion;
  if (m.kind !== 'resolution' || m.itemId !== currentItemId) return full;
  return m.paragraph ? t('item.paragraph', { number: m.paragraph }) : t('chair.vote.whole');
}

/**
 * One round on the room screen. After the close the outcome comes first, as a large banner beside
 * compact bars, then every Land's vote; while open the bars and which Länder have voted.
 */
export function ScreenVote({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  useOutcomeAnnouncement(vote);
  const motion = screenMotion(t, state.currentItemId, vote, motionLabel(t, state, vote.motion));
  return (
    <section aria-labelledby="screen-vote-heading" className={`screen-vote screen-vote-${vote.status}`} data-testid="screen-vote" data-status={vote.status}>
      <div className="screen-vote-head">
        <h2 id="screen-vote-heading">{vote.status === 'open' ? t('screen.voteOpen') : t('screen.voteResult')}</h2>
        <p className="screen-motion" title={motion}>{motion}</p>
      </div>
      <div className="screen-result">
        {vote.status !== 'open' && <Outcome vote={vote} headingLevel={3} banner />}
        {vote.status !== 'cancelled' && <Tally vote={vote} large />}
      </div>
      {vote.status !== 'cancelled' && <LandVotes vote={vote} />}
    </section>
  );
}
