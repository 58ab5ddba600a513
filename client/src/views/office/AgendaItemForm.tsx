import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AgendaItemInput } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { CheckboxGroup } from '../common/CheckboxGroup.tsx';

export type Draft = {
  number: string; title: string; kind: 'proposal' | 'report'; rapporteurs: string[]; paragraphs: string;
  bundesrat: boolean; itPlr: 'none' | 'pending' | 'agreed'; standing: 'none' | 'landsExchange' | 'bundReport';
  barredFromPublication: boolean; shortNotice: boolean;
};
export const EMPTY_DRAFT: Draft = {
  number: '', title: '', kind: 'proposal', rapporteurs: [], paragraphs: '', bundesrat: false, itPlr: 'none', standing: 'none',
  barredFromPublication: false, shortNotice: false,
};

/** Paragraphs are entered separated by an empty line and numbered 1, 2, 3 … (R-VOT-6 votes them one by one). */
export function parseParagraphs(text: string): AgendaItemInput['paragraphs'] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p, i) => ({ number: String(i + 1), text: p }));
}

/** An item on the agenda as a draft for the edit form (paragraphs back to text with empty lines). */
export function draftOf(item: AgendaItem): Draft {
  return {
    number: item.number, title: item.title, kind: item.kind, rapporteurs: [...item.rapporteurs],
    paragraphs: item.paragraphs.map((p) => p.text).join('\n\n'), bundesrat: item.bundesrat, itPlr: item.itPlr,
    standing: item.standing, barredFromPublication: item.barredFromPublication, shortNotice: item.shortNotice,
  };
}

/**
 * The fields of an agenda item (R-AGD-1..5, R-PRT-3). Adding asks for the short-notice flag and the
 * IT-PLR state too; editing leaves those out (the IT-PLR state has its own command, R-AGD-4; short
 * notice is a fact of how the item came in, R-AGD-2).
 */
export function AgendaItemForm({ mode, initial, idPrefix, pending, onSubmit, onCancel, children }: {
  mode: 'add' | 'edit';
  initial: Draft;
  idPrefix: string;
  pending: boolean;
  onSubmit: (draft: Draft) => Promise<boolean>;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const [draft, setDraft] = useState<Draft>(initial);
  const rapporteurOptions = [...profile.lands.map((l) => l.code), 'BUND'];
  const hintId = `${idPrefix}-paragraphs-hint`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSubmit(draft)) setDraft(mode === 'add' ? EMPTY_DRAFT : draft);
  };
  const check = (key: 'bundesrat' | 'barredFromPublication' | 'shortNotice') => (
    <label className="checkbox">
      <input type="checkbox" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} />
      {t(`office.agenda.${key}`)}
    </label>
  );

  return (
    <form onSubmit={submit} className="stack" aria-label={mode === 'add' ? t('office.agenda.add') : t('office.agenda.editOf', { number: initial.number })}>
      {mode === 'add' && <h3>{t('office.agenda.add')}</h3>}
      <label className="field">{t('office.agenda.number')}<input value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} required placeholder="TOP 11" /></label>
      <label className="field">{t('office.agenda.title')}<input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required /></label>
      <label className="field">{t('office.agenda.kind')}
        <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
          <option value="proposal">{t('item.kind.proposal')}</option>
          <option value="report">{t('item.kind.report')}</option>
        </select>
      </label>
      <CheckboxGroup
        legend={t('item.rapporteurs')}
        options={rapporteurOptions}
        selected={draft.rapporteurs}
        onChange={(rapporteurs) => setDraft({ ...draft, rapporteurs })}
        labelOf={landName}
      />
      <label className="field">{t('office.agenda.paragraphs')}
        <textarea rows={6} value={draft.paragraphs} onChange={(e) => setDraft({ ...draft, paragraphs: e.target.value })} aria-describedby={hintId} />
      </label>
      <p id={hintId} className="muted">{t('office.agenda.paragraphsHint')}</p>
      {check('bundesrat')}
      {mode === 'add' && check('shortNotice')}
      {check('barredFromPublication')}
      {mode === 'add' && (
        <label className="field">{t('office.agenda.itPlr')}
          <select value={draft.itPlr} onChange={(e) => setDraft({ ...draft, itPlr: e.target.value as Draft['itPlr'] })}>
            {(['none', 'pending', 'agreed'] as const).map((v) => <option key={v} value={v}>{t(`office.agenda.itPlrValue.${v}`)}</option>)}
          </select>
        </label>
      )}
      <label className="field">{t('office.agenda.standing')}
        <select value={draft.standing} onChange={(e) => setDraft({ ...draft, standing: e.target.value as Draft['standing'] })}>
          {(['none', 'landsExchange', 'bundReport'] as const).map((v) => <option key={v} value={v}>{t(`office.agenda.standingValue.${v}`)}</option>)}
        </select>
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending || draft.rapporteurs.length === 0}>
          {mode === 'add' ? t('office.agenda.submit') : t('office.agenda.save')}
        </button>
        {onCancel && <button type="button" onClick={onCancel}>{t('office.agenda.cancel')}</button>}
      </div>
      {children}
    </form>
  );
}
