import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceHome } from '@plenum/shared';
import { chairLandsFor } from '@plenum/shared/src/chair.ts';
import { agendaDeadlines } from '@plenum/shared/src/deadlines/agenda.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { SESSION_FORMATS } from '../common/sessionFormats.ts';


/**
 * The office creates a session (R-SES-1/2): the chair Land (R-CHR-1/3, recorded deviations
 * included) and the R-AGD-6 deadlines are shown as soon as a date is picked; the server derives
 * them again and starts the draft agenda with the standing items (R-AGD-5).
 */
export function CreateSessionForm({ home, act }: { home: ConferenceHome; act: (command: Record<string, unknown>, done: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const profile = useMeeting((s) => s.profile);
  const empty = { kind: 'regular', basis: 'chairProposal', requestId: '', title: '', date: '', startTime: '10:00', place: '', format: 'room' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const chair = form.date ? chairLandsFor(form.date, profile, home.deviations) : null;
  const kind = form.kind === 'extraordinary' || form.kind === 'arbeitsgremium' ? form.kind : 'regular';
  const deadlines = form.date ? agendaDeadlines(form.date, profile, {}, new Date().toISOString(), kind) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const basis = kind !== 'extraordinary' ? {} : form.basis === 'request' ? { basis: 'request', requestId: form.requestId } : { basis: 'chairProposal' };
    const ok = await act({
      type: 'createSession', kind, ...basis, title: form.title, date: form.date, startTime: form.startTime, place: form.place, format: form.format,
    }, t('conference.created', { title: form.title }));
    if (ok) setForm(empty);
  };

  return (
    <section aria-labelledby="conference-create">
      <h3 id="conference-create">{t('conference.create')}</h3>
      <form onSubmit={submit} className="stack" data-testid="conference-create">
        <label className="field">{t('conference.kind')}
          <select value={form.kind} onChange={set('kind')}>
            <option value="regular">{t('conference.kinds.regular')}</option>
            <option value="extraordinary">{t('conference.kinds.extraordinary')}</option>
            <option value="arbeitsgremium">{t('conference.kinds.arbeitsgremium')}</option>
          </select>
        </label>
        {kind === 'extraordinary' && (
          <label className="field">{t('conference.basis')}
            <select value={form.basis === 'request' ? `request:${form.requestId}` : 'chairProposal'}
              onChange={(e) => setForm({ ...form, basis: e.target.value === 'chairProposal' ? 'chairProposal' : 'request', requestId: e.target.value.replace(/^request:/, '') })}>
              <option value="chairProposal">{t('conference.bases.chairProposal')}</option>
              {home.reachedRequests.map((r) => <option key={r.id} value={`request:${r.id}`}>{t('conference.bases.request')}: {r.reason}</option>)}
            </select>
          </label>
        )}
        <label className="field">{t('office.schedule.title')}<input value={form.title} onChange={set('title')} required maxLength={300} /></label>
        <label className="field">{t('session.date')}<input type="date" value={form.date} onChange={set('date')} required /></label>
        <label className="field">{t('conference.startTime')}<input type="time" value={form.startTime} onChange={set('startTime')} required /></label>
        <label className="field">{t('session.place')}<input value={form.place} onChange={set('place')} required maxLength={300} /></label>
        <label className="field">{t('conference.format')}
          <select value={form.format} onChange={set('format')}>
            {SESSION_FORMATS.map((f) => <option key={f} value={f}>{t(`conference.formats.${f}`)}</option>)}
          </select>
        </label>
        <div aria-live="polite" data-testid="conference-preview">
          {!form.date ? <p>{t('office.schedule.pickDate')}</p> : (
            <>
              <p data-testid="conference-preview-chair">
                {chair ? t('office.schedule.derivedChair', { lands: chair.map(landName).join(t('common.and')) }) : t('office.schedule.noChair')}
              </p>
              <ul data-testid="conference-preview-deadlines">
                {deadlines.map((d) => <li key={d.kind}>{t(`betweenOffice.kinds.${d.kind}`)}: {formatDate(d.dueDate, lang)}</li>)}
              </ul>
            </>
          )}
        </div>
        <button type="submit">{t('conference.createSubmit')}</button>
      </form>
    </section>
  );
}
