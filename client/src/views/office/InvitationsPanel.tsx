import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRole, ErrorPayload } from '@plenum/shared';
import { createInvitation, listInvitations, revokeInvitation, type CreatedInvitation, type InvitationRow } from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { QrImage } from '../common/QrImage.tsx';

const ROLES: ActorRole[] = ['delegate', 'chair', 'office', 'guest', 'staff', 'screen'];
const KINDS_FOR_ROLE: Record<string, string[]> = {
  delegate: ['member', 'permanentDeputy', 'temporaryDeputy'], chair: ['chair'], office: ['office'], guest: ['guest'], staff: ['staff'],
};

/** Personal invitation links (secret shown once) with QR codes to print or send; revoke them. */
export function InvitationsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const meetingId = useMeeting((s) => s.meetingId);
  const participants = useMeeting((s) => s.state.participants);
  const [rows, setRows] = useState<InvitationRow[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [form, setForm] = useState({ role: 'delegate' as ActorRole, participantId: '', label: '' });
  const [created, setCreated] = useState<(CreatedInvitation & { label: string })[]>([]);

  const reload = useCallback(async () => {
    if (!meetingId) return;
    const res = await listInvitations(meetingId);
    if ('data' in res) setRows(res.data);
    else setError(res.error);
  }, [meetingId]);
  useEffect(() => { void reload(); }, [reload]);

  const candidates = Object.values(participants).filter((p) => (KINDS_FOR_ROLE[form.role] ?? []).includes(p.kind));
  const nameOf = (id: string | null) => (id ? participants[id]?.name ?? id : '–');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!meetingId) return;
    setError(null);
    const label = form.label.trim() || nameOf(form.participantId || null);
    const res = await createInvitation(meetingId, { role: form.role, label, ...(form.participantId ? { participantId: form.participantId } : {}) });
    if ('error' in res) { setError(res.error); return; }
    const url = new URL(res.data.url, window.location.origin).toString();
    setCreated([{ ...res.data, url, label }, ...created]);
    setForm({ ...form, participantId: '', label: '' });
    void reload();
  };
  const revoke = async (id: string) => {
    const res = await revokeInvitation(id);
    if ('error' in res) setError(res.error);
    void reload();
  };

  return (
    <section aria-labelledby="invitations-heading" className="panel invitations">
      <h2 id="invitations-heading">{t('office.invitations.heading')}</h2>
      <form onSubmit={submit} className="inline-form no-print">
        <label className="field">{t('office.invitations.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as ActorRole, participantId: '' })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </label>
        {KINDS_FOR_ROLE[form.role] && (
          <label className="field">{t('office.invitations.participant')}
            <select value={form.participantId} onChange={(e) => setForm({ ...form, participantId: e.target.value })} required>
              <option value="">{t('office.invitations.chooseParticipant')}</option>
              {candidates.map((p) => <option key={p.id} value={p.id}>{p.name}{p.land ? ` (${p.land})` : ''}</option>)}
            </select>
          </label>
        )}
        <label className="field">{t('office.invitations.label')}<input value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} maxLength={300} /></label>
        <button type="submit" className="primary">{t('office.invitations.create')}</button>
      </form>
      <ErrorAlert error={error} />
      {created.length > 0 && (
        <div className="created-invitations">
          <h3>{t('office.invitations.new')}</h3>
          <p className="muted no-print">{t('office.invitations.shownOnce')}</p>
          <ul className="invitation-cards">
            {created.map((c) => (
              <li key={c.id} className="invitation-card" data-testid="invitation-card">
                <p className="invitation-label">{c.label}</p>
                <QrImage url={c.url} label={t('office.invitations.qrAlt', { label: c.label })} testId="invitation-qr" />
                <p className="invitation-url"><code>{c.url}</code></p>
              </li>
            ))}
          </ul>
          <button type="button" className="no-print" onClick={() => window.print()}>{t('office.invitations.print')}</button>
        </div>
      )}
      <table className="invitations-table no-print">
        <caption>{t('office.invitations.list')}</caption>
        <thead><tr>
          <th scope="col">{t('office.invitations.label')}</th><th scope="col">{t('office.invitations.role')}</th>
          <th scope="col">{t('office.invitations.participant')}</th><th scope="col">{t('office.invitations.created')}</th><th scope="col">{t('office.invitations.state')}</th>
        </tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`invitation-${r.id}`}>
              <td>{r.label}</td><td>{t(`role.${r.role}`)}</td><td>{nameOf(r.participantId)}</td><td>{formatDateTime(r.createdAt, lang)}</td>
              <td>
                {r.revokedAt ? t('office.invitations.revokedAt', { time: formatDateTime(r.revokedAt, lang) }) : (
                  <button type="button" className="small danger" onClick={() => revoke(r.id)} aria-label={`${t('office.invitations.revoke')}: ${r.label}`}>
                    {t('office.invitations.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
