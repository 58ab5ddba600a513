import { useTranslation } from 'react-i18next';
import { navigate } from '../../router.ts';
import './texts.ts';

/** The way into the Arbeitsgremium's drafts from a role's own view. */
export function DraftsLink() {
  const { t } = useTranslation();
  return <p><a href="/drafts" onClick={(e) => { e.preventDefault(); navigate('/drafts'); }}>{t('drafts.title')}</a></p>;
}
