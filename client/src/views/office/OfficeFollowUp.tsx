import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload, FollowUpState } from '@plenum/shared';
import { DMK_PROFILE, landName } from '@plenum/shared/src/dmkProfile.ts';
import { implementationStatus, workingGroupOverdue } from '@plenum/shared/src/followUp/status.ts';
import { useLang } from '../../i18n/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { getJson, postBetween } from '../../betweenApi.ts';

/**
 * Office: R-FUP-1 implementation status per adopted resolution (recorded by the proposing Land;
 * internal, never published) and R-FUP-2 working groups: set up with chair Land, assignment and
 * binding deadline; closed when the assignment is done. `mayAct`: the office of the conference (F6);
 * the office of one meeting reads the record and gets no control the server would refuse.
 */
export function OfficeFollowUp({ fmt, mayAct }: { fmt: (iso: string | null) => string; mayAct: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [s, setS] = useState<FollowUpState | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState('');
  const [form, setForm] = useState({ name: '', chairLand: 'BE', assignment: '', deadline: '', decision: '' });

  const load = useCallback(async () => {
    const list = await getJson<{ id: string; state: FollowUpState }[]>('/api/between/followup');
    setS(list?.find((x) => x.id === 'dmk')?.state ?? { resolutions: {}, workingGroups: {} });
  }, []);
  useEffect(() => { if (open) void load(); }, [open, load]);

  const act = async (command: unknown) => {
    setMessage('');
    const answer = await postBetween('followup', 'dmk', command);
    if ('error' in answer) { setError(answer.error); await load(); return false; }
    setError(null);
    setMessage(t('betweenOffice.recorded'));
    await load();
    return true;
  };
  const setUp = async (e: FormEvent) => {
    e.preventDefault();
    if (await act({ type: 'setUpWorkingGroup', ...form })) setForm({ name: '', chairLand: form.chairLand, assignment: '', deadline: '', decision: '' });
  };
  const lands = (codes: string[]) => codes.map((c) => landName(DMK_PROFILE, c, lang)).join(', ');
  const fmtDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin' });
  const now = new Date().toISOString();

  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="office-followup">
      <summary>{t('betweenOffice.followUp')}</summary>
      <p role="status" aria-live="polite">{message}</p>
      <ErrorAlert error={error} testId="followup-error" />
      {s && (
        <>
          <h4>{t('betweenOffice.resolutions')}</h4>
          {Object.keys(s.resolutions).length === 0 ? <p>{t('betweenOffice.noResolutions')}</p> : (
            <table>
              <thead><tr><th scope="col">{t('betweenOffice.resolution')}</th><th scope="col">{t('betweenOffice.proposingLands')}</th><th scope="col">{t('betweenOffice.adoptedAt')}</th><th scope="col">{t('betweenOffice.implementation')}</th></tr></thead>
              <tbody>
                {Object.entries(s.resolutions).map(([id, r]) => (
                  <tr key={id} data-testid={`resolution-${id}`}>
                    <th scope="row">{r.title}<br /><small>{r.source}</small></th>
                    <td>{lands(r.proposingLands)}</td>
                    <td>{fmt(r.adoptedAt)}</td>
                    <td>{t(`betweenOffice.impl.${implementationStatus(s, id)}`)}{r.implementation.at(-1)?.note ? `: ${r.implementation.at(-1)!.note}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>{t('betweenOffice.workingGroups')}</h4>
          {Object.keys(s.workingGroups).length === 0 ? <p>{t('betweenOffice.noWorkingGroups')}</p> : (
            <table>
              <thead><tr><th scope="col">{t('betweenOffice.name')}</th><th scope="col">{t('betweenOffice.chairLand')}</th><th scope="col">{t('betweenOffice.assignment')}</th><th scope="col">{t('betweenOffice.groupDeadline')}</th><th scope="col">{t('betweenOffice.state')}</th></tr></thead>
              <tbody>
                {Object.entries(s.workingGroups).map(([id, g]) => (
                  <tr key={id} data-testid={`group-${id}`}>
                    <th scope="row">{g.name}<br /><small>{g.decision}</small></th>
                    <td>{lands([g.chairLand])}</td>
                    <td>{g.assignment}</td>
                    <td>{fmtDate(g.deadline)}</td>
                    <td>
                      {g.closedAt ? t('betweenOffice.groupClosed', { time: fmt(g.closedAt) }) : workingGroupOverdue(g, now) ? t('betweenOffice.groupOverdue') : t('betweenOffice.groupOpen')}
                      {mayAct && !g.closedAt && <button type="button" onClick={() => void act({ type: 'closeWorkingGroup', groupId: id })}>{t('betweenOffice.closeGroup')}</button>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {mayAct && <form onSubmit={setUp}>
            <fieldset>
              <legend>{t('betweenOffice.setUp')}</legend>
              <label htmlFor="wg-name">{t('betweenOffice.name')}</label>
              <input id="wg-name" required maxLength={300} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
              <label htmlFor="wg-chair">{t('betweenOffice.chairLand')}</label>
              <select id="wg-chair" value={form.chairLand} onChange={(e) => setForm({ ...form, chairLand: e.target.value })}>
                {DMK_PROFILE.lands.map((l) => <option key={l.code} value={l.code}>{landName(DMK_PROFILE, l.code, lang)}</option>)}
              </select>
              <label htmlFor="wg-assignment">{t('betweenOffice.assignment')}</label>
              <textarea id="wg-assignment" required value={form.assignment} onChange={(e) => setForm({ ...form, assignment: e.target.value })} />
              <label htmlFor="wg-deadline">{t('betweenOffice.groupDeadline')}</label>
              <input id="wg-deadline" type="date" required value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />
              <label htmlFor="wg-decision">{t('betweenOffice.decision')}</label>
              <input id="wg-decision" required maxLength={300} value={form.decision} onChange={(e) => setForm({ ...form, decision: e.target.value })} />
              <button type="submit">{t('betweenOffice.setUp')}</button>
            </fieldset>
          </form>}
        </>
      )}
    </details>
  );
}
