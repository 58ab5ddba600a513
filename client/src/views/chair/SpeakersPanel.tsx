import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';

/** The speakers list: who has the floor, who waits; give the floor to the next, end it. */
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
          ? t('speakers.current', { name: name(speakers.current.participantId), time: formatTime(speakers.current.since, lang) })
          : t('speakers.nobody')}
      </p>
      <h3>{t('speakers.queue')}</h3>
      {speakers.queue.length === 0 ? <p>{t('speakers.queueEmpty')}</p> : (
        <ol data-testid="speakers-queue">
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
        <button type="button" disabled={speakers.queue.length === 0} onClick={() => run({ type: 'giveFloor' })}>{t('speakers.giveNext')}</button>
        <button type="button" disabled={!speakers.current} onClick={() => run({ type: 'endFloor' })}>{t('speakers.end')}</button>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
