import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rotationChairFor } from '@plenum/shared/src/chair.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { CheckboxGroup } from '../common/CheckboxGroup.tsx';

type Act = (command: Record<string, unknown>, done: string) => Promise<boolean>;

/**
 * R-CHR-3: the office records a deviation from the chair rotation that all 16 Länder agreed to,
 * with the decision it rests on. Two ways, as the GO reads: another Land takes the chair in a
 * year, or two years swap their Länder (recorded as two deviations, one per year; the original
 * order resumes after them). The server checks again: `chair.deviationNotAgreed` names who is missing.
 */
export function ChairDeviationForm({ act }: { act: Act }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const profile = useMeeting((s) => s.profile);
  const allLands = profile.lands.map((l) => l.code);
  const empty = { mode: 'swap' as 'swap' | 'land', year: '', otherYear: '', lands: [] as string[], decision: '', agreedBy: [] as string[] };
  const [form, setForm] = useState(empty);
  const year = Number(form.year);
  const otherYear = Number(form.otherYear);
  const inYear = form.year ? rotationChairFor(year, profile) : null;
  const inOther = form.otherYear ? rotationChairFor(otherYear, profile) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const base = { type: 'recordChairDeviation', decision: form.decision, agreedBy: form.agreedBy };
    const commands = form.mode === 'swap'
      ? [{ ...base, years: [year], lands: inOther ?? [] }, { ...base, years: [otherYear], lands: inYear ?? [] }]
      : [{ ...base, years: [year], lands: form.lands }];
    const done = form.mode === 'swap' ? t('conference.deviation.swapped', { a: year, b: otherYear }) : t('conference.deviation.recorded', { year });
    for (const command of commands) if (!(await act(command, done))) return;
    setForm(empty);
  };

  return (
    <section aria-labelledby="conference-deviation">
      <h3 id="conference-deviation">{t('conference.deviation.heading')}</h3>
      <p className="hint">{t('conference.deviation.hint')}</p>
      <form onSubmit={submit} className="stack" data-testid="chair-deviation-form">
        <fieldset>
          <legend>{t('conference.deviation.mode')}</legend>
          <label className="checkbox"><input type="radio" name="deviation-mode" checked={form.mode === 'swap'} onChange={() => setForm({ ...form, mode: 'swap' })} />{t('conference.deviation.swap')}</label>
          <label className="checkbox"><input type="radio" name="deviation-mode" checked={form.mode === 'land'} onChange={() => setForm({ ...form, mode: 'land' })} />{t('conference.deviation.otherLand')}</label>
        </fieldset>
        <label className="field">{t('conference.deviation.year')}
          <input type="number" inputMode="numeric" min={2024} max={2200} value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} required />
        </label>
        {inYear && <p className="hint" data-testid="deviation-year-chair">{t('conference.deviation.byRotation', { year, lands: inYear.map(landName).join(t('common.and')) })}</p>}
        {form.mode === 'swap' ? (
          <>
            <label className="field">{t('conference.deviation.otherYear')}
              <input type="number" inputMode="numeric" min={2024} max={2200} value={form.otherYear} onChange={(e) => setForm({ ...form, otherYear: e.target.value })} required />
            </label>
            {inOther && <p className="hint" data-testid="deviation-other-chair">{t('conference.deviation.byRotation', { year: otherYear, lands: inOther.map(landName).join(t('common.and')) })}</p>}
          </>
        ) : (
          <CheckboxGroup legend={t('conference.deviation.lands')} options={allLands} selected={form.lands}
            onChange={(lands) => setForm({ ...form, lands: lands.slice(-2) })} labelOf={landName} />
        )}
        <label className="field">{t('conference.deviation.decision')}
          <input value={form.decision} onChange={(e) => setForm({ ...form, decision: e.target.value })} required maxLength={300} />
        </label>
        <CheckboxGroup legend={t('conference.deviation.agreedBy', { count: form.agreedBy.length, total: allLands.length })} options={allLands} selected={form.agreedBy}
          onChange={(agreedBy) => setForm({ ...form, agreedBy })} labelOf={landName}>
          <p className="button-row">
            <button type="button" onClick={() => setForm({ ...form, agreedBy: allLands })}>{t('conference.deviation.all')}</button>
            <button type="button" onClick={() => setForm({ ...form, agreedBy: [] })}>{t('conference.deviation.none')}</button>
          </p>
        </CheckboxGroup>
        <p><button type="submit">{t('conference.deviation.submit')}</button></p>
      </form>
    </section>
  );
}
