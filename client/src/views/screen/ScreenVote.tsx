import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingState, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Tally } from '../common/Tally.tsx';
import { LandVotes } from './LandVotes.tsx';
import { CalledLand } from './CalledLand.tsx';
import { ScreenItem } from './ScreenItem.tsx';
import { useOutcomeAnnouncement } from './useOutcomeAnnouncement.ts';

/** The item is on screen already: for a vote on it, say only what kind of decision (whole, paragraph, admission …). */
function screenMotion(t: TFunction, state: MeetingState, vote: VoteRound, item: AgendaItem | null): string {
  const m = vote.motion;
  if (m.kind === 'resolution' && item) return m.paragraph ? t('item.paragraph', { number: m.paragraph }) : t('chair.vote.whole');
  if (m.kind !== 'setPublic' && item) return t(`screen.motionKind.${m.kind}`);
  return motionLabel(t, state, vote.motion);
}

/**
 * One round on the room screen, titled by the item its motion concerns (not the item last called).
 * Open: what is voted on and the turnout — which Länder have voted, never how (R-MEM-2: a vote
 * may change until the close, and a running count would give early votes away). Closed: the
 * outcome first, then the bars and every Land's vote.
 */
export function ScreenVote({ vote, item }: { vote: VoteRound; item: AgendaItem | null }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  useOutcomeAnnouncement(vote);
  const open = vote.status === 'open';
  const motion = screenMotion(t, state, vote, item);
  return (
    <>
      {/* After the close the item's line also says what was decided, so the Länder keep their room. */}
      {item && <ScreenItem item={item} label={open ? 'screen.state.voteOpenOn' : 'screen.state.resultOn'} detail={open ? undefined : motion} />}
      <section aria-labelledby="screen-vote-heading" className={`screen-vote screen-vote-${vote.status}`} data-testid="screen-vote" data-status={vote.status} data-vote={vote.id}>
        <div className="screen-vote-head">
          <h2 id="screen-vote-heading" className={open ? 'screen-vote-badge' : 'visually-hidden'}>{open ? t('screen.voteOpen') : t('screen.voteResult')}</h2>
          {(open || !item) && <p className="screen-motion" title={motion}>{motion}</p>}
          {open && <CalledLand voteId={vote.id} />}
        </div>
        {open ? <Turnout vote={vote} /> : (
          <div className="screen-result">
            <Outcome vote={vote} headingLevel={3} banner />
            {vote.status !== 'cancelled' && <Tally vote={vote} large />}
          </div>
        )}
        {vote.status !== 'cancelled' && <LandVotes vote={vote} />}
      </section>
    </>
  );
}

/** How many of the Länder entitled at the open (R-VOT-5) have voted, as a number and a bar. */
function Turnout({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const total = Object.keys(vote.electorate).length;
  const lands = Object.keys(vote.ballots).filter((land) => land in vote.electorate);
  const voted = lands.length;
  // R-VOT-7: during a roll call the room sees how many Länder the chair has recorded so far.
  const oral = lands.filter((land) => vote.ballots[land].oral).length;
  return (
    <div className="screen-turnout" data-testid="screen-turnout" data-voted={voted} data-total={total} data-oral={oral}>
      <p className="screen-turnout-text">
        {t('screen.turnout', { count: voted, total })}
        {oral > 0 && <span className="screen-turnout-oral" data-testid="screen-oral-count"> {t('screen.oralCount', { count: oral })}</span>}
      </p>
      <span className="screen-turnout-bar" aria-hidden="true">
        <span className="screen-turnout-fill" style={{ width: `${total ? (voted / total) * 100 : 0}%` }} />
      </span>
    </div>
  );
}
