import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';

/** R-SES-3: recording starts only when everyone present consented; a withdrawal stops it. */
export function RecordingPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const participants = useMeeting((s) => s.state.participants);
  const recording = useMeeting((s) => s.state.recording);
  const { run, error, pending } = useCommand();
  const present = Object.values(participants).filter((p) => p.presence !== null);
  const missing = present.filter((p) => !p.recordingConsent);
  return (
    <section aria-labelledby="recording-heading" className="panel recording-panel">
      <h2 id="recording-heading">{t('recording.heading')}</h2>
      <p data-testid="recording-state">
        {recording.active ? t('recording.active', { time: formatTime(recording.since, lang) }) : t('recording.inactive')}
      </p>
      <p data-testid="recording-consent">{t('recording.consentCount', { given: present.length - missing.length, total: present.length })}</p>
      {missing.length > 0 && (
        <details>
          <summary>{t('recording.missing', { count: missing.length })}</summary>
          <ul>{missing.map((p) => <li key={p.id}>{p.name}</li>)}</ul>
        </details>
      )}
      <div className="button-row">
        {recording.active ? (
          <button type="button" disabled={pending} onClick={() => run({ type: 'stopRecording' })}>{t('recording.stop')}</button>
        ) : (
          <button type="button" disabled={pending} onClick={() => run({ type: 'startRecording' })}>{t('recording.start')}</button>
        )}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
