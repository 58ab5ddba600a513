import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConferenceHome, DraftState, ErrorPayload } from '@plenum/shared';
import { compareVersions } from '@plenum/shared/src/drafts/compare.ts';
import { getJson } from '../../betweenApi.ts';
import { formatDate } from '../../format.ts';
import { useLang } from '../../i18n/index.ts';
import type { Abilities } from './BracketCard.tsx';

/** A session a version can go to: the upcoming DMK sessions of the conference, and the office's own meeting. */
export interface AgendaTarget { id: string; title: string; date: string; proposedBy: string | null }

/**
 * R-AGR-3: the targets for a draft's version, the next DMK session first. A target an
 * Arbeitsgremium meeting proposed this draft for is named with that meeting.
 */
export function agendaTargets(home: ConferenceHome | null, draftId: string, ownMeetingId: string | null): AgendaTarget[] {
  const sessions = home?.sessions ?? [];
  const proposedBy = (id: string) => sessions.find((s) => s.meeting?.agendaProposals.some((p) => p.targetSessionId === id && p.drafts.some((d) => d.draftId === draftId)))?.title ?? null;
  const targets: AgendaTarget[] = sessions
    .filter((s) => s.kind !== 'arbeitsgremium' && s.phase === 'upcoming')
    .map((s) => ({ id: s.id, title: s.title, date: s.date, proposedBy: proposedBy(s.id) }));
  if (ownMeetingId && !targets.some((x) => x.id === ownMeetingId)) {
    const own = sessions.find((s) => s.id === ownMeetingId);
    targets.push({ id: ownMeetingId, title: own?.title ?? ownMeetingId, date: own?.date ?? '', proposedBy: null });
  }
  return targets;
}

/** Versions v1, v2 …: cut one, compare each with the one before (changes marked), exports, the agenda (R-AGR-3). */
export function VersionsPanel({ id, state, can, office, meetingId, act }: {
  id: string; state: DraftState; can: Abilities; office: boolean; meetingId: string | null; act: (command: unknown) => Promise<ErrorPayload | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<number | null>(null);
  const [itemId, setItemId] = useState(id.slice(0, 64));
  const [home, setHome] = useState<ConferenceHome | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!office) return;
    let active = true;
    void getJson<ConferenceHome>('/api/conference').then((got) => { if (active && got && Array.isArray(got.sessions)) setHome(got); });
    return () => { active = false; };
  }, [office]);
  const targets = agendaTargets(home, id, meetingId);
  // The session an Arbeitsgremium meeting proposed, else the next DMK session.
  const chosen = target ?? (targets.find((x) => x.proposedBy) ?? targets[0])?.id ?? null;
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
    if (latest && chosen) void act({ type: 'putVersionOnAgenda', version: latest.number, meetingId: chosen, itemId: itemId.trim() });
  };
  // The exports in the language of the view (German by default).
  const paper = (format: string, version?: number) => `/api/drafts/${encodeURIComponent(id)}/paper.${format}?lang=${lang}${version ? `&version=${version}` : ''}`;
  const sessionName = (sessionId: string) => home?.sessions.find((x) => x.id === sessionId)?.title ?? sessionId;
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
      {state.onAgenda.map((a) => <p key={`${a.meetingId}-${a.itemId}-${a.version}`}>{t('drafts.onAgenda', { meeting: sessionName(a.meetingId), item: a.itemId, version: a.version })}</p>)}
      {office && latest && chosen && (
        <form onSubmit={agenda} className="inline-form">
          <label htmlFor="agenda-session">{t('drafts.agendaSession')}</label>
          <select id="agenda-session" value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}{x.date ? `, ${formatDate(x.date, lang)}` : ''}{x.proposedBy ? ` – ${t('drafts.proposedBy', { meeting: x.proposedBy })}` : ''}
              </option>
            ))}
          </select>
          <label htmlFor="agenda-item">{t('drafts.agendaItem')}</label>
          <input id="agenda-item" required pattern="[A-Za-z0-9_.:\-]{1,64}" value={itemId} onChange={(e) => setItemId(e.target.value)} />
          <button type="submit">{t('drafts.agendaPut')}: v{latest.number}</button>
        </form>
      )}
    </section>
  );
}
