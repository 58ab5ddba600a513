import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftState, ErrorPayload } from '@plenum/shared';
import { compareVersions } from '@plenum/shared/src/drafts/compare.ts';
import type { Abilities } from './BracketCard.tsx';

/** Versions v1, v2 …: cut one, compare each with the one before (changes marked), exports, the agenda (R-AGR-3). */
export function VersionsPanel({ id, state, can, office, meetingId, act }: {
  id: string; state: DraftState; can: Abilities; office: boolean; meetingId: string | null; act: (command: unknown) => Promise<ErrorPayload | null>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [itemId, setItemId] = useState('');
  const versions = state.versions;
  const latest = versions.at(-1);
  const show = shown ?? latest?.number ?? null;
  const to = versions.find((v) => v.number === show);
  const from = to ? versions.find((v) => v.number === to.number - 1) ?? null : null;
  const cut = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await act({ type: 'cutVersion', ...(note.trim() ? { note: note.trim() } : {}) }))) setNote('');
  };
  const agenda = (e: FormEvent) => {
    e.preventDefault();
    if (latest && meetingId) void act({ type: 'putVersionOnAgenda', version: latest.number, meetingId, itemId: itemId.trim() });
  };
  const paper = (format: string, version?: number) => `/api/drafts/${encodeURIComponent(id)}/paper.${format}${version ? `?version=${version}` : ''}`;
  return (
    <section className="panel" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('drafts.versions')}</h3>
      {can.leads && (
        <form onSubmit={cut} className="inline-form">
          <label htmlFor="version-note">{t('drafts.note')}</label>
          <input id="version-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
          <button type="submit">{t('drafts.cut')}</button>
        </form>
      )}
      <p>
        {t('drafts.exports')} ({t('drafts.current')}): <a href={paper('docx')}>DOCX</a>, <a href={paper('pdf')}>PDF</a>, <a href={paper('md')}>Markdown</a>
      </p>
      {versions.length === 0 ? <p>{t('drafts.noVersions')}</p> : (
        <>
          <div className="actions" role="group" aria-label={t('drafts.versions')}>
            {versions.map((v) => (
              <button key={v.number} type="button" aria-pressed={v.number === show} onClick={() => setShown(v.number)}>v{v.number}</button>
            ))}
          </div>
          {to && (
            <>
              <h4>{from ? t('drafts.compare', { from: from.number, to: to.number }) : t('drafts.compareFirst')}{to.note ? ` – ${to.note}` : ''}</h4>
              <p className="diff" data-testid="version-diff">
                {compareVersions(from, to).map((c, i) => (
                  c.kind === 'same' ? <span key={i}>{c.text}</span>
                    : c.kind === 'added' ? <ins key={i} title={t('drafts.added')}>{c.text}</ins>
                      : <del key={i} title={t('drafts.removed')}>{c.text}</del>
                ))}
              </p>
              <p>{t('drafts.exports')} (v{to.number}): <a href={paper('docx', to.number)}>DOCX</a>, <a href={paper('pdf', to.number)}>PDF</a>, <a href={paper('md', to.number)}>Markdown</a></p>
            </>
          )}
        </>
      )}
      {state.onAgenda.map((a) => <p key={`${a.meetingId}-${a.itemId}-${a.version}`}>{t('drafts.onAgenda', { meeting: a.meetingId, item: a.itemId, version: a.version })}</p>)}
      {office && latest && meetingId && (
        <form onSubmit={agenda} className="inline-form">
          <label htmlFor="agenda-item">{t('drafts.agendaItem')}</label>
          <input id="agenda-item" required pattern="[A-Za-z0-9_.:\-]{1,64}" value={itemId} onChange={(e) => setItemId(e.target.value)} />
          <button type="submit">{t('drafts.agendaPut')}: v{latest.number}</button>
        </form>
      )}
    </section>
  );
}
