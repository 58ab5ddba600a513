import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chairLandsFor } from '@plenum/shared/src/chair.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';
import { CheckboxGroup } from '../common/CheckboxGroup.tsx';
import { SESSION_FORMATS } from '../common/sessionFormats.ts';
import type { SessionFormat } from '@plenum/shared';

/** Schedule the session; R-CHR-1: the chair Land(s) follow from the date, a deviation is a recorded decision. */
export function SchedulePanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useMeeting((s) => s.state.session);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const { run, error, pending } = useCommand();
  const [form, setForm] = useState({ title: '', date: '', place: '', kind: 'regular' as 'regular' | 'extraordinary', format: 'hybrid' as SessionFormat });
  const [deviate, setDeviate] = useState(false);
  const [deviation, setDeviation] = useState({ lands: [] as string[], decision: '' });
  const derived = form.date ? chairLandsFor(form.date, profile) : null;

  if (session) {
    return (
      <section aria-labelledby="schedule-heading" className="panel">
        <h2 id="schedule-heading">{t('office.schedule.heading')}</h2>
        <dl className="facts" data-testid="session-facts">
          <dt>{t('office.schedule.title')}</dt><dd>{session.title}</dd>
          <dt>{t('session.date')}</dt><dd>{formatDate(session.date, lang)}</dd>
          <dt>{t('session.place')}</dt><dd>{session.place}</dd>
          <dt>{t('session.chair')}</dt><dd data-testid="chair-lands">{session.chairLands.map(landName).join(t('common.and'))}</dd>
          {session.chairDeviation && (<><dt>{t('office.schedule.deviation')}</dt><dd>{session.chairDeviation.decision}</dd></>)}
          <dt>{t('office.schedule.chairPeriod')}</dt><dd>{session.chairPeriod}</dd>
        </dl>
      </section>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run({
      type: 'scheduleSession', ...form,
      ...(deviate ? { chairDeviation: { lands: deviation.lands, decision: deviation.decision } } : {}),
    });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <section aria-labelledby="schedule-heading" className="panel">
      <h2 id="schedule-heading">{t('office.schedule.heading')}</h2>
      <form onSubmit={submit} className="stack">
        <label className="field">{t('office.schedule.title')}<input value={form.title} onChange={set('title')} required maxLength={300} /></label>
        <label className="field">{t('session.date')}<input type="date" value={form.date} onChange={set('date')} required /></label>
        <p data-testid="derived-chair" aria-live="polite">
          {form.date ? (derived ? t('office.schedule.derivedChair', { lands: derived.map(landName).join(t('common.and')) }) : t('office.schedule.noChair')) : t('office.schedule.pickDate')}
        </p>
        <label className="field">{t('session.place')}<input value={form.place} onChange={set('place')} required maxLength={300} /></label>
        <label className="field">{t('office.schedule.kind')}
          <select value={form.kind} onChange={set('kind')}>
            <option value="regular">{t('office.schedule.regular')}</option>
            <option value="extraordinary">{t('office.schedule.extraordinary')}</option>
          </select>
        </label>
        <label className="field">{t('office.schedule.format')}
          <select value={form.format} onChange={set('format')}>
            {SESSION_FORMATS.map((f) => <option key={f} value={f}>{t(`office.schedule.formats.${f}`)}</option>)}
          </select>
        </label>
        <label className="checkbox"><input type="checkbox" checked={deviate} onChange={(e) => setDeviate(e.target.checked)} />{t('office.schedule.deviate')}</label>
        {deviate && (
          <CheckboxGroup
            legend={t('office.schedule.deviation')}
            options={profile.lands.map((l) => l.code)}
            selected={deviation.lands}
            onChange={(lands) => setDeviation({ ...deviation, lands })}
            labelOf={landName}
          >
            <label className="field">{t('office.schedule.decision')}<input value={deviation.decision} onChange={(e) => setDeviation({ ...deviation, decision: e.target.value })} required /></label>
          </CheckboxGroup>
        )}
        <button type="submit" className="primary" disabled={pending}>{t('office.schedule.submit')}</button>
        <ErrorAlert error={error} />
      </form>
    </section>
  );
}
