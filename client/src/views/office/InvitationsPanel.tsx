import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRole, ErrorPayload } from '@plenum/shared';
import {
  createConferenceInvitation, createInvitation, listConferenceInvitations, listInvitations, reissueInvitation, revokeInvitation, showInvitationLink,
  type InvitationRow,
} from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { usePerson } from '../../store/person.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { QrImage } from '../common/QrImage.tsx';
import { ConfirmButton } from '../common/ConfirmButton.tsx';

const ROLES: ActorRole[] = ['delegate', 'chair', 'office', 'guest', 'staff', 'screen'];
const KINDS_FOR_ROLE: Record<string, string[]> = {
  delegate: ['member', 'permanentDeputy', 'temporaryDeputy'], chair: ['chair'], office: ['office'], guest: ['guest'], staff: ['staff'],
};

/** A link on screen to print or send: just created, reissued, or shown again. */
interface ShownLink { id: string; url: string; label: string; why: 'new' | 'again' | 'reissued' }

/**
 * Invitation links with QR codes to print or send. The conference's office issues each person's
 * one invitation for the whole conference: it can show the link again, reissue it (the old one
 * dies) and revoke it, and sees how often and when each was redeemed (F10). An office invited for
 * one meeting issues that meeting's invitations, shown once.
 */
export function InvitationsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const meetingId = useMeeting((s) => s.meetingId);
  const participants = useMeeting((s) => s.state.participants);
  const conference = usePerson((s) => s.me?.scope === 'conference');
  const [rows, setRows] = useState<InvitationRow[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [form, setForm] = useState({ role: 'delegate' as ActorRole, participantId: '', label: '' });
  const [shown, setShown] = useState<ShownLink[]>([]);

  const reload = useCallback(async () => {
    if (!meetingId) return;
    const res = conference ? await listConferenceInvitations() : await listInvitations(meetingId);
    if ('data' in res) setRows(res.data);
    else setError(res.error);
  }, [meetingId, conference]);
  useEffect(() => { void reload(); }, [reload]);

  const candidates = Object.values(participants).filter((p) => (KINDS_FOR_ROLE[form.role] ?? []).includes(p.kind));
  const nameOf = (id: string | null) => (id ? participants[id]?.name ?? id : '–');
  const absolute = (url: string) => new URL(url, window.location.origin).toString();
  const show = (link: ShownLink) => setShown((before) => [link, ...before.filter((x) => x.id !== link.id)]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!meetingId) return;
    setError(null);
    const label = form.label.trim() || nameOf(form.participantId || null);
    const body = { role: form.role, label, ...(form.participantId ? { participantId: form.participantId } : {}) };
    const res = conference ? await createConferenceInvitation(body) : await createInvitation(meetingId, body);
    if ('error' in res) { setError(res.error); return; }
    show({ id: res.data.id, url: absolute(res.data.url), label, why: 'new' });
    setForm({ ...form, participantId: '', label: '' });
    void reload();
  };
  const showAgain = async (row: InvitationRow) => {
    setError(null);
    const res = await showInvitationLink(row.id);
    if ('error' in res) { setError(res.error); return; }
    show({ id: row.id, url: absolute(res.data.url), label: row.label, why: 'again' });
  };
  const reissue = async (row: InvitationRow) => {
    setError(null);
    const res = await reissueInvitation(row.id);
    if ('error' in res) { setError(res.error); return; }
    setShown((before) => before.filter((x) => x.id !== row.id));
    show({ id: res.data.id, url: absolute(res.data.url), label: row.label, why: 'reissued' });
    void reload();
  };
  const revoke = async (id: string) => {
    const res = await revokeInvitation(id);
    if ('error' in res) setError(res.error);
    setShown((before) => before.filter((x) => x.id !== id));
    void reload();
  };
  const redeemed = (r: InvitationRow) => (r.redemptions
    ? t('office.invitations.redeemedCount', { count: r.redemptions, first: formatDateTime(r.firstRedeemedAt ?? null, lang), last: formatDateTime(r.lastRedeemedAt ?? null, lang) })
    : t('office.invitations.redeemedNever'));

  return (
    <section aria-labelledby="invitations-heading" className="panel invitations">
      <h2 id="invitations-heading">{t('office.invitations.heading')}</h2>
      <p className="muted no-print">{t(conference ? 'office.invitations.scopeConference' : 'office.invitations.scopeMeeting')}</p>
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
      {shown.length > 0 && (
        <div className="created-invitations">
          <h3>{t('office.invitations.new')}</h3>
          <p className="muted no-print">{t(conference ? 'office.invitations.canShowAgain' : 'office.invitations.shownOnce')}</p>
          <ul className="invitation-cards">
            {shown.map((c) => (
              <li key={c.id} className="invitation-card" data-testid="invitation-card">
                <p className="invitation-label">{c.label}{c.why !== 'new' && <span className="muted no-print"> · {t(`office.invitations.why.${c.why}`)}</span>}</p>
                <QrImage url={c.url} label={t('office.invitations.qrAlt', { label: c.label })} testId="invitation-qr" />
                <p className="invitation-url"><code>{c.url}</code></p>
              </li>
            ))}
          </ul>
          <button type="button" className="no-print" onClick={() => window.print()}>{t('office.invitations.print')}</button>
        </div>
      )}
      <div className="table-scroll no-print">
        <table className="invitations-table">
          <caption>{t('office.invitations.list')}</caption>
          <thead><tr>
            <th scope="col">{t('office.invitations.label')}</th><th scope="col">{t('office.invitations.role')}</th>
            <th scope="col">{t('office.invitations.participant')}</th><th scope="col">{t('office.invitations.created')}</th>
            <th scope="col">{t('office.invitations.redeemed')}</th><th scope="col">{t('office.invitations.state')}</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`invitation-${r.id}`}>
                <td>{r.label}</td><td>{t(`role.${r.role}`)}</td><td>{nameOf(r.participantId)}</td><td>{formatDateTime(r.createdAt, lang)}</td>
                <td data-testid={`redeemed-${r.id}`}>{redeemed(r)}</td>
                <td>
                  {r.revokedAt ? t('office.invitations.revokedAt', { time: formatDateTime(r.revokedAt, lang) }) : (
                    <span className="row-actions">
                      {r.scope === 'conference' && (
                        <>
                          <button type="button" className="small" onClick={() => void showAgain(r)} aria-label={`${t('office.invitations.showAgain')}: ${r.label}`}>
                            {t('office.invitations.showAgain')}
                          </button>
                          <ConfirmButton
                            className="small" ariaLabel={`${t('office.invitations.reissue')}: ${r.label}`} onConfirm={() => void reissue(r)}
                            confirmation={{ title: t('office.invitations.reissueTitle', { label: r.label }), body: t('office.invitations.reissueBody'), confirmLabel: t('office.invitations.reissue') }}
                          >
                            {t('office.invitations.reissue')}
                          </ConfirmButton>
                        </>
                      )}
                      <button type="button" className="small danger" onClick={() => void revoke(r.id)} aria-label={`${t('office.invitations.revoke')}: ${r.label}`}>
                        {t('office.invitations.revoke')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
