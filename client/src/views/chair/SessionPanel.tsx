import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { PublicLink } from '../common/PublicLink.tsx';

/** The session's facts: date, place, chair Länder (R-CHR-1), public or not (R-SES-4), and the public view's address. */
export function SessionPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  const landName = useLandName();
  if (!session) return <section className="panel"><h2>{t('session.heading')}</h2><p>{t('session.notScheduled')}</p></section>;
  return (
    <section aria-labelledby="session-heading" className="panel session-panel">
      <h2 id="session-heading">{t('session.heading')}</h2>
      <dl className="facts">
        <dt>{t('session.date')}</dt><dd>{formatDate(session.date, lang)}</dd>
        <dt>{t('session.place')}</dt><dd>{session.place}</dd>
        <dt>{t('session.format')}</dt><dd data-testid="session-format">{t(`session.formats.${session.format}`)}</dd>
        <dt>{t('session.chair')}</dt><dd>{session.chairLands.map(landName).join(t('common.and'))}</dd>
        <dt>{t('session.public')}</dt><dd data-testid="session-public">{session.public ? t('session.publicOn') : t('session.publicOff')}</dd>
      </dl>
      <p className="muted">{t('session.publicHint')}</p>
      <PublicLink />
    </section>
  );
}
