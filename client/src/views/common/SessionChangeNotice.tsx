import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * R-SES-1: a session the conference cancelled or moved before it opened says so on every view of
 * it (delegate, chair, office, screen), with the recorded reason: a delegate who opens a cancelled
 * session's link learns why, and a moved one shows its new date and place. Times say their zone.
 */
export function SessionChangeNotice() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  if (!session) return null;
  if (session.cancelled) {
    return (
      <section className="session-change error" role="alert" data-testid="session-cancelled">
        <h2>{t('session.cancelled')}</h2>
        <p>{t('session.cancelledAt', { at: formatDateTime(session.cancelled.at, lang), reason: session.cancelled.reason })}</p>
      </section>
    );
  }
  const last = session.rescheduled?.at(-1);
  if (!last || session.status !== 'planned') return null;
  return (
    <section className="session-change info" role="status" data-testid="session-rescheduled">
      <h2>{t('session.rescheduled')}</h2>
      <p>{t('session.rescheduledTo', {
        date: formatDate(session.date, lang), place: session.place, fromDate: formatDate(last.from.date, lang), fromPlace: last.from.place,
        at: formatDateTime(last.at, lang), reason: last.reason,
      })}</p>
    </section>
  );
}
