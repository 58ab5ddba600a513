import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRole, ErrorPayload } from '@plenum/shared';
import { createConferenceInvitation, createInvitation, listConferenceInvitations, listInvitations, type InvitationRow } from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { usePerson } from '../../store/person.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { absoluteUrl, LinkActions, RevokeButton, ShownLinks, useInvitationLinks, useRedeemedText } from './invitationLinks.tsx';

const ROLES: ActorRole[] = ['delegate', 'chair', 'office', 'guest', 'staff', 'screen'];
const KINDS_FOR_ROLE: Record<string, string[]> = {
  // A Land's working level in the Arbeitsgremium (R-AGR-1) speaks for its Land as a delegate does.
  delegate: ['member', 'permanentDeputy', 'temporaryDeputy', 'workingLevel'], chair: ['chair'], office: ['office'], guest: ['guest'], staff: ['staff'],
};

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
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [form, setForm] = useState({ role: 'delegate' as ActorRole, participantId: '', label: '' });

  const reload = useCallback(async () => {
    if (!meetingId) return;
    const res = conference ? await listConferenceInvitations() : await listInvitations(meetingId);
    if ('data' in res) setRows(res.data);
    else setLoadError(res.error);
  }, [meetingId, conference]);
  useEffect(() => { void reload(); }, [reload]);
  const { shown, show, showAgain, reissue, revoke, error: actionError, setError } = useInvitationLinks(reload);
  const error = actionError ?? loadError;
  const redeemed = useRedeemedText();

  const candidates = Object.values(participants).filter((p) => (KINDS_FOR_ROLE[form.role] ?? []).includes(p.kind));
  const nameOf = (id: string | null) => (id ? participants[id]?.name ?? id : '–');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!meetingId) return;
    setError(null);
    const label = form.label.trim() || nameOf(form.participantId || null);
    const body = { role: form.role, label, ...(form.participantId ? { participantId: form.participantId } : {}) };
    const res = conference ? await createConferenceInvitation(body) : await createInvitation(meetingId, body);
    if ('error' in res) { setError(res.error); return; }
    show({ id: res.data.id, url: absoluteUrl(res.data.url), label, why: 'new' });
    setForm({ ...form, participantId: '', label: '' });
    void reload();
  };

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
      <ShownLinks shown={shown} note={t(conference ? 'office.invitations.canShowAgain' : 'office.invitations.shownOnce')} />
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
                      {r.scope === 'conference' && <LinkActions row={r} label={r.label} showAgain={showAgain} reissue={reissue} />}
                      <RevokeButton
                        row={r} label={r.label} revoke={revoke}
                        body={t(r.scope === 'conference' ? 'office.invitations.revokeBodyConference' : 'office.invitations.revokeBody')}
                      />
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
