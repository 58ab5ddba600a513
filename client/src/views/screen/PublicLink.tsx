import { useTranslation } from 'react-i18next';
import { QrImage } from '../common/QrImage.tsx';

/** R-SES-4: while the session is public, where to follow it: a QR code and a short address. */
export function PublicLink({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const path = `/public/${encodeURIComponent(meetingId)}`;
  const url = `${window.location.origin}${path}`;
  return (
    <aside className="screen-public" data-testid="public-link" aria-label={t('screen.publicLink')}>
      <QrImage url={url} label={t('screen.publicQr')} testId="public-qr" size={160} />
      <p>
        <span className="screen-public-label">{t('screen.publicLink')}</span>
        <span className="screen-public-url">{window.location.host}{path}</span>
      </p>
    </aside>
  );
}
