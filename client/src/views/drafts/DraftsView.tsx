import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '@plenum/shared';
import { bracketsByLand, heldAlone, openBrackets } from '@plenum/shared/src/drafts/state.ts';
import { DMK_PROFILE, landName } from '@plenum/shared/src/dmkProfile.ts';
import { useLang } from '../../i18n/index.ts';
import { navigate, usePath } from '../../router.ts';
import { useMeeting } from '../../store/index.ts';
import { Layout } from '../common/Layout.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { homeFor } from '../../App.tsx';
import { bracketNumbers, DraftEditor } from './DraftEditor.tsx';
import { useDrafts, type DraftRow } from './useDrafts.ts';
import { useBracketNotices } from './useBracketNotices.ts';
import { newIdempotencyKey } from '../../store/key.ts';
import './texts.ts';
import './drafts.css';

/**
 * The drafts of the DMK-Arbeitsgremium (R-AGR-1..4) for the office, the chair and the Länder's
 * officers: an overview (the Land's drafts, brackets it holds and where it is alone; for the
 * office every draft by state and the brackets per Land), and the editor of one draft.
 */
export default function DraftsView() {
  const { t } = useTranslation();
  const path = usePath();
  const role = useMeeting((s) => s.role);
  const meetingId = useMeeting((s) => s.meetingId ?? s.state.meetingId);
  const land = useMeeting((s) => (s.participantId ? s.state.participants[s.participantId]?.land ?? null : null));
  const { notices, onChange } = useBracketNotices(land);
  const { rows, byId, live, act } = useDrafts(onChange);
  const selected = path.startsWith('/drafts/') ? decodeURIComponent(path.slice('/drafts/'.length)) : null;
  const row = selected ? byId[selected] : undefined;
  const can = { land, leads: role === 'office' || (land !== null && row?.state.leadLand === land), chairs: role === 'office' || role === 'chair' };

  return (
    <Layout role={t(role ? `role.${role}` : 'role.office')} className="drafts">
      <h1>{t('drafts.title')}</h1>
      <p>
        <a href={role ? homeFor(role) : '/'} onClick={(e) => { e.preventDefault(); navigate(role ? homeFor(role) : '/'); }}>{t('drafts.home')}</a>
        {' · '}{land ? t('drafts.myLand', { land: landName(DMK_PROFILE, land) }) : role === 'office' ? t('drafts.office') : ''}
        {' · '}<span data-testid="drafts-live">{live ? t('drafts.live') : t('drafts.offline')}</span>
      </p>
      {notices.length > 0 && (
        <section aria-labelledby="notices-heading" className="panel notices">
          <h2 id="notices-heading">{t('drafts.notices')}</h2>
          <ul data-testid="draft-notices">{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </section>
      )}
      {selected ? (
        <>
          <p><a href="/drafts" onClick={(e) => { e.preventDefault(); navigate('/drafts'); }}>{t('drafts.back')}</a></p>
          {row ? <DraftEditor id={selected} state={row.state} can={can} office={role === 'office'} meetingId={meetingId} act={(c) => act(selected, c)} /> : <p>{t('drafts.none')}</p>}
        </>
      ) : (
        <>
          {land ? <LandOverview rows={rows} land={land} /> : <OfficeOverview rows={rows} />}
          {(land || role === 'office') && <CreateDraft office={role === 'office'} act={act} />}
        </>
      )}
    </Layout>
  );
}

function DraftLink({ row }: { row: DraftRow }) {
  const { t } = useTranslation();
  const open = openBrackets(row.state).length;
  const href = `/drafts/${encodeURIComponent(row.id)}`;
  return (
    <>
      <a href={href} onClick={(e) => { e.preventDefault(); navigate(href); }}>{row.state.title}</a>
      {' – '}{open ? t('drafts.openCount', { count: open }) : t('drafts.agreed')}
      {row.state.onAgenda.map((a) => <span key={`${a.meetingId}${a.itemId}${a.version}`}> · {t('drafts.onAgenda', { meeting: a.meetingId, item: a.itemId, version: a.version })}</span>)}
    </>
  );
}

/** The Land's view: drafts it is in, brackets it holds, where it holds alone. */
function LandOverview({ rows, land }: { rows: DraftRow[]; land: string }) {
  const { t } = useTranslation();
  const involved = (r: DraftRow) => r.state.leadLand === land || r.state.coLands.includes(land) || openBrackets(r.state).some((b) => b.holders[land]);
  const held = rows.flatMap((r) => openBrackets(r.state).filter((b) => b.holders[land]).map((b) => ({ r, b, n: bracketNumbers(r.state)[b.id] })));
  const alone = new Set(rows.flatMap((r) => heldAlone(r.state, land).map((b) => b.id + r.id)));
  return (
    <>
      <section aria-labelledby="mine-heading" className="panel">
        <h2 id="mine-heading">{t('drafts.mine')}</h2>
        {rows.filter(involved).length === 0 ? <p>{t('drafts.none')}</p> : <ul>{rows.filter(involved).map((r) => <li key={r.id}><DraftLink row={r} /></li>)}</ul>}
      </section>
      <section aria-labelledby="held-heading" className="panel">
        <h2 id="held-heading">{t('drafts.held')}</h2>
        {held.length === 0 ? <p>{t('drafts.noneHeld')}</p> : (
          <ul data-testid="held-brackets">
            {held.map(({ r, b, n }) => (
              <li key={r.id + b.id}>
                „{r.state.title}“, {t('drafts.bracket', { n })}: „{b.text}“
                {alone.has(b.id + r.id) && <strong> – {t('drafts.alone')}</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="others-heading" className="panel">
        <h2 id="others-heading">{t('drafts.others')}</h2>
        <ul>{rows.filter((r) => !involved(r)).map((r) => <li key={r.id}><DraftLink row={r} /></li>)}</ul>
      </section>
    </>
  );
}

/** The office's view: all drafts by state, and per Land the brackets it holds. */
function OfficeOverview({ rows }: { rows: DraftRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const perLand: Record<string, { title: string; n: number }[]> = {};
  for (const r of rows) {
    const numbers = bracketNumbers(r.state);
    for (const [l, ids] of Object.entries(bracketsByLand(r.state))) for (const id of ids) (perLand[l] ??= []).push({ title: r.state.title, n: numbers[id] ?? 0 });
  }
  const groups = [
    { key: 'agreed', rows: rows.filter((r) => openBrackets(r.state).length === 0) },
    { key: 'bracketPaper', rows: rows.filter((r) => openBrackets(r.state).length > 0) },
  ];
  return (
    <>
      <section aria-labelledby="state-heading" className="panel">
        <h2 id="state-heading">{t('drafts.byState')}</h2>
        {rows.length === 0 && <p>{t('drafts.none')}</p>}
        {groups.filter((g) => g.rows.length).map((g) => (
          <div key={g.key}>
            <h3>{t(`drafts.${g.key}`)}</h3>
            <ul>{g.rows.map((r) => <li key={r.id}><DraftLink row={r} /></li>)}</ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="perland-heading" className="panel">
        <h2 id="perland-heading">{t('drafts.perLand')}</h2>
        {Object.keys(perLand).length === 0 ? <p>{t('drafts.noBrackets')}</p> : (
          <table data-testid="brackets-per-land">
            <thead><tr><th scope="col">{t('drafts.land')}</th><th scope="col">{t('drafts.heldPerLand')}</th></tr></thead>
            <tbody>
              {DMK_PROFILE.lands.filter((l) => perLand[l.code]).map((l) => (
                <tr key={l.code}><th scope="row">{landName(DMK_PROFILE, l.code, lang)}</th><td>{perLand[l.code]!.map((x) => `${x.title} K${x.n}`).join('; ')}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function CreateDraft({ office, act }: { office: boolean; act: (id: string, c: unknown) => Promise<ErrorPayload | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form, setForm] = useState({ title: '', text: '', leadLand: 'BE' });
  const [error, setError] = useState<ErrorPayload | null>(null);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const docx = file.name.toLowerCase().endsWith('.docx');
    const res = await fetch('/api/drafts/import', {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain' },
    });
    const body = (await res.json().catch(() => null)) as { data?: { paragraphs: string[] }; error?: ErrorPayload } | null;
    if (body?.data) setForm((f) => ({ ...f, text: body.data!.paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n') }));
    setError(body?.error ?? null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const paragraphs = form.text.split('\n').map((l) => l.replace(/^\s*(?:\(\d+\)|\d+[.)])\s+/, '').trim()).filter(Boolean);
    const id = `draft-${newIdempotencyKey().replace(/[^a-z0-9]/gi, '').slice(3, 15)}`;
    const refused = await act(id, { type: 'createDraft', title: form.title, paragraphs, ...(office ? { leadLand: form.leadLand } : {}) });
    setError(refused);
    if (!refused) navigate(`/drafts/${encodeURIComponent(id)}`);
  };
  return (
    <section aria-labelledby="create-heading" className="panel">
      <h2 id="create-heading">{t('drafts.create')}</h2>
      <ErrorAlert error={error} testId="create-error" />
      <form onSubmit={submit}>
        <label htmlFor="draft-title-input">{t('drafts.draftTitle')}</label>
        <input id="draft-title-input" required maxLength={300} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        {office && (
          <>
            <label htmlFor="draft-lead">{t('drafts.leadLand')}</label>
            <select id="draft-lead" value={form.leadLand} onChange={(e) => setForm({ ...form, leadLand: e.target.value })}>
              {DMK_PROFILE.lands.map((l) => <option key={l.code} value={l.code}>{landName(DMK_PROFILE, l.code, lang)}</option>)}
            </select>
          </>
        )}
        <label htmlFor="draft-import">{t('drafts.import')}</label>
        <input id="draft-import" type="file" accept=".docx,.txt,text/plain" onChange={(e) => void upload(e)} />
        <label htmlFor="draft-text">{t('drafts.paragraphs')}</label>
        <textarea id="draft-text" required rows={6} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        <button type="submit">{t('drafts.createSubmit')}</button>
      </form>
    </section>
  );
}
