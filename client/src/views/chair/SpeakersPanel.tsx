import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDuration, formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useNow } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';

/** The speakers list: who has the floor and for how long, who waits; give the floor to the next, end it. */
export function SpeakersPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const speakers = useMeeting((s) => s.state.speakers);
  const participants = useMeeting((s) => s.state.participants);
  const { run, error } = useCommand();
  const name = (id: string) => participants[id]?.name ?? id;
  return (
    <section aria-labelledby="speakers-heading" className="panel speakers-panel">
      <h2 id="speakers-heading">{t('speakers.heading')}</h2>
      <p data-testid="current-speaker">
        {speakers.current
          ? <>{t('speakers.current', { name: name(speakers.current.participantId), time: formatTime(speakers.current.since, lang) })} <SpeakingTime since={speakers.current.since} /></>
          : t('speakers.nobody')}
      </p>
      {speakers.queue.length === 0 ? <p className="muted">{t('speakers.queueEmpty')}</p> : (
        <ol data-testid="speakers-queue" className="speakers-queue" aria-label={t('speakers.queue')}>
          {speakers.queue.map((q) => (
            <li key={q.participantId}>
              {name(q.participantId)} <span className="muted">({formatTime(q.requestedAt, lang)})</span>{' '}
              <button type="button" className="small" onClick={() => run({ type: 'giveFloor', participantId: q.participantId })} aria-label={`${t('speakers.giveTo')}: ${name(q.participantId)}`}>
                {t('speakers.giveTo')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="small" disabled={speakers.queue.length === 0} onClick={() => run({ type: 'giveFloor' })}>{t('speakers.giveNext')}</button>
        <button type="button" className="small" disabled={!speakers.current} onClick={() => run({ type: 'endFloor' })}>{t('speakers.end')}</button>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}

/** The running speaking time, m:ss; the clock is for the eye only (aria-hidden would hide it, so it is not live). */
function SpeakingTime({ since }: { since: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return <span className="speaking-time" data-testid="speaking-time">{t('speakers.elapsed', { time: formatDuration(now - Date.parse(since)) })}</span>;
}
