import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';
import { untouchedItems } from './untouchedItems.ts';

/**
 * The session's state beside the title, with the one button that changes it. Closing cannot be
 * undone (no reopening), so it asks first and names the items that were not dealt with.
 */
export function SessionControls() {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const session = state.session;
  const { run, error, pending } = useCommand();
  if (!session) return <p className="session-line">{t('session.notScheduled')}</p>;
  const left = untouchedItems(state);
  const voteOpen = state.openVoteId !== null;
  return (
    <div className="session-line">
      <span className={`badge session-${session.status}`}>
        {t('session.heading')}: <span data-testid="session-status">{t(`session.statusValue.${session.status}`)}</span>
      </span>
      <span className="badge" data-testid="session-public-badge">{session.public ? t('session.publicOn') : t('session.publicOff')}</span>
      {session.status === 'planned' && (
        <button type="button" className="primary" disabled={pending} onClick={() => run({ type: 'openSession' })}>{t('session.open')}</button>
      )}
      {session.status === 'open' && (
        <ConfirmButton testId="close-session" className="danger" disabled={pending || voteOpen} onConfirm={() => run({ type: 'closeSession' })}
          confirmation={{
            title: t('confirm.closeSession.title'),
            body: (
              <>
                {left.length > 0 && (
                  <p data-testid="untouched-items">
                    {t('confirm.closeSession.untouched', { count: left.length, items: left.map((i) => i.number).join(', ') })}
                  </p>
                )}
                <p>{t('confirm.closeSession.final')}</p>
              </>
            ),
            confirmLabel: t('confirm.closeSession.confirm'),
          }}>
          {t('session.close')}
        </ConfirmButton>
      )}
      {voteOpen && session.status === 'open' && <span className="muted">{t('chair.closeSessionAfterVote')}</span>}
      <ErrorAlert error={error} />
    </div>
  );
}
