import { useTranslation } from 'react-i18next';
import type { Participant } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';

/** The speakers list (request / withdraw the floor) and recording consent (R-SES-3). */
export function ParticipationPanel({ me }: { me: Participant }) {
  const { t } = useTranslation();
  const speakers = useMeeting((s) => s.state.speakers);
  const recording = useMeeting((s) => s.state.recording);
  const floor = useCommand();
  const consent = useCommand();
  const position = speakers.queue.findIndex((q) => q.participantId === me.id);
  const speaking = speakers.current?.participantId === me.id;
  return (
    <section aria-labelledby="participation-heading" className="panel">
      <h2 id="participation-heading">{t('delegate.floor.heading')}</h2>
      <p data-testid="floor-state">
        {speaking ? t('delegate.floor.speaking') : position >= 0 ? t('delegate.floor.position', { position: position + 1 }) : t('delegate.floor.none')}
      </p>
      <div className="button-row big">
        {position >= 0 ? (
          <button type="button" disabled={floor.pending} onClick={() => floor.run({ type: 'withdrawFloorRequest' })}>{t('delegate.floor.withdraw')}</button>
        ) : (
          <button type="button" disabled={floor.pending || speaking} onClick={() => floor.run({ type: 'requestFloor' })}>{t('delegate.floor.request')}</button>
        )}
      </div>
      <ErrorAlert error={floor.error} />
      <h2>{t('delegate.consent.heading')}</h2>
      <p>{recording.active ? t('delegate.consent.recordingOn') : t('delegate.consent.recordingOff')}</p>
      <p data-testid="consent-state">{me.recordingConsent ? t('delegate.consent.given') : t('delegate.consent.notGiven')}</p>
      <div className="button-row big">
        {me.recordingConsent ? (
          <button type="button" disabled={consent.pending} onClick={() => consent.run({ type: 'withdrawRecordingConsent' })}>{t('delegate.consent.withdraw')}</button>
        ) : (
          <button type="button" disabled={consent.pending} onClick={() => consent.run({ type: 'giveRecordingConsent' })}>{t('delegate.consent.give')}</button>
        )}
      </div>
      <ErrorAlert error={consent.error} />
    </section>
  );
}
