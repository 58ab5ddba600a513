import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCurrentVote, useLandName } from '../common/hooks.ts';
import { Layout } from '../common/Layout.tsx';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Quorum } from '../common/Quorum.tsx';
import { Tally } from '../common/Tally.tsx';

/**
 * Room screen and remote viewer: large type, readable from the back of a room; beside a video-call
 * window it switches to a compact layout (container query in styles.css).
 *
 * While a round is open the screen shows the count per option and WHICH Länder have voted, not
 * how: a Land can still change its vote (R-MEM-2), and showing choices live would invite
 * following the leader. After the close every Land's vote is shown (it is in the protocol anyway).
 */
export default function ScreenView({ publicView = false }: { publicView?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  const joinError = useMeeting((s) => s.joinError);
  const item = useMeeting((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId) ?? null);
  const vote = useCurrentVote();
  const role = publicView ? t('role.public') : t('role.screen');

  if (publicView && (joinError?.code === 'session.notPublic' || (session !== null && !session.public))) {
    return (
      <Layout role={role} className="screen">
        <h1>{t('screen.notPublicTitle')}</h1>
        <p data-testid="not-public">{t('screen.notPublic')}</p>
      </Layout>
    );
  }

  return (
    <Layout role={role} className="screen">
      <div className="screen-body">
        <h1 className="screen-title">{session?.title ?? t('screen.waiting')}</h1>
        {joinError && <ErrorAlert error={joinError} testId="join-error" />}
        {session && <p className="screen-sub">{formatDate(session.date, lang)} · {session.place}</p>}
        <Quorum large />
        <section aria-labelledby="screen-item-heading" className="screen-item">
          <h2 id="screen-item-heading" className="visually-hidden">{t('screen.currentItem')}</h2>
          {item ? (
            <p className="screen-item-title"><span className="item-number">{item.number}</span> {item.title}</p>
          ) : (
            <p>{t('common.noCurrentItem')}</p>
          )}
        </section>
        {vote && <ScreenVote vote={vote} />}
      </div>
    </Layout>
  );
}

/** The item title is already on screen; for a vote on it, say only whole proposal or which paragraph. */
function screenMotion(t: TFunction, currentItemId: string | null, vote: VoteRound, full: string): string {
  const m = vote.motion;
  if (m.kind !== 'resolution' || m.itemId !== currentItemId) return full;
  return m.paragraph ? t('item.paragraph', { number: m.paragraph }) : t('chair.vote.whole');
}

function ScreenVote({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const landName = useLandName();
  const electorate = Object.keys(vote.electorate);
  return (
    <section aria-labelledby="screen-vote-heading" className="screen-vote" data-testid="screen-vote" data-status={vote.status}>
      <h2 id="screen-vote-heading">{vote.status === 'open' ? t('screen.voteOpen') : t('screen.voteResult')}</h2>
      <p className="screen-motion">{screenMotion(t, state.currentItemId, vote, motionLabel(t, state, vote.motion))}</p>
      {vote.status !== 'cancelled' && <Tally vote={vote} large />}
      {vote.status === 'open' && (
        <div data-testid="voted-lands">
          <h3>{t('screen.votedLands', { count: Object.keys(vote.ballots).length, total: electorate.length })}</h3>
          <ul className="land-chips">
            {electorate.map((land) => {
              const voted = Boolean(vote.ballots[land]);
              return (
                <li key={land} className={voted ? 'chip voted' : 'chip'} data-testid={`voted-${land}`} data-voted={voted}>
                  <span aria-hidden="true">{land}</span>
                  <span className="visually-hidden">{`${landName(land)}: ${voted ? t('screen.hasVoted') : t('screen.notYetVoted')}`}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {vote.status === 'closed' && vote.choices && (
        <table className="screen-choices" data-testid="land-choices">
          <caption>{t('screen.choicesCaption')}</caption>
          <thead><tr><th scope="col">{t('chair.lands.land')}</th><th scope="col">{t('chair.vote.choice')}</th></tr></thead>
          <tbody>
            {Object.entries(vote.choices).map(([land, choice]) => (
              <tr key={land} data-testid={`choice-${land}`} data-choice={choice ?? 'none'}>
                <th scope="row">{landName(land)}</th>
                <td className={`choice-cell choice-${choice ?? 'none'}`}>{choice ? t(`choice.${choice}`) : t('choice.notVoted')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {vote.status !== 'open' && <Outcome vote={vote} headingLevel={3} />}
    </section>
  );
}
