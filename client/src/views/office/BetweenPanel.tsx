import { useCallback, useEffect, useState, type FormEvent } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CircularState, ErrorPayload } from '@plenum/shared';
import { DMK_PROFILE, landName } from '@plenum/shared/src/dmkProfile.ts';
import { useLang } from '../../i18n/index.ts';
import { useMeeting } from '../../store/index.ts';
import { usePerson } from '../../store/person.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { OfficeDeadlines } from './OfficeDeadlines.tsx';
import { OfficeFollowUp } from './OfficeFollowUp.tsx';
import { postBetween } from '../../betweenApi.ts';
import { DraftsLink } from '../drafts/DraftsLink.tsx';

/** Texts of this panel, German first; added as their own i18next bundle so the panel stays in one folder. */
const TEXT = {
  de: {
    heading: 'Zwischen den Sitzungen', protocol: 'Ergebnisprotokoll', german: 'Deutsch', english: 'Englisch',
    publications: 'Veröffentlichungen (öffentliche Seite)', circulars: 'Umlaufverfahren', none: 'Keine Umlaufverfahren.',
    title: 'Titel', text: 'Beschlussvorschlag', proposingLand: 'Antragstellendes Land', start: 'Umlaufverfahren starten',
    deadline: 'Widerspruchsfrist bis', agreements: 'Zustimmungen', communicate: 'Ergebnis mitteilen', publish: 'Veröffentlichen',
    status: { running: 'läuft', objected: 'Widerspruch – Beratung in der Sitzung', adopted: 'angenommen', rejected: 'nicht angenommen', none: '–' },
    consensus: 'Konsens', published: 'veröffentlicht',
    conferenceOfficeOnly: 'Umlaufverfahren starten und führen nur die Geschäftsstelle der Konferenz (mit konferenzweiter Einladung). Hier können Sie sie verfolgen.',
  },
  en: {
    heading: 'Between sessions', protocol: 'Results protocol', german: 'German', english: 'English',
    publications: 'Publications (public page)', circulars: 'Circular procedures', none: 'No circular procedures.',
    title: 'Title', text: 'Proposal', proposingLand: 'Proposing Land', start: 'Start circular procedure',
    deadline: 'Objections until', agreements: 'Agreements', communicate: 'Communicate result', publish: 'Publish',
    status: { running: 'running', objected: 'objection – goes to a session', adopted: 'adopted', rejected: 'not adopted', none: '–' },
    consensus: 'consensus', published: 'published',
    conferenceOfficeOnly: 'Circular procedures are started and run by the conference office only (with a conference-wide invitation). Here you can follow them.',
  },
};
i18next.addResourceBundle('de', 'translation', { between: TEXT.de }, true, false);
i18next.addResourceBundle('en', 'translation', { between: TEXT.en }, true, false);

interface Row { id: string; state: CircularState }

async function post(kind: string, id: string, command: unknown): Promise<ErrorPayload | null> {
  const answer = await postBetween(kind, id, command);
  return 'error' in answer ? answer.error : null;
}

/**
 * Office: protocol downloads, deadlines (R-AGD-6, R-PRT-2), circular procedures (start, follow, communicate, publish), follow-up (R-FUP-1/2), publications.
 * F6: the conference-wide procedures are started and run by the office of the conference; the office of one meeting follows them
 * and sees no control the server would refuse (403).
 */
export function BetweenPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const runsConference = usePerson((s) => s.me?.runsConferenceProcedures ?? false);
  const meetingId = useMeeting((s) => s.meetingId ?? s.state.meetingId);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [form, setForm] = useState({ title: '', text: '', proposingLand: 'BE' });

  const load = useCallback(async () => {
    try {
      const res = await fetch('/api/between/circular', { credentials: 'same-origin' });
      const body: unknown = res.ok ? await res.json() : null;
      if (Array.isArray(body)) setRows(body.filter((r): r is Row => typeof r?.id === 'string' && typeof r?.state?.answers === 'object'));
    } catch {
      // offline or no server (tests): the list stays as it is
    }
  }, []);
  // Loaded when the office opens the section, so the preparation screen makes no extra request.
  const [open, setOpen] = useState(false);
  useEffect(() => { if (open) void load(); }, [open, load]);

  const act = async (id: string, command: unknown) => {
    setError(await post('circular', id, command));
    await load();
  };
  const start = async (e: FormEvent) => {
    e.preventDefault();
    const id = `circ-${Date.now().toString(36)}`;
    await act(id, { type: 'startCircular', title: form.title, text: form.text, proposingLand: form.proposingLand, roster: [] });
  };
  const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin' }) : '–');

  return (
    <section aria-labelledby="between-heading" className="panel">
      <h2 id="between-heading">{t('between.heading')}</h2>
      {meetingId && (
        <>
          <h3>{t('between.protocol')}</h3>
          <ul>
            {(['de', 'en'] as const).map((l) => (
              <li key={l}>
                {t(l === 'de' ? 'between.german' : 'between.english')}:{' '}
                <a href={`/api/meetings/${encodeURIComponent(meetingId)}/protocol.pdf?lang=${l}`}>PDF</a>,{' '}
                <a href={`/api/meetings/${encodeURIComponent(meetingId)}/protocol.md?lang=${l}`}>Markdown</a>,{' '}
                <a href={`/api/meetings/${encodeURIComponent(meetingId)}/protocol.json?lang=${l}`}>JSON</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p><a href="/publications">{t('between.publications')}</a></p>
      <DraftsLink />
      {meetingId && <OfficeDeadlines meetingId={meetingId} fmt={fmt} />}

      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('between.circulars')}</summary>
      {error && <ErrorAlert error={error} />}
      {!runsConference && <p className="muted">{t('between.conferenceOfficeOnly')}</p>}
      {runsConference && <form onSubmit={start}>
        <label htmlFor="circ-title">{t('between.title')}</label>
        <input id="circ-title" required value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <label htmlFor="circ-text">{t('between.text')}</label>
        <textarea id="circ-text" required value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />
        <label htmlFor="circ-land">{t('between.proposingLand')}</label>
        <select id="circ-land" value={form.proposingLand} onChange={(e) => setForm({ ...form, proposingLand: e.target.value })}>
          {DMK_PROFILE.lands.map((l) => <option key={l.code} value={l.code}>{landName(DMK_PROFILE, l.code, lang)}</option>)}
        </select>
        <button type="submit">{t('between.start')}</button>
      </form>}
      {rows.length === 0 ? <p>{t('between.none')}</p> : (
        <ul>
          {rows.map(({ id, state: s }) => {
            const yes = Object.values(s.answers).filter((a) => a.choice === 'yes').length;
            return (
              <li key={id}>
                <strong>{s.title}</strong> ({landName(DMK_PROFILE, s.proposingLand ?? '', lang)}): {t(`between.status.${s.status}`)};{' '}
                {t('between.deadline')} {fmt(s.deadline)}; {t('between.agreements')} {yes}/{s.agreementsNeeded}
                {s.explanation?.consensus ? `, ${t('between.consensus')}` : ''}{s.publishedAt ? `, ${t('between.published')}` : ''}
                {runsConference && s.status !== 'running' && s.status !== 'none' && !s.communicatedAt && (
                  <button type="button" onClick={() => void act(id, { type: 'communicateCircularResult' })}>{t('between.communicate')}</button>
                )}
                {runsConference && s.communicatedAt && !s.publishedAt && (
                  <button type="button" onClick={() => void act(id, { type: 'publishCircularResult' })}>{t('between.publish')}</button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      </details>
      <OfficeFollowUp fmt={fmt} mayAct={runsConference} />
    </section>
  );
}
