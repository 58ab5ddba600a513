import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '@plenum/shared';
import { reissueInvitation, revokeInvitation, showInvitationLink, type InvitationRow } from '../../api.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../format.ts';
import { QrImage } from '../common/QrImage.tsx';
import { ConfirmButton } from '../common/ConfirmButton.tsx';

/** A link on screen to print or send: just created, reissued, or shown again. */
export interface ShownLink { id: string; url: string; label: string; why: 'new' | 'again' | 'reissued' }

export const absoluteUrl = (url: string) => new URL(url, window.location.origin).toString();

/**
 * What the office does with a conference invitation once it exists: show its link again, reissue
 * it (the old link dies), revoke it. The links on screen are kept here, newest first, one per
 * invitation; `reload` refreshes the list after a change.
 */
export function useInvitationLinks(reload: () => Promise<void> | void) {
  const [shown, setShown] = useState<ShownLink[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const show = (link: ShownLink) => setShown((before) => [link, ...before.filter((x) => x.id !== link.id)]);
  const forget = (id: string) => setShown((before) => before.filter((x) => x.id !== id));

  const showAgain = async (row: InvitationRow) => {
    setError(null);
    const res = await showInvitationLink(row.id);
    if ('error' in res) { setError(res.error); return; }
    show({ id: row.id, url: absoluteUrl(res.data.url), label: row.label, why: 'again' });
  };
  const reissue = async (row: InvitationRow) => {
    setError(null);
    const res = await reissueInvitation(row.id);
    if ('error' in res) { setError(res.error); return; }
    forget(row.id);
    show({ id: res.data.id, url: absoluteUrl(res.data.url), label: row.label, why: 'reissued' });
    void reload();
  };
  const revoke = async (id: string) => {
    setError(null);
    const res = await revokeInvitation(id);
    if ('error' in res) setError(res.error);
    forget(id);
    void reload();
  };
  return { shown, show, showAgain, reissue, revoke, error, setError };
}

/** "never" or "3 times, first …, last …" (F10), times in Europe/Berlin. */
export function useRedeemedText() {
  const { t } = useTranslation();
  const lang = useLang();
  return (r: InvitationRow) => (r.redemptions
    ? t('office.invitations.redeemedCount', { count: r.redemptions, first: formatDateTime(r.firstRedeemedAt ?? null, lang), last: formatDateTime(r.lastRedeemedAt ?? null, lang) })
    : t('office.invitations.redeemedNever'));
}

/** The links on screen as cards with their QR codes, to print or send. */
export function ShownLinks({ shown, note }: { shown: ShownLink[]; note: string }) {
  const { t } = useTranslation();
  if (shown.length === 0) return null;
  return (
    <div className="created-invitations">
      <h3>{t('office.invitations.new')}</h3>
      <p className="muted no-print">{note}</p>
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
  );
}

/** A live conference invitation's two link actions: show the link again, reissue it (asks first: the old link dies). */
export function LinkActions({ row, label, showAgain, reissue }: {
  row: InvitationRow; label: string; showAgain: (row: InvitationRow) => Promise<void>; reissue: (row: InvitationRow) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="small" onClick={() => void showAgain(row)} aria-label={`${t('office.invitations.showAgain')}: ${label}`}>
        {t('office.invitations.showAgain')}
      </button>
      <ConfirmButton
        className="small" ariaLabel={`${t('office.invitations.reissue')}: ${label}`} onConfirm={() => void reissue(row)}
        confirmation={{ title: t('office.invitations.reissueTitle', { label: row.label }), body: t('office.invitations.reissueBody'), confirmLabel: t('office.invitations.reissue') }}
      >
        {t('office.invitations.reissue')}
      </ConfirmButton>
    </>
  );
}

/**
 * Revoking a link cannot be undone (the holder needs a new one), so it asks first. `body` says
 * what the holder loses: a meeting link this session, a conference link every session it opens.
 */
export function RevokeButton({ row, label, body, revoke }: {
  row: InvitationRow; label: string; body: string; revoke: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      className="small danger" ariaLabel={`${t('office.invitations.revoke')}: ${label}`} onConfirm={() => void revoke(row.id)}
      confirmation={{ title: t('office.invitations.revokeTitle', { label: row.label }), body, confirmLabel: t('office.invitations.revoke') }}
    >
      {t('office.invitations.revoke')}
    </ConfirmButton>
  );
}
