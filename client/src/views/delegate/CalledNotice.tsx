import { useTranslation } from 'react-i18next';
import type { Participant } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { useCalledLand } from '../common/calledLand.ts';
import { useLandName } from '../common/hooks.ts';

/**
 * R-VOT-7 / R-SES-2: the chair calls this delegate's Land in a roll call now, or a Land whose vote
 * this delegate's Land holds by transfer (R-MEM-4, frozen in the round's electorate): said on the
 * phone, so someone following by telephone or video knows it is their turn.
 */
export function CalledNotice({ me }: { me: Participant }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const cursor = useCalledLand();
  // Without a connection the call may have moved on: the banner above says what is known.
  const online = useMeeting((s) => s.connection === 'online');
  const castBy = useMeeting((s) => (cursor?.voteId ? s.state.votes[cursor.voteId]?.electorate[cursor.land]?.castBy ?? null : cursor?.land ?? null));
  if (!online || !cursor || !me.land || castBy !== me.land) return null;
  const own = cursor.land === me.land;
  return (
    <div className="called-notice" role="status" data-testid="called-notice" data-land={cursor.land}>
      <strong>{own ? t('delegate.called.own') : t('delegate.called.held', { land: landName(cursor.land) })}</strong>{' '}
      <span>{t(cursor.voteId ? 'delegate.called.vote' : 'delegate.called.attendance', { land: landName(cursor.land) })}</span>
    </div>
  );
}
