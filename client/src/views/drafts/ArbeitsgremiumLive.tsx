import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceHome, DraftState, ErrorPayload } from '@plenum/shared';
import { heldAlone, openBrackets } from '@plenum/shared/src/drafts/state.ts';
import { getJson } from '../../betweenApi.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { BracketCard } from './BracketCard.tsx';
import { CallPanel } from './CallPanel.tsx';
import { DraftsLink } from './DraftsLink.tsx';
import { bracketNumbers } from './numbers.ts';
import { useBracketNotices } from './useBracketNotices.ts';
import { useDrafts, type DraftRow } from './useDrafts.ts';
import './texts.ts';
import './drafts.css';

/** The open brackets of a draft in the order they were set (K1, K2 …), the one being called marked. */
export function bracketsInTurn(s: DraftState) {
  const numbers = bracketNumbers(s);
  const paragraphOf = (id: string) => s.paragraphs.findIndex((p) => p.id === id) + 1;
  return openBrackets(s).map((b) => ({
    bracket: b, number: numbers[b.id] ?? 0, paragraph: paragraphOf(b.paragraphId), holders: Object.keys(b.holders),
    called: s.call?.bracketId === b.id,
  }));
}

/** The bracket the chair calls next: the first open one after the bracket being called, else the first. */
export function nextToCall(s: DraftState): string | null {
  const open = openBrackets(s).map((b) => b.id);
  const at = s.call ? open.indexOf(s.call.bracketId) : -1;
  return open[at + 1] ?? open[0] ?? null;
}

/**
 * The live view of a meeting of the Arbeitsgremium (R-AGR-1/2) inside the meeting's own page: each
 * open bracket in turn with the Länder that hold it; the chair calls a bracket and every Land answers
 * "einverstanden / hält fest" live (the draft stream's bracket call), the chair resolves it once no
 * Land holds out, and ends the meeting with new versions and the agenda proposal for the next DMK.
 * A Land's working level sees the same list, which brackets it holds (and alone), and answers.
 * The room screen shows the same list and the call's answers, read only.
 */
