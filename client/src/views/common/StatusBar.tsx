import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * Connection state and the time of the last update, always visible: a lost connection is shown at
 * once, and commands waiting to be resent are counted.
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
      <span className="status-updated" data-testid="last-update">
        {t('connection.lastUpdate', { time: formatTime(lastUpdateAt, lang) })}
        <span className="status-seq"> · {t('connection.seq', { seq })}</span>
      </span>
      {pending > 0 && (
        <span className="status-pending" data-testid="pending-count">
          {t('connection.pending', { count: pending })}
        </span>
      )}
    </div>
  );
}
