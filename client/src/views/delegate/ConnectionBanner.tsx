import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';

/**
 * The phone without a connection: a full-width banner in the look of a KERN danger alert, over the
 * whole page, that says what it means for the vote: nothing counts until the server confirmed it,
 * and what is chosen now waits in the queue (sent, with its key, when the connection is back).
 * The live region is always there (empty while online), so screen readers announce both the loss
 * and, by its going away, do not repeat it.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useMeeting((s) => s.connection);
  const pending = useMeeting((s) => s.pending.length);
  const lost = connection !== 'online';
  return (
    <div role="status" aria-live="polite" className={lost ? 'connection-banner' : 'connection-banner-idle'} data-testid="connection-banner-region">
      {lost && (
        // Two lines on a 320 px phone at most: the ballots below stay in view.
        <div className="kern-alert kern-alert--danger" data-testid="connection-banner" data-status={connection}>
          <p className="kern-body">
            <strong>{t('delegate.offline.title')}</strong> – {t('delegate.offline.body')}
            {pending > 0 && <> <span data-testid="connection-banner-pending">{t('delegate.offline.pending', { count: pending })}</span></>}
          </p>
        </div>
      )}
    </div>
  );
}