export default function ArbeitsgremiumLive({ mode }: { mode: 'chair' | 'land' | 'screen' }) {
  const { t } = useTranslation();
  const land = useMeeting((s) => (mode === 'land' && s.participantId ? s.state.participants[s.participantId]?.land ?? null : null));
  const { notices, onChange } = useBracketNotices(land);
  const { rows, live, act } = useDrafts(onChange);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const active = rows.filter((r) => openBrackets(r.state).length > 0 || r.state.call);
  // The draft with a running call first: that is what the meeting is on.
  const current = rows.find((r) => r.id === picked) ?? active.find((r) => r.state.call) ?? active[0] ?? null;
  const run = async (id: string, command: unknown) => { const e = await act(id, command); setError(e); return e; };
  const can = { land, leads: false, chairs: mode === 'chair' };

  return (
    <div className="drafts ag-live" data-testid="ag-live">
      <h2>{t('drafts.ag.heading')}</h2>
      <p>{t('drafts.ag.noVote')} · <span data-testid="drafts-live">{live ? t('drafts.live') : t('drafts.offline')}</span></p>
      {notices.length > 0 && (
        <section aria-labelledby="ag-notices" className="panel notices">
          <h3 id="ag-notices">{t('drafts.notices')}</h3>
          <ul data-testid="draft-notices">{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </section>
      )}
      <ErrorAlert error={error} testId="ag-error" />
      {active.length === 0 && <p>{t('drafts.ag.none')}</p>}
      {mode === 'chair' && active.length > 1 && (
        <label className="field">{t('drafts.ag.draft')}
          <select value={current?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {active.map((r) => <option key={r.id} value={r.id}>{r.state.title}</option>)}
          </select>
        </label>
      )}
      {(mode === 'chair' ? (current ? [current] : []) : active).map((row) => (
        <DraftInTurn key={row.id} row={row} mode={mode} land={land} can={can} act={(c) => run(row.id, c)} />
      ))}
      {mode === 'chair' && <EndMeeting rows={rows} current={current} />}
      {mode !== 'screen' && <DraftsLink />}
    </div>
  );
}

function DraftInTurn({ row, mode, land, can, act }: {
  row: DraftRow; mode: 'chair' | 'land' | 'screen'; land: string | null; can: { land: string | null; leads: boolean; chairs: boolean };
  act: (command: unknown) => Promise<ErrorPayload | null>;
}) {
  const { t } = useTranslation();
  const s = row.state;
  const numbers = bracketNumbers(s);
  const alone = new Set(land ? heldAlone(s, land).map((b) => b.id) : []);
  const called = s.call ? s.brackets[s.call.bracketId] : undefined;
  const next = nextToCall(s);
  return (
    <section className="ag-draft" aria-labelledby={`ag-${row.id}`} data-testid={`ag-draft-${row.id}`}>
      <h3 id={`ag-${row.id}`}>{s.title}</h3>
      <div className="ag-columns">
        <div>
          <h4>{t('drafts.ag.inTurn')}</h4>
          <ol className="ag-brackets" data-testid="ag-brackets">
            {bracketsInTurn(s).map((x) => (
              <li key={x.bracket.id} aria-current={x.called ? 'step' : undefined} data-testid={`ag-bracket-${x.bracket.id}`}
                className={[x.called ? 'called' : '', land && x.bracket.holders[land] ? 'mine' : ''].join(' ').trim() || undefined}>
                <strong>{t('drafts.bracket', { n: x.number })}</strong> ({t('drafts.ag.paragraph', { n: x.paragraph })}){x.called && <em> – {t('drafts.ag.current')}</em>}
                <br />„{x.bracket.text}“
                <br /><span data-testid={`ag-holders-${x.bracket.id}`}>{x.holders.length ? t('drafts.heldBy', { lands: x.holders.join(', ') }) : t('drafts.heldByNone')}</span>
                {land && x.bracket.holders[land] && <strong> – {alone.has(x.bracket.id) ? `${t('drafts.ag.yours')} (${t('drafts.ag.alone')})` : t('drafts.ag.yours')}</strong>}
                {mode === 'chair' && !x.called && (
                  <> <button type="button" onClick={() => void act({ type: 'callBracket', bracketId: x.bracket.id })}>{t('drafts.ag.call')} K{x.number}</button></>
                )}
              </li>
            ))}
          </ol>
          {mode === 'chair' && next && (
            <button type="button" onClick={() => void act({ type: 'callBracket', bracketId: next })}>{t('drafts.ag.callNext')}: K{numbers[next]}</button>
          )}
        </div>
        <div>
          {s.call ? <CallPanel state={s} numbers={numbers} can={can} act={act} /> : <p>{t('drafts.ag.noCall')}</p>}
          {mode === 'chair' && called && <BracketCard bracket={called} number={numbers[called.id] ?? 0} can={can} act={act} called />}
        </div>
      </div>
    </section>
  );
}

/** R-AGR-2: the chair ends the meeting: a new version of each draft deliberated, proposed for the next DMK. */
function EndMeeting({ rows, current }: { rows: DraftRow[]; current: DraftRow | null }) {
  const { t } = useTranslation();
  const meetingId = useMeeting((s) => s.meetingId ?? s.state.meetingId);
  const proposals = useMeeting((s) => s.state.agendaProposals);
  const openedAt = useMeeting((s) => s.state.session?.openedAt ?? null);
  const [home, setHome] = useState<ConferenceHome | null>(null);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    let active = true;
    void getJson<ConferenceHome>('/api/conference').then((got) => { if (active && got && Array.isArray(got.sessions)) setHome(got); });
    return () => { active = false; };
  }, []);
  const sessions = (home?.sessions ?? []).filter((x) => x.kind !== 'arbeitsgremium' && x.phase === 'upcoming');
  // By default the drafts deliberated: changed since the meeting opened (and the one on screen).
  const deliberated = rows.filter((r) => r.id === current?.id || (openedAt !== null && (r.state.updatedAt ?? '') >= openedAt)).map((r) => r.id);
  const drafts = chosen ?? deliberated;
  const to = target ?? sessions[0]?.id ?? '';
  const title = (id: string) => home?.sessions.find((x) => x.id === id)?.title ?? id;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!meetingId) return;
    const res = await fetch(`/api/arbeitsgremium/${encodeURIComponent(meetingId)}/conclude`, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ drafts, targetSessionId: to }),
    });
    const body = (await res.json().catch(() => null)) as { error?: ErrorPayload } | null;
    setError(res.ok ? null : body?.error ?? { code: 'internal.error' } as ErrorPayload);
  };
  return (
    <section className="panel" aria-labelledby="ag-end">
      <h3 id="ag-end">{t('drafts.ag.end')}</h3>
      {proposals.map((p) => (
        <p key={p.at} data-testid="ag-proposal">
          {t('drafts.ag.proposed', { session: title(p.targetSessionId), drafts: p.drafts.map((d) => `„${d.title}“ v${d.version}`).join('; ') })}
        </p>
      ))}
      {proposals.length === 0 && (
        <form onSubmit={submit}>
          <p>{t('drafts.ag.endHint')}</p>
          <fieldset>
            <legend>{t('drafts.ag.drafts')}</legend>
            {rows.map((r) => (
              <label key={r.id} className="check">
                <input type="checkbox" checked={drafts.includes(r.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...drafts, r.id] : drafts.filter((d) => d !== r.id))} /> {r.state.title}
              </label>
            ))}
          </fieldset>
          <label htmlFor="ag-target">{t('drafts.ag.target')}</label>
          <select id="ag-target" value={to} onChange={(e) => setTarget(e.target.value)} required>
            {sessions.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
          </select>
          <ErrorAlert error={error} testId="ag-end-error" />
          <button type="submit" disabled={drafts.length === 0 || !to}>{t('drafts.ag.endSubmit')}</button>
        </form>
      )}
    </section>
  );
}
