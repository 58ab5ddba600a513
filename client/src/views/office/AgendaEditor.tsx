import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemInput } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { ItemFlags } from '../common/ItemText.tsx';
import { useCommand } from '../common/useCommand.ts';

type Draft = {
  number: string; title: string; kind: 'proposal' | 'report'; rapporteurs: string[]; paragraphs: string;
  bundesrat: boolean; itPlr: 'none' | 'pending' | 'agreed'; standing: 'none' | 'landsExchange' | 'bundReport';
  barredFromPublication: boolean; shortNotice: boolean;
};
const EMPTY: Draft = {
  number: '', title: '', kind: 'proposal', rapporteurs: [], paragraphs: '', bundesrat: false, itPlr: 'none', standing: 'none',
  barredFromPublication: false, shortNotice: false,
};

/** Paragraphs are entered separated by an empty line and numbered 1, 2, 3 … (R-VOT-6 votes them one by one). */
export function parseParagraphs(text: string): AgendaItemInput['paragraphs'] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p, i) => ({ number: String(i + 1), text: p }));
}

/** R-AGD-1..5: agenda items with kind, rapporteurs, paragraphs and flags. */
export function AgendaEditor() {
  const { t } = useTranslation();
  const agenda = useMeeting((s) => s.state.agenda);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const { run, error, pending } = useCommand();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const rapporteurOptions = [...profile.lands.map((l) => l.code), 'BUND'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { shortNotice, paragraphs, ...rest } = draft;
    const res = await run({ type: 'addAgendaItem', item: { ...rest, paragraphs: parseParagraphs(paragraphs) }, shortNotice });
    if ('data' in res) setDraft(EMPTY);
  };
  const check = (key: 'bundesrat' | 'barredFromPublication' | 'shortNotice') => (
    <label className="checkbox">
      <input type="checkbox" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} />
      {t(`office.agenda.${key}`)}
    </label>
  );

  return (
    <section aria-labelledby="office-agenda-heading" className="panel">
      <h2 id="office-agenda-heading">{t('chair.agenda.heading')}</h2>
      <ol className="agenda-list" data-testid="office-agenda">
        {agenda.map((item) => (
          <li key={item.id} className="agenda-item">
            <strong>{item.number}</strong> {item.title}
            <div className="muted">{t(`item.kind.${item.kind}`)} · {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')} · {t('office.agenda.paragraphCount', { count: item.paragraphs.length })}</div>
            <ItemFlags item={item} />
            <button type="button" className="small" onClick={() => run({ type: 'removeAgendaItem', itemId: item.id })} aria-label={`${t('office.agenda.remove')}: ${item.number}`}>
              {t('office.agenda.remove')}
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} className="stack">
        <h3>{t('office.agenda.add')}</h3>
        <label className="field">{t('office.agenda.number')}<input value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} required placeholder="TOP 11" /></label>
        <label className="field">{t('office.agenda.title')}<input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required /></label>
        <label className="field">{t('office.agenda.kind')}
          <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
            <option value="proposal">{t('item.kind.proposal')}</option>
            <option value="report">{t('item.kind.report')}</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('item.rapporteurs')}</legend>
          <div className="land-checks">
            {rapporteurOptions.map((code) => (
              <label key={code} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.rapporteurs.includes(code)}
                  onChange={(e) => setDraft({ ...draft, rapporteurs: e.target.checked ? [...draft.rapporteurs, code] : draft.rapporteurs.filter((c) => c !== code) })}
                />
                {landName(code)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">{t('office.agenda.paragraphs')}
          <textarea rows={6} value={draft.paragraphs} onChange={(e) => setDraft({ ...draft, paragraphs: e.target.value })} aria-describedby="paragraphs-hint" />
        </label>
        <p id="paragraphs-hint" className="muted">{t('office.agenda.paragraphsHint')}</p>
        {check('bundesrat')}
        {check('shortNotice')}
        {check('barredFromPublication')}
        <label className="field">{t('office.agenda.itPlr')}
          <select value={draft.itPlr} onChange={(e) => setDraft({ ...draft, itPlr: e.target.value as Draft['itPlr'] })}>
            {(['none', 'pending', 'agreed'] as const).map((v) => <option key={v} value={v}>{t(`office.agenda.itPlrValue.${v}`)}</option>)}
          </select>
        </label>
        <label className="field">{t('office.agenda.standing')}
          <select value={draft.standing} onChange={(e) => setDraft({ ...draft, standing: e.target.value as Draft['standing'] })}>
            {(['none', 'landsExchange', 'bundReport'] as const).map((v) => <option key={v} value={v}>{t(`office.agenda.standingValue.${v}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary" disabled={pending || draft.rapporteurs.length === 0}>{t('office.agenda.submit')}</button>
        <ErrorAlert error={error} />
      </form>
    </section>
  );
}
