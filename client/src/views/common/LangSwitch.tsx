import { useTranslation } from 'react-i18next';
import { setLanguage, useLang } from '../../i18n/index.ts';

/** One button that switches to the other language; its name says which, in that language. */
export function LangSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" lang={other} onClick={() => void setLanguage(other)}>
      {t('common.switchLanguage')}
    </button>
  );
}
