import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorRole, ErrorPayload, Participant } from '@plenum/shared';
import { createConferenceInvitation, listConferenceInvitations, type InvitationRow } from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { absoluteUrl, LinkActions, RevokeButton, ShownLinks, useInvitationLinks, useRedeemedText } from './invitationLinks.tsx';

/**
 * R-AGR-1: the office's view of an Arbeitsgremium meeting: its chair and every Land's working-level
 * representative, each with their one conference invitation (issue 10): issue it, show the link
 * again, reissue or revoke it. A person who also holds a role in a DMK session (say, the Land's
 * temporary deputy there) already has their link: the row shows it and the sessions it opens, and
 * no second link is made.
 */
export function WorkingLevelPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const participants = useMeeting((s) => s.state.participants);
  const profile = useMeeting((s) => s.profile);
  const [rows, setRows] = useState<InvitationRow[]>([]);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const res = await listConferenceInvitations();
    if ('data' in res) setRows(res.data);
    else setLoadError(res.error);
  }, []);
  useEffect(() => { void reload(); }, [reload]);
  const { shown, show, showAgain, reissue, revoke, error: actionError, setError } = useInvitationLinks(reload);
  const redeemed = useRedeemedText();

  const chairs = Object.values(participants).filter((p) => p.kind === 'chair');
  const order = (p: Participant) => profile.lands.findIndex((l) => l.code === p.land);
  const workingLevel = Object.values(participants).filter((p) => p.kind === 'workingLevel').sort((a, b) => order(a) - order(b));
  const people = [...chairs, ...workingLevel];
  const liveOf = (p: Participant) => rows.find((r) => r.participantId === p.id && !r.revokedAt) ?? null;
  const roleOf = (p: Participant): ActorRole => (p.kind === 'chair' ? 'chair' : 'delegate');
  // The invitation names its person (and Land); the chair's placeholder name already says the role.
  const labelOf = (p: Participant) => (p.land ? t('office.workingLevel.label', { name: p.name, land: landName(p.land) }) : p.name);
  const missing = people.filter((p) => !liveOf(p));

  /** Issues one person's conference invitation; one who got theirs meanwhile keeps it (invitation.exists: the row shows it after the reload). */
  const issue = async (p: Participant): Promise<boolean> => {
    const label = labelOf(p);
    const res = await createConferenceInvitation({ role: roleOf(p), participantId: p.id, label });
    if ('error' in res && res.error.code === 'invitation.exists') return true;
    if ('error' in res) { setError(res.error); return false; }
    show({ id: res.data.id, url: absoluteUrl(res.data.url), label, why: 'new' });
    return true;
  };
  const issueOne = async (p: Participant) => {
    setError(null);
    await issue(p);
    await reload();
  };
  const issueMissing = async () => {
    setError(null);
    setBusy(true);
    for (const p of missing) if (!(await issue(p))) break;
    setBusy(false);
    await reload();
  };
  const sessionsText = (r: InvitationRow) => (r.sessions ?? [])
    .map((s) => t('office.workingLevel.session', { title: s.title, date: formatDate(s.date, lang, 'short') })).join('; ');

  return (
    <section aria-labelledby="working-level-heading" className="panel invitations" data-testid="working-level">
      <h2 id="working-level-heading">{t('office.workingLevel.heading')}</h2>
      <p className="muted no-print">{t('office.workingLevel.intro')}</p>
      <ErrorAlert error={actionError ?? loadError} />
      {missing.length > 0 && (
        <p className="no-print">
          <button type="button" className="primary" disabled={busy} onClick={() => void issueMissing()} data-testid="working-level-issue-missing">
            {t('office.workingLevel.issueMissing', { count: missing.length })}
          </button>
        </p>
      )}
      <ShownLinks shown={shown} note={t('office.invitations.canShowAgain')} />
      <div className="table-scroll no-print">
        <table className="invitations-table working-level-table">
          <caption>{t('office.workingLevel.caption')}</caption>
          {/* Two columns, so that a phone at 320 px reads each row without scrolling sideways. */}
          <thead><tr>
            <th scope="col">{t('office.workingLevel.who')}</th><th scope="col">{t('office.workingLevel.invitation')}</th>
          </tr></thead>
          <tbody>
            {people.map((p) => {
              const live = liveOf(p);
              const label = labelOf(p);
              return (
                <tr key={p.id} data-testid={`working-level-${p.land ?? p.id}`}>
                  <th scope="row">{p.land ? landName(p.land) : t('role.chair')}<div className="muted working-level-name">{p.name}</div></th>
                  <td data-testid={`working-level-invitation-${p.land ?? p.id}`}>
                    {live ? (
                      <>
                        <div>{t('office.workingLevel.redeemed', { redeemed: redeemed(live) })}</div>
                        {(live.sessions?.length ?? 0) > 0 && <div className="muted">{t('office.workingLevel.opens', { sessions: sessionsText(live) })}</div>}
                      </>
                    ) : <div className="muted">{t('office.workingLevel.none')}</div>}
                    <span className="row-actions">
                      {live ? (
                        <>
                          <LinkActions row={live} label={label} showAgain={showAgain} reissue={reissue} />
                          <RevokeButton row={live} label={label} body={t('office.workingLevel.revokeBody')} revoke={revoke} />
                        </>
                      ) : (
                        <button type="button" className="small" disabled={busy} onClick={() => void issueOne(p)} aria-label={`${t('office.workingLevel.issue')}: ${label}`}>
                          {t('office.workingLevel.issue')}
                        </button>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
