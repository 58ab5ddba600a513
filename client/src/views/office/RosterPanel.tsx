import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestKind, LandCode } from '@plenum/shared';
import { entitledRepresentatives } from '@plenum/shared/src/meeting/derive.ts';
import type { Participant } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';
import { CheckboxGroup } from '../common/CheckboxGroup.tsx';

/** R-MEM-1: member and permanent deputy per Land for the chair period; R-MEM-3: temporary deputies. */
export function RosterPanel() {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const { run, error } = useCommand();
  const [names, setNames] = useState<Record<string, string>>({});
  const [temp, setTemp] = useState({ land: '' as LandCode, name: '' });
  const [chairName, setChairName] = useState('');
  const lang = useLang();
  const period = state.session?.chairPeriod;
  const chairs = Object.values(state.participants).filter((p) => p.kind === 'chair');
  /** R-MEM-3: the log records who named a deputy: the person if known, else the role. */
  const namedBy = (p: Participant) => {
    const by = p.registeredBy.participantId ? state.participants[p.registeredBy.participantId]?.name : null;
    return by ?? t(`role.${p.registeredBy.role}`);
  };
  const nameChair = async (e: FormEvent) => {
    e.preventDefault();
    const res = await run({ type: 'nameChair', name: chairName });
    if ('data' in res) setChairName('');
  };

  const name = async (land: LandCode, kind: 'member' | 'permanentDeputy') => {
    const key = `${land}:${kind}`;
    const value = (names[key] ?? '').trim();
    if (!value) return;
    const res = await run({ type: 'nameRepresentative', land, kind, name: value });
    if ('data' in res) setNames({ ...names, [key]: '' });
  };
  const nameTemp = async (e: FormEvent) => {
    e.preventDefault();
    const res = await run({ type: 'nameTemporaryDeputy', land: temp.land, name: temp.name });
    if ('data' in res) setTemp({ land: '', name: '' });
  };

  return (
    <section aria-labelledby="roster-heading" className="panel">
      <h2 id="roster-heading">{t('office.roster.heading', { period: period ?? '–' })}</h2>
      <ErrorAlert error={error} />
      {/* Four columns of names and inputs do not fit a phone: the table scrolls inside its region, never the page (WCAG 1.4.10). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="roster-heading">
      <table className="roster-table">
        <thead>
          <tr>
            <th scope="col">{t('chair.lands.land')}</th>
            <th scope="col">{t('kind.member')}</th>
            <th scope="col">{t('kind.permanentDeputy')}</th>
            <th scope="col">{t('kind.temporaryDeputy')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.lands.map(({ code }) => {
            const reps = entitledRepresentatives(state, code);
            return (
              <tr key={code} data-testid={`roster-${code}`}>
                <th scope="row">{landName(code)}</th>
                {(['member', 'permanentDeputy'] as const).map((kind) => {
                  const key = `${code}:${kind}`;
                  const current = reps.filter((p) => p.kind === kind);
                  return (
                    <td key={kind}>
                      {current.map((p) => <div key={p.id}>{p.name}</div>)}
                      <div className="inline-form">
                        <label className="visually-hidden" htmlFor={`roster-${key}`}>{t('office.roster.nameFor', { kind: t(`kind.${kind}`), land: landName(code) })}</label>
                        <input id={`roster-${key}`} value={names[key] ?? ''} onChange={(e) => setNames({ ...names, [key]: e.target.value })} />
                        <button type="button" className="small" onClick={() => name(code, kind)} aria-label={`${t('office.roster.name')}: ${t('office.roster.nameFor', { kind: t(`kind.${kind}`), land: landName(code) })}`}>
                          {t('office.roster.name')}
                        </button>
                      </div>
                    </td>
                  );
                })}
                <td>
                  {reps.filter((p) => p.kind === 'temporaryDeputy').map((p) => (
                    <div key={p.id} data-testid={`office-temp-deputy-${code}`}>
                      {p.name}
                      <div className="muted">{t('office.roster.namedBy', { by: namedBy(p), time: formatDateTime(p.registeredAt, lang) })}</div>
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <form onSubmit={nameTemp} className="inline-form">
        <h3>{t('office.roster.tempHeading')}</h3>
        <label className="field">{t('chair.lands.land')}
          <select value={temp.land} onChange={(e) => setTemp({ ...temp, land: e.target.value })} required>
            <option value="">{t('delegate.transfer.chooseLand')}</option>
            {profile.lands.map((l) => <option key={l.code} value={l.code}>{landName(l.code)}</option>)}
          </select>
        </label>
        <label className="field">{t('office.roster.personName')}<input value={temp.name} onChange={(e) => setTemp({ ...temp, name: e.target.value })} required /></label>
        <button type="submit">{t('office.roster.nameTemp')}</button>
      </form>
      <h3 id="chair-person-heading">{t('office.chair.heading')}</h3>
      <ul className="plain" data-testid="chair-persons">
        {chairs.length === 0 && <li className="muted">{t('office.chair.none')}</li>}
        {chairs.map((p) => (
          <li key={p.id}>{p.name} <span className="muted">{t('office.roster.namedBy', { by: namedBy(p), time: formatDateTime(p.registeredAt, lang) })}</span></li>
        ))}
      </ul>
      <form onSubmit={nameChair} className="inline-form" aria-labelledby="chair-person-heading">
        <label className="field">{t('office.roster.personName')}<input value={chairName} onChange={(e) => setChairName(e.target.value)} required maxLength={300} /></label>
        <button type="submit">{t('office.chair.name')}</button>
      </form>
    </section>
  );
}

const GUEST_KINDS: GuestKind[] = ['federalMinister', 'federalRepresentative', 'itPlrChair', 'itemGuest'];

/** R-GST-1 guests; R-GST-2 staff, with when each was announced (late ones flagged). */
export function GuestsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const { run, error } = useCommand();
  const [guest, setGuest] = useState({ name: '', guestKind: 'itemGuest' as GuestKind, itemIds: [] as string[] });
  const itemNumber = (id: string) => state.agenda.find((i) => i.id === id)?.number ?? id;
  const [staff, setStaff] = useState({ name: '', accompanies: '', announcedAt: '' });
  const guests = Object.values(state.participants).filter((p) => p.kind === 'guest');
  const staffers = Object.values(state.participants).filter((p) => p.kind === 'staff');
  const accompaniedName = (a: string | null) => (a ? (state.participants[a]?.name ?? landName(a)) : '–');

  const addGuest = async (e: FormEvent) => {
    e.preventDefault();
    // Guests for single items (R-GST-1) are invited for those items; the others for the session.
    const itemIds = guest.guestKind === 'itemGuest' && guest.itemIds.length > 0 ? { itemIds: guest.itemIds } : {};
    const res = await run({ type: 'inviteGuest', name: guest.name, guestKind: guest.guestKind, ...itemIds });
    if ('data' in res) setGuest({ ...guest, name: '', itemIds: [] });
  };
  const addStaff = async (e: FormEvent) => {
    e.preventDefault();
    const announcedAt = staff.announcedAt ? new Date(staff.announcedAt).toISOString() : undefined;
    const res = await run({ type: 'announceStaff', name: staff.name, accompanies: staff.accompanies, ...(announcedAt ? { announcedAt } : {}) });
    if ('data' in res) setStaff({ name: '', accompanies: '', announcedAt: '' });
  };

  return (
    <section aria-labelledby="guests-heading" className="panel">
      <h2 id="guests-heading">{t('office.guests.heading')}</h2>
      <ul className="plain" data-testid="guests">
        {guests.map((g) => (
          <li key={g.id}>
            {g.name} <span className="muted">({t(`guestKind.${g.guestKind ?? 'itemGuest'}`)})</span>
            {g.itemIds && g.itemIds.length > 0 && <span> · {t('office.guests.forItems', { items: g.itemIds.map(itemNumber).join(', ') })}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={addGuest} className="inline-form">
        <label className="field">{t('office.roster.personName')}<input value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.target.value })} required /></label>
        <label className="field">{t('office.guests.kind')}
          <select value={guest.guestKind} onChange={(e) => setGuest({ ...guest, guestKind: e.target.value as GuestKind })}>
            {GUEST_KINDS.map((k) => <option key={k} value={k}>{t(`guestKind.${k}`)}</option>)}
          </select>
        </label>
        {guest.guestKind === 'itemGuest' && state.agenda.length > 0 && (
          <CheckboxGroup
            legend={t('office.guests.itemsLegend')}
            options={state.agenda.map((item) => item.id)}
            selected={guest.itemIds}
            onChange={(itemIds) => setGuest({ ...guest, itemIds })}
            labelOf={(id) => state.agenda.find((item) => item.id === id)?.number ?? id}
          />
        )}
        <button type="submit">{t('office.guests.invite')}</button>
      </form>
      <h3>{t('office.staff.heading')}</h3>
      <ul className="plain" data-testid="staff">
        {staffers.map((s) => (
          <li key={s.id}>
            {s.name} · {t('office.staff.accompanies', { whom: accompaniedName(s.accompanies) })} · {t('office.staff.announcedAt', { time: formatDateTime(s.announcedAt, lang) })}
            {s.announcedLate && <strong className="warning-text"> {t('office.staff.late')}</strong>}
          </li>
        ))}
      </ul>
      <form onSubmit={addStaff} className="inline-form">
        <label className="field">{t('office.roster.personName')}<input value={staff.name} onChange={(e) => setStaff({ ...staff, name: e.target.value })} required /></label>
        <label className="field">{t('office.staff.accompaniesLabel')}
          <select value={staff.accompanies} onChange={(e) => setStaff({ ...staff, accompanies: e.target.value })} required>
            <option value="">{t('delegate.transfer.chooseLand')}</option>
            {profile.lands.map((l) => <option key={l.code} value={l.code}>{landName(l.code)}</option>)}
            {guests.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
        <label className="field">{t('office.staff.announcedAtLabel')}<input type="datetime-local" value={staff.announcedAt} onChange={(e) => setStaff({ ...staff, announcedAt: e.target.value })} /></label>
        <button type="submit">{t('office.staff.announce')}</button>
      </form>
      <ErrorAlert error={error} />
    </section>
  );
}
