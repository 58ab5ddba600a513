import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { QrImage } from './QrImage.tsx';

/**
 * The address of the public view, as a link and a QR code to show or print. It shows the session
 * only while the session has decided to be public (R-SES-4); the text says so.
 */
export function PublicLink({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const meetingId = useMeeting((s) => s.meetingId ?? s.state.meetingId);
  const isPublic = useMeeting((s) => s.state.session?.public ?? false);
  if (!meetingId) return null;
  const url = new URL(`/public/${encodeURIComponent(meetingId)}`, window.location.origin).toString();
  return (
    <div className="public-link" data-testid="public-link">
      {headingLevel === 2 ? <h2 id="public-link-heading">{t('publicLink.heading')}</h2> : <h3>{t('publicLink.heading')}</h3>}
      <p><a href={url} target="_blank" rel="noopener" data-testid="public-url">{url}</a></p>
      <p className="muted">{isPublic ? t('publicLink.isPublic') : t('publicLink.notPublic')}</p>
      <QrImage url={url} label={t('publicLink.qr')} testId="public-qr" size={160} />
    </div>
  );
}
