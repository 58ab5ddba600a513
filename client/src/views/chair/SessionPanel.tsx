import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { Quorum } from '../common/Quorum.tsx';
import { useCommand } from '../common/useCommand.ts';

/** The session: date, place, chair Länder (R-CHR-1), status, public (R-SES-4), quorum (R-VOT-3). */
export function SessionPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  const landName = useLandName();
  const { run, error, pending } = useCommand();
  if (!session) return <section className="panel"><h2>{t('session.heading')}</h2><p>{t('session.notScheduled')}</p></section>;
  return (
    <section aria-labelledby="session-heading" className="panel session-panel">
      <h2 id="session-heading">{t('session.heading')}</h2>
      <dl className="facts">
        <dt>{t('session.date')}</dt><dd>{formatDate(session.date, lang)}</dd>
        <dt>{t('session.place')}</dt><dd>{session.place}</dd>
        <dt>{t('session.chair')}</dt><dd>{session.chairLands.map(landName).join(t('common.and'))}</dd>
        <dt>{t('session.status')}</dt><dd data-testid="session-status">{t(`session.statusValue.${session.status}`)}</dd>
        <dt>{t('session.public')}</dt><dd data-testid="session-public">{session.public ? t('session.publicOn') : t('session.publicOff')}</dd>
      </dl>
      <Quorum />
      <p className="muted">{t('session.publicHint')}</p>
      <div className="button-row">
        {session.status === 'planned' && (
          <button type="button" className="primary" disabled={pending} onClick={() => run({ type: 'openSession' })}>{t('session.open')}</button>
        )}
        {session.status === 'open' && (
          <button type="button" disabled={pending} onClick={() => run({ type: 'closeSession' })}>{t('session.close')}</button>
        )}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
