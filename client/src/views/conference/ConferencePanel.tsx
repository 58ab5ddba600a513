import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceHome, ErrorPayload } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { getJson, postBetween } from '../../betweenApi.ts';
import { ArchivePanel } from './ArchivePanel.tsx';
import { CreateSessionForm } from './CreateSessionForm.tsx';
import { ChairDeviationForm } from './ChairDeviationForm.tsx';
import { ChairTable } from './ChairTable.tsx';
import { SessionCard } from './SessionCard.tsx';

type Phase = ConferenceHome['sessions'][number]['phase'];
const PHASES: Phase[] = ['live', 'upcoming', 'past', 'cancelled'];

/**
 * The conference home (office and chair): every session of the conference, live, upcoming, past
 * and cancelled, with chair, deadlines (R-AGD-6), agenda, attendance, results and protocol status;
 * the office creates, reschedules and cancels sessions here (stream `conference:dmk`).
 */
export function ConferencePanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const [home, setHome] = useState<ConferenceHome | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => {
    const got = await getJson<ConferenceHome>('/api/conference');
    // Offline, refused or not this shape: keep what is shown.
    if (got && Array.isArray(got.sessions)) setHome(got);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const act = async (command: Record<string, unknown>, done: string) => {
    setMessage('');
    const answer = await postBetween('conference', 'dmk', command);
    if ('error' in answer) { setError(answer.error); return false; }
    setError(null);
    setMessage(done);
    await load();
    return true;
  };

  return (
    <section aria-labelledby="conference-heading" className="panel" data-testid="conference-home">
      <h2 id="conference-heading">{t('conference.heading')}</h2>
      <p className="hint">{t('conference.timeZone')}</p>
      <p role="status" aria-live="polite" data-testid="conference-status">{message}</p>
      <ErrorAlert error={error} testId="conference-error" />
      {!home ? <p>{t('conference.loading')}</p> : (
        <>
          {PHASES.map((phase) => {
            const list = home.sessions.filter((s) => s.phase === phase);
            if (list.length === 0 && phase !== 'upcoming') return null;
            return (
              <section key={phase} aria-labelledby={`conference-${phase}`}>
                <h3 id={`conference-${phase}`}>{t(`conference.phases.${phase}`)}</h3>
                {list.length === 0 ? <p>{t('conference.none')}</p> : (
                  <ul className="conference-sessions">
                    {list.map((s) => <SessionCard key={s.id} session={s} canEdit={canEdit && s.phase === 'upcoming'} act={act} sessionTitle={(id) => home.sessions.find((x) => x.id === id)?.title ?? id} />)}
                  </ul>
                )}
              </section>
            );
          })}
          <section aria-labelledby="conference-deviations">
            <h3 id="conference-deviations">{t('conference.deviations')}</h3>
            {home.deviations.length > 0 ? (
              <ul data-testid="deviation-list">
                {home.deviations.map((d) => (
                  <li key={d.id}>{d.years.join(', ')}: {d.lands.map(landName).join(t('common.and'))} ({d.decision}, {formatDate(d.at.slice(0, 10), lang)})</li>
                ))}
              </ul>
            ) : <p>{t('conference.deviation.noneRecorded')}</p>}
            <ChairTable deviations={home.deviations} />
            {canEdit && <ChairDeviationForm act={act} />}
          </section>
          <ArchivePanel entries={home.archive ?? []} />
          {canEdit && <CreateSessionForm home={home} act={act} />}
        </>
      )}
    </section>
  );
}
