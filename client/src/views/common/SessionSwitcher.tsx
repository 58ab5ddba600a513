import { useTranslation } from 'react-i18next';
import type { PersonSession } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { chooseSession, currentMeetingOf, usePerson } from '../../store/person.ts';

const NONE: readonly PersonSession[] = [];

/**
 * The person's own sessions (a conference invitation opens every session in which they hold a
 * role): choosing one connects the page to it. Shown only when there is more than one, and not
 * on the room screen: the projector shows the session alone and follows the live one (refreshMe).
 */
export function SessionSwitcher() {
  const { t } = useTranslation();
  const lang = useLang();
  const sessions = usePerson((s) => s.me?.sessions ?? NONE);
  const current = usePerson(currentMeetingOf);
  const screen = usePerson((s) => s.me?.role === 'screen');
  if (sessions.length < 2 || !current || screen) return null;
  return (
    <nav className="session-switcher" aria-label={t('sessionSwitcher.nav')}>
      <label className="field session-switcher-field">
        {t('sessionSwitcher.label')}
        <select data-testid="session-switcher" value={current} onChange={(e) => chooseSession(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {t('sessionSwitcher.option', { title: s.title, date: formatDate(s.date, lang, 'short'), status: t(`sessionSwitcher.status.${s.status}`) })}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
