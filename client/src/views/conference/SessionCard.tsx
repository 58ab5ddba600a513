import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceHome } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useLandName } from '../common/hooks.ts';

type Session = ConferenceHome['sessions'][number];

/** One session on the conference home, with the office's reschedule and cancel (reason required). */
export function SessionCard({ session: s, canEdit, act, sessionTitle = (id) => id }: {
  session: Session; canEdit: boolean; act: (command: Record<string, unknown>, done: string) => Promise<boolean>;
  /** The title of another session of the conference (an Arbeitsgremium meeting's proposal names its target). */
  sessionTitle?: (id: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const [change, setChange] = useState<'none' | 'reschedule' | 'cancel'>('none');
  const [form, setForm] = useState({ date: s.date, startTime: s.startTime, reason: '' });
  const m = s.meeting;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = change === 'cancel'
      ? await act({ type: 'cancelSession', sessionId: s.id, reason: form.reason }, t('conference.cancelled'))
      : await act({ type: 'rescheduleSession', sessionId: s.id, date: form.date, startTime: form.startTime, reason: form.reason }, t('conference.rescheduled'));
    if (ok) setChange('none');
  };

  return (
    <li className="conference-session" data-testid={`conference-session-${s.id}`} data-phase={s.phase}>
      <h4>{s.title}</h4>
      <dl className="facts">
        <dt>{t('conference.when')}</dt>
        <dd>{formatDate(s.date, lang)}, {s.startTime} {t('conference.berlin')}</dd>
        <dt>{t('session.place')}</dt><dd>{s.place} ({t(`conference.formats.${s.format}`)})</dd>
        <dt>{t('conference.kind')}</dt>
        <dd>{t(`conference.kinds.${s.kind}`)}{s.kind === 'extraordinary' ? ` – ${t(`conference.bases.${s.basis}`)}${s.requestId ? ` (${s.requestId})` : ''}` : ''}</dd>
        <dt>{t('session.chair')}</dt>
        <dd data-testid="conference-chair">{s.chairLands.map(landName).join(t('common.and'))}{s.chairDecision ? ` (${s.chairDecision})` : ''}</dd>
      </dl>
      {s.status !== 'cancelled' && s.phase !== 'past' && (
        <table data-testid="conference-deadlines">
          <caption>{t('conference.deadlines')}</caption>
          <thead><tr><th scope="col">{t('betweenOffice.deadline')}</th><th scope="col">{t('betweenOffice.due')}</th><th scope="col">{t('betweenOffice.state')}</th></tr></thead>
          <tbody>
            {s.deadlines.map((d) => (
              <tr key={d.kind} data-kind={d.kind} data-state={d.state}>
                <th scope="row">{t(`betweenOffice.kinds.${d.kind}`)}</th>
                <td>{formatDate(d.dueDate, lang)}</td>
                <td className={`deadline-${d.state}`}>{t(`betweenOffice.states.${d.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m && (
        <p data-testid="conference-meeting">
          {t('conference.summary', {
            items: m.items.length, present: m.landsPresent, total: m.landsTotal, adopted: m.results.adopted, rejected: m.results.rejected,
            protocol: t(`conference.protocol.${m.protocol}`),
          })}
        </p>
      )}
      {m?.agendaProposals.map((p) => (
        <p key={p.at} data-testid="conference-ag-proposal">
          {t('conference.agProposal', {
            session: sessionTitle(p.targetSessionId),
            drafts: p.drafts.map((d) => t('conference.agDraft', { title: d.title, version: d.version, count: d.openBrackets })).join('; '),
          })}
        </p>
      ))}
      {s.changes.length > 0 && (
        <ul className="hint">
          {s.changes.map((c) => (
            <li key={c.at}>{t(`conference.change.${c.kind}`, { date: formatDate(c.from.date, lang), reason: c.reason })}</li>
          ))}
        </ul>
      )}
      {canEdit && (
        <p>
          <button type="button" onClick={() => setChange(change === 'reschedule' ? 'none' : 'reschedule')} aria-expanded={change === 'reschedule'}>{t('conference.reschedule')}</button>{' '}
          <button type="button" onClick={() => setChange(change === 'cancel' ? 'none' : 'cancel')} aria-expanded={change === 'cancel'}>{t('conference.cancel')}</button>
        </p>
      )}
      {canEdit && change !== 'none' && (
        <form onSubmit={submit} className="stack">
          {change === 'reschedule' && (
            <>
              <label className="field">{t('session.date')}<input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} required /></label>
              <label className="field">{t('conference.startTime')}<input type="time" value={form.startTime} onChange={(e) => setForm({ ...form, startTime: e.target.value })} required /></label>
            </>
          )}
          <label className="field">{t('conference.reason')}<textarea value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} required maxLength={2000} /></label>
          <button type="submit">{change === 'cancel' ? t('conference.confirmCancel') : t('conference.confirmReschedule')}</button>
        </form>
      )}
    </li>
  );
}
