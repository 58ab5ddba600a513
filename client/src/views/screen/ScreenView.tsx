import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCurrentVote } from '../common/hooks.ts';
import { Layout } from '../common/Layout.tsx';
import { Quorum } from '../common/Quorum.tsx';
import { ScreenVote } from './ScreenVote.tsx';

/**
 * Room screen and remote viewer: readable from the back of a room and in a shared video-call window,
 * in one screen without scrolling (type scales with the window, see styles.css); beside a video-call
 * window it switches to a compact layout (container query).
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
      <div className={`screen-body ${vote ? 'with-vote' : ''}`}>
        <div className="screen-head">
          <div>
            <h1 className="screen-title">{session?.title ?? t('screen.waiting')}</h1>
            {session && <p className="screen-sub">{formatDate(session.date, lang)} · {session.place}</p>}
          </div>
          <Quorum large />
        </div>
        {joinError && <ErrorAlert error={joinError} testId="join-error" />}
        <section aria-labelledby="screen-item-heading" className="screen-item">
          <h2 id="screen-item-heading" className="visually-hidden">{t('screen.currentItem')}</h2>
          {item ? (
            // Clamped to a few lines by CSS so a long title cannot push the result off the screen;
            // the whole title stays in the text (screen readers) and in the tooltip.
            <p className="screen-item-title" title={`${item.number} ${item.title}`}><span className="item-number">{item.number}</span> {item.title}</p>
          ) : (
            <p>{t('common.noCurrentItem')}</p>
          )}
        </section>
        {vote && <ScreenVote vote={vote} />}
      </div>
    </Layout>
  );
}
