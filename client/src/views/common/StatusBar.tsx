import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * Connection state, always visible: a lost connection is shown at once, and commands waiting to
 * be resent are counted. The time of the last update and the event number are diagnostics for
 * support, behind "Details", not words for the room.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const lang = useLang();
  const connection = useMeeting((s) => s.connection);
  const lastUpdateAt = useMeeting((s) => s.lastUpdateAt);
  const pending = useMeeting((s) => s.pending.length);
  const seq = useMeeting((s) => s.seq);
  return (
    <div className={`status-bar status-${connection}`}>
      <span role="status" data-testid="connection-status" data-status={connection} className="status-label">
        <span className="status-dot" aria-hidden="true" />
        {t(`connection.${connection}`)}
      </span>
      {pending > 0 && (
        <span className="status-pending" data-testid="pending-count">
          {t('connection.pending', { count: pending })}
        </span>
      )}
      <details className="diagnostics">
        <summary>{t('connection.details')}</summary>
        <p className="diagnostics-body" data-testid="last-update">
          {t('connection.lastUpdate', { time: formatTime(lastUpdateAt, lang, { seconds: true }) })}
          <span className="status-seq"> · {t('connection.seq', { seq })}</span>
        </p>
      </details>
    </div>
  );
}
