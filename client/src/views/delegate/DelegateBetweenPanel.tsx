import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CircularState, ErrorPayload, ExtraordinaryState, Participant, ProtocolWorkflowState } from '@plenum/shared';
import { DMK_PROFILE, landName as nameOf } from '@plenum/shared/src/dmkProfile.ts';
import { useLang } from '../../i18n/index.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { DelegateCircularItem } from './DelegateCircularItem.tsx';
import { getJson, postBetween } from '../../betweenApi.ts';
import { newIdempotencyKey } from '../../store/key.ts';
import { DraftsLink } from '../drafts/DraftsLink.tsx';

interface Loaded {
  circulars: { id: string; state: CircularState }[];
  protocol: ProtocolWorkflowState | null;
  requests: { id: string; state: ExtraordinaryState }[];
}

/**
 * The delegate's between-sessions screen (loaded lazily from the delegate view): circular
 * procedures (answer with optional protocol declaration, or object: R-CIR-1..3), the protocol
 * draft within its objection period (R-PRT-2), extraordinary session requests (R-SES-1). Nothing
 * is fetched until the section is opened. The server decides; this view shows its answer in a
 * live region and refusals as alerts.
 */
export default function DelegateBetweenPanel({ me }: { me: Participant }) {
  const { t } = useTranslation();
  const lang = useLang();
  // The meeting this client joined (its state's own id may lag while loading).
  const meetingId = useMeeting((s) => s.meetingId ?? s.state.meetingId);
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState('');
  const [objection, setObjection] = useState('');
  const [reason, setReason] = useState('');
  const land = me.land!;
  // R-CIR-1 / R-MEM-3: temporary deputies are named for one session; between sessions they only read.
  const canAct = me.kind === 'member' || me.kind === 'permanentDeputy';
  const landName = (code: string) => nameOf(DMK_PROFILE, code, lang);
  const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }) : '–');

  const load = useCallback(async () => {
    const [circulars, protocol, requests] = await Promise.all([
      getJson<Loaded['circulars']>('/api/between/circular'),
      meetingId ? getJson<{ state: ProtocolWorkflowState }>(`/api/between/protocol/${encodeURIComponent(meetingId)}`) : null,
      getJson<Loaded['requests']>('/api/between/extraordinary'),
    ]);
    setData({
      circulars: Array.isArray(circulars) ? circulars.filter((c) => c?.state?.answers) : [],
      protocol: protocol?.state ?? null,
      requests: Array.isArray(requests) ? requests.filter((r) => r?.state?.lands) : [],
    });
  }, [meetingId]);
  useEffect(() => { if (open) void load(); }, [open, load]);

  /** Send, then say what happened (live region) or show the refusal (alert). */
  const run = async (kind: string, id: string, command: unknown, done: string): Promise<boolean> => {
    setMessage('');
    const answer = await postBetween(kind, id, command);
    if ('error' in answer) {
      setError(answer.error);
      return false;
    }
    setError(null);
    setMessage(done);
    await load();
    return true;
  };

  const now = Date.now();
  const protocol = data?.protocol ?? null;
  const protocolOpen = protocol?.status === 'sent' && protocol.objectionsEnd !== null && Date.parse(protocol.objectionsEnd) >= now;
  const ownObjections = protocol?.objections.filter((o) => o.land === land).length ?? 0;

  const objectToProtocol = async (e: FormEvent) => {
    e.preventDefault();
    if (meetingId && await run('protocol', meetingId, { type: 'objectToProtocol', text: objection.trim() }, t('betweenDelegate.protocolObjected'))) setObjection('');
  };
  const request = async (e: FormEvent) => {
    e.preventDefault();
    if (await run('extraordinary', `xreq-${newIdempotencyKey().slice(4, 16)}`, { type: 'requestExtraordinarySession', reason: reason.trim() }, t('betweenDelegate.requested'))) setReason('');
  };

  return (
    <section aria-labelledby="between-delegate-heading" className="panel" data-testid="delegate-between">
      <h2 id="between-delegate-heading">{t('betweenDelegate.heading')}</h2>
      <DraftsLink />
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t('betweenDelegate.show')}</summary>
        {!canAct && <p className="notice" data-testid="temporary-deputy-notice">{t('betweenDelegate.temporaryDeputy')}</p>}
        <p role="status" aria-live="polite" data-testid="between-status">{message}</p>
        <ErrorAlert error={error} testId="between-error" />
        {!data ? <p>{t('betweenDelegate.loading')}</p> : (
          <>
            <h3>{t('betweenDelegate.circulars')}</h3>
            {data.circulars.length === 0 ? <p>{t('betweenDelegate.noCirculars')}</p> : (
              <ul className="plain">
                {data.circulars.map(({ id, state }) => (
                  <DelegateCircularItem
                    key={id} id={id} s={state} land={land} canAct={canAct} now={now} landName={landName} fmt={fmt}
                    onAnswer={(cid, choice, declaration) => run('circular', cid, { type: 'answerCircular', choice, ...(declaration ? { declaration } : {}) },
                      t('betweenDelegate.answered', { land: landName(land), choice: t(`betweenDelegate.choice.${choice}`) }))}
                    onObject={(cid, why) => run('circular', cid, { type: 'objectToCircular', ...(why ? { reason: why } : {}) },
                      t('betweenDelegate.objected', { land: landName(land) }))}
                  />
                ))}
              </ul>
            )}

            <h3>{t('betweenDelegate.protocol')}</h3>
            {!protocol || protocol.status === 'none' ? <p>{t('betweenDelegate.protocolNotSent')}</p> : (
              <div data-testid="delegate-protocol">
                <p>{t('betweenDelegate.protocolSent', { sent: fmt(protocol.sentAt), end: fmt(protocol.objectionsEnd) })}</p>
                {meetingId && <p><a href={`/api/meetings/${encodeURIComponent(meetingId)}/protocol.pdf?lang=${lang}`}>{t('betweenDelegate.protocolDraft')} (PDF)</a></p>}
                {ownObjections > 0 && <p>{t('betweenDelegate.ownObjections', { count: ownObjections })}</p>}
                {protocol.status !== 'sent' ? <p>{t('betweenDelegate.protocolApproved')}</p>
                  : !protocolOpen ? <p>{t('betweenDelegate.protocolClosed')}</p>
                  : canAct && (
                    <form onSubmit={objectToProtocol}>
                      <fieldset>
                        <legend>{t('betweenDelegate.protocolObjectLegend')}</legend>
                        <label htmlFor="protocol-objection">{t('betweenDelegate.protocolObjection')}</label>
                        <textarea id="protocol-objection" required maxLength={20000} value={objection} onChange={(e) => setObjection(e.target.value)} />
                        <button type="submit">{t('betweenDelegate.protocolObject')}</button>
                      </fieldset>
                    </form>
                  )}
              </div>
            )}

            <h3>{t('betweenDelegate.extraordinary')}</h3>
            {data.requests.length === 0 && <p>{t('betweenDelegate.noRequests')}</p>}
            <ul className="plain">
              {data.requests.map(({ id, state: r }) => {
                const lands = Object.keys(r.lands);
                const joined = lands.includes(land);
                return (
                  <li key={id} className="between-item" data-testid={`request-${id}`}>
                    <p>{r.reason}</p>
                    <p>
                      <strong>{r.status === 'reached' ? t('betweenDelegate.reached', { count: lands.length }) : t('betweenDelegate.joinedCount', { count: lands.length, needed: r.needed })}</strong>
                    </p>
                    <progress max={r.needed} value={Math.min(lands.length, r.needed)} aria-label={t('betweenDelegate.joinedCount', { count: lands.length, needed: r.needed })} />
                    <p>{t('betweenDelegate.joinedLands', { lands: lands.map(landName).join(', ') || '–' })}</p>
                    {r.status === 'collecting' && canAct && (joined
                      ? <button type="button" onClick={() => void run('extraordinary', id, { type: 'withdrawFromExtraordinaryRequest' }, t('betweenDelegate.withdrawnMsg', { land: landName(land) }))}>{t('betweenDelegate.withdraw', { land: landName(land) })}</button>
                      : <button type="button" onClick={() => void run('extraordinary', id, { type: 'joinExtraordinaryRequest' }, t('betweenDelegate.joinedMsg', { land: landName(land) }))}>{t('betweenDelegate.join', { land: landName(land) })}</button>)}
                  </li>
                );
              })}
            </ul>
            {canAct && (
              <form onSubmit={request}>
                <fieldset>
                  <legend>{t('betweenDelegate.newRequestLegend')}</legend>
                  <label htmlFor="xreq-reason">{t('betweenDelegate.newReason')}</label>
                  <textarea id="xreq-reason" required maxLength={20000} value={reason} onChange={(e) => setReason(e.target.value)} />
                  <button type="submit">{t('betweenDelegate.request')}</button>
                </fieldset>
              </form>
            )}
          </>
        )}
      </details>
    </section>
  );
}
