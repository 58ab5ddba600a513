import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '@plenum/shared';
import { conferenceOfficeLinkExists, createConferenceOfficeLink } from '../../api.ts';
import { usePerson } from '../../store/person.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { QrImage } from '../common/QrImage.tsx';

/**
 * A data folder from before conference invitations has offices of single meetings only. Such an
 * office is offered the link to the conference-wide office (every session, the conference's
 * procedures, its invitations): issued once, shown here with its QR code. Nothing is shown to
 * the conference's own office, nor once such a link exists.
 */
export function ConferenceOfficeLink() {
  const { t } = useTranslation();
  const scope = usePerson((s) => s.me?.scope);
  const [exists, setExists] = useState<boolean | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const meetingOffice = scope !== undefined && scope !== 'conference';
  useEffect(() => {
    if (!meetingOffice) return;
    let live = true;
    void conferenceOfficeLinkExists().then((r) => { if (live && 'data' in r) setExists(r.data.exists); });
    return () => { live = false; };
  }, [meetingOffice]);
  if (!meetingOffice || (exists !== false && !url)) return null;

  const create = async () => {
    const r = await createConferenceOfficeLink();
    if ('error' in r) { setError(r.error); return; }
    setError(null);
    setUrl(r.data.url);
  };
  return (
    <section className="panel info" aria-labelledby="conference-office-link-heading" data-testid="conference-office-link">
      <h2 id="conference-office-link-heading">{t('office.conferenceLink.heading')}</h2>
      <p>{t('office.conferenceLink.why')}</p>
      <ErrorAlert error={error} testId="conference-office-link-error" />
      {url ? (
        <>
          <p>{t('office.conferenceLink.created')}</p>
          <p><a href={url} data-testid="conference-office-link-url">{url}</a></p>
          <QrImage url={url} label={t('office.conferenceLink.qr')} testId="conference-office-link-qr" />
        </>
      ) : <p><button type="button" onClick={() => void create()}>{t('office.conferenceLink.create')}</button></p>}
    </section>
  );
}
