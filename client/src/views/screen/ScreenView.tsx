import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { Layout } from '../common/Layout.tsx';
import { OfflineBanner } from '../common/OfflineBanner.tsx';
import { Quorum } from '../common/Quorum.tsx';
import { HeadFingerprint } from './HeadFingerprint.tsx';
import { PublicLink } from './PublicLink.tsx';
import { ScreenBody } from './ScreenBody.tsx';
import { CalledLand } from './CalledLand.tsx';
import { useScreenState } from './useScreenState.ts';
import './screen.css';

const ArbeitsgremiumLive = lazy(() => import('../drafts/ArbeitsgremiumLive.tsx'));

/**
 * Room screen: one state at a time (screenState.ts), readable from the back of
 * a room and in a shared video-call window, in one screen without scrolling (type scales with the
 * window, see screen.css). Offline, the last known state stays, greyed out under a banner.
 */
export default function ScreenView() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  const joinError = useMeeting((s) => s.joinError);
  const meetingId = useMeeting((s) => s.meetingId);
  const screen = useScreenState();
  const role = t('role.screen');
  // R-AGR-1: the Arbeitsgremium does not vote under GO 5: no quorum, no agenda; the brackets in turn and the call's answers.
  const arbeitsgremium = session?.kind === 'arbeitsgremium';

  const shown = screen.kind === 'offline' ? screen.stale : screen;
  const stale = screen.kind === 'offline';
  return (
    <Layout role={role} className="screen">
      {screen.kind === 'offline' && <OfflineBanner connection={screen.connection} large />}
      <div className={`screen-body screen-state-${shown?.kind ?? 'none'} ${stale ? 'stale' : ''}`} data-testid="screen-state" data-state={screen.kind} data-shown={shown?.kind ?? 'none'}>
        <div className="screen-head">
          <div>
            <h1 className="screen-title">{session?.title ?? t('screen.waiting')}</h1>
            {session && <p className="screen-sub">{formatDate(session.date, lang)} · {session.place} · {t(`session.formats.${session.format}`)}</p>}
          </div>
          {!arbeitsgremium && shown && shown.kind !== 'closed' && session?.status === 'open' && <Quorum large />}
          {/* In the head row, so the state below keeps the full width for the 16 Länder. */}
          {session?.public && session.status === 'open' && meetingId && <PublicLink meetingId={meetingId} />}
        </div>
        {joinError && <ErrorAlert error={joinError} testId="join-error" />}
        <div className="screen-main">
          {/* R-SES-2: the attendance call runs between rounds, over whatever the screen shows. */}
          {!stale && <CalledLand voteId={null} />}
          {arbeitsgremium
            ? <Suspense fallback={<p className="screen-connecting">{t('screen.connecting')}</p>}><ArbeitsgremiumLive mode="screen" /></Suspense>
            : shown ? <ScreenBody screen={shown} /> : <p className="screen-connecting">{t('screen.connecting')}</p>}
        </div>
        <HeadFingerprint />
      </div>
    </Layout>
  );
}
