import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload, SessionDeadlines } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { getJson, postBetween } from '../../betweenApi.ts';

/**
 * Office: the meeting's deadlines as the server judges them (GET /api/meetings/:id/deadlines):
 * R-AGD-6 (draft agenda D − 6 weeks for a regular session, proposals D − 4, final papers D − 3 for
 * every session, a recorded shorter period with its reason: due date, met / missed / pending / overdue) with the two records only the office can make, and R-PRT-2 (draft due,
 * warning when late, end of the objection period).
 */
export function OfficeDeadlines({ meetingId, fmt }: { meetingId: string; fmt: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState<SessionDeadlines | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(async () => setD(await getJson<SessionDeadlines>(`/api/meetings/${encodeURIComponent(meetingId)}/deadlines`)), [meetingId]);
  useEffect(() => { if (open) void load(); }, [open, load]);

  const act = async (kind: 'agenda' | 'protocol', command: unknown) => {
    setMessage('');
    const answer = await postBetween(kind, meetingId, command);
    if ('error' in answer) setError(answer.error);
    else { setError(null); setMessage(t('betweenOffice.recorded')); }
    await load();
  };
  const fmtDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin' });
  const p = d?.protocol ?? null;
  const doneOf = (kind: string) => d?.agenda.find((a) => a.kind === kind)?.doneAt ?? null;

  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="office-deadlines">
      <summary>{t('betweenOffice.deadlines')}</summary>
      <p role="status" aria-live="polite">{message}</p>
      <ErrorAlert error={error} testId="deadlines-error" />
      {d && (
        <>
          {d.kind === 'extraordinary' && <p>{t('betweenOffice.extraordinaryDeadlines')}</p>}
          <table>
            <caption>R-AGD-6</caption>
            <thead><tr><th scope="col">{t('betweenOffice.deadline')}</th><th scope="col">{t('betweenOffice.due')}</th><th scope="col">{t('betweenOffice.done')}</th><th scope="col">{t('betweenOffice.state')}</th></tr></thead>
            <tbody>
              {d.agenda.map((a) => (
                <tr key={a.kind} data-testid={`deadline-${a.kind}`} data-state={a.state}>
                  <th scope="row">
                    {t(`betweenOffice.kinds.${a.kind}`)}
                    {a.shortenedReason && <><br /><small>{t('betweenOffice.shortened', { days: a.daysBefore, reason: a.shortenedReason })}</small></>}
                  </th>
                  <td>{fmtDate(a.dueDate)}</td>
                  <td>{a.kind === 'proposals' ? '–' : fmt(a.doneAt)}</td>
                  <td className={`deadline-${a.state}`}>{t(`betweenOffice.states.${a.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {d.kind === 'regular' && (
              <button type="button" disabled={doneOf('draftAgenda') !== null} onClick={() => void act('agenda', { type: 'recordDraftAgendaSent' })}>{t('betweenOffice.recordDraftAgenda')}</button>
            )}{' '}
            <button type="button" disabled={doneOf('finalPapers') !== null} onClick={() => void act('agenda', { type: 'recordFinalPapersSent' })}>{t('betweenOffice.recordFinalPapers')}</button>
          </p>
          <h4>{t('betweenOffice.protocol')}</h4>
          {!p ? <p>{t('betweenOffice.protocolNotYet')}</p> : (
            <div data-testid="protocol-deadlines">
              {p.warnDraftLate && <p className="warning" role="alert">{t('betweenOffice.draftLate')}</p>}
              <dl>
                <dt>{t('betweenOffice.draftDue')}</dt><dd>{fmt(p.draftDue)} ({t(`betweenOffice.states.${p.draft}`)})</dd>
                <dt>{t('betweenOffice.sentAt')}</dt><dd>{fmt(p.sentAt)}</dd>
                <dt>{t('betweenOffice.objectionsEnd')}</dt><dd>{fmt(p.objectionsEnd)}</dd>
                <dt>{t('betweenOffice.approvedAt')}</dt><dd>{fmt(p.approvedAt)}</dd>
              </dl>
              <p>{t('betweenOffice.objections', { count: p.objections, open: p.openObjections })}</p>
              {!p.sentAt && <button type="button" onClick={() => void act('protocol', { type: 'sendProtocolDraft' })}>{t('betweenOffice.sendDraft')}</button>}
            </div>
          )}
        </>
      )}
    </details>
  );
}
