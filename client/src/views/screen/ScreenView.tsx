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
          {shown && shown.kind !== 'closed' && session?.status === 'open' && <Quorum large />}
          {/* In the head row, so the state below keeps the full width for the 16 Länder. */}
          {session?.public && session.status === 'open' && meetingId && <PublicLink meetingId={meetingId} />}
        </div>
        {joinError && <ErrorAlert error={joinError} testId="join-error" />}
        <div className="screen-main">
          {/* R-SES-2: the attendance call runs between rounds, over whatever the screen shows. */}
          {!stale && <CalledLand voteId={null} />}
          {shown ? <ScreenBody screen={shown} /> : <p className="screen-connecting">{t('screen.connecting')}</p>}
        </div>
        <HeadFingerprint />
      </div>
    </Layout>
  );
}
