import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import type { ConnectionStatus } from '../../store/index.ts';
import './offline.css';

/**
 * A full-width banner while there is no connection: what is shown below is the last known state,
 * not the current one. `reconnecting` says that it is coming back by itself; `offline` that it ended.
 */
export function OfflineBanner({ connection, large = false }: { connection: Exclude<ConnectionStatus, 'online'>; large?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lastUpdateAt = useMeeting((s) => s.lastUpdateAt);
  return (
    <div className={`offline-banner ${large ? 'large' : ''}`} role="alert" data-testid="offline-banner" data-status={connection}>
      <strong>{t(`offline.${connection}`)}</strong>{' '}
      <span>{lastUpdateAt ? t('offline.stale', { time: formatTime(lastUpdateAt, lang) }) : t('offline.never')}</span>
    </div>
  );
}
