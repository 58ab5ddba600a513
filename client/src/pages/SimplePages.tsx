import { useTranslation } from 'react-i18next';
import { Layout } from '../views/common/Layout.tsx';

/** GET /i/:token redirects here when the link is invalid or revoked. */
export function InvalidLinkPage() {
  const { t } = useTranslation();
  return (
    <Layout role="" showStatus={false}>
      <h1>{t('pages.invalidLink.title')}</h1>
      <p data-testid="invalid-link">{t('pages.invalidLink.text')}</p>
      <p>{t('pages.invalidLink.help')}</p>
    </Layout>
  );
}

/** No session cookie: the only way in is a personal invitation link. */
export function NoInvitationPage() {
  const { t } = useTranslation();
  return (
    <Layout role="" showStatus={false}>
      <h1>{t('pages.noInvitation.title')}</h1>
      <p data-testid="no-invitation">{t('pages.noInvitation.text')}</p>
    </Layout>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Layout role="" showStatus={false}>
      <h1>{t('pages.notFound.title')}</h1>
      <p><a href="/">{t('pages.notFound.home')}</a></p>
    </Layout>
  );
}

export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">{t('common.loading')}</div>
  );
}
