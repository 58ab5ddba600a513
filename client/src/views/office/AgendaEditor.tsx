import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { ItemFlags } from '../common/ItemText.tsx';
import { useCommand } from '../common/useCommand.ts';
import { AttachmentsEditor } from './AttachmentsEditor.tsx';
import { AgendaItemForm, EMPTY_DRAFT, draftOf, parseParagraphs, type Draft } from './AgendaItemForm.tsx';

export { parseParagraphs } from './AgendaItemForm.tsx';

/** R-AGD-1..5: the agenda: items with kind, rapporteurs, paragraphs and flags; add, edit, remove. */
export function AgendaEditor() {
  const { t } = useTranslation();
  const agenda = useMeeting((s) => s.state.agenda);
  const { run, error, pending } = useCommand();
  const undo = useCommand();
  const [removed, setRemoved] = useState<AgendaItem | null>(null);

  // Undo puts the same item (same id and text) back, at the end of the agenda.
  const restore = async (item: AgendaItem) => {
    const { id, shortNotice, admitted: _a, bundesratCleared: _b, reportNoted: _r, voteIds: _v, ...input } = item;
    const res = await undo.run({ type: 'addAgendaItem', item: input, shortNotice, itemId: id });
    if ('data' in res) setRemoved(null);
  };

  const add = async (draft: Draft) => {
    const { shortNotice, paragraphs, ...rest } = draft;
    const res = await run({ type: 'addAgendaItem', item: { ...rest, paragraphs: parseParagraphs(paragraphs) }, shortNotice });
    return 'data' in res;
  };

  return (
    <section aria-labelledby="office-agenda-heading" className="panel">
      <h2 id="office-agenda-heading">{t('chair.agenda.heading')}</h2>
      <ol className="agenda-list" data-testid="office-agenda">
        {agenda.map((item) => <AgendaRow key={item.id} item={item} onRemoved={setRemoved} />)}
      </ol>
      {removed && (
        <div className="info undo" role="status" data-testid="undo-remove">
          {t('office.agenda.removed', { number: removed.number })}{' '}
          <button type="button" className="small" disabled={undo.pending} onClick={() => restore(removed)}>{t('office.agenda.undo')}</button>
          <ErrorAlert error={undo.error} />
        </div>
      )}
      <AgendaItemForm mode="add" initial={EMPTY_DRAFT} idPrefix="agenda-add" pending={pending} onSubmit={add}>
        <ErrorAlert error={error} />
      </AgendaItemForm>
    </section>
  );
}

/** One item: its facts, the IT-PLR coordination state (R-AGD-4), edit (refused while voted on: R-VOT-5), remove. */
function AgendaRow({ item, onRemoved }: { item: AgendaItem; onRemoved: (item: AgendaItem) => void }) {
  const { t } = useTranslation();
  const live = useMeeting((s) => s.state.session?.status === 'open');
  const landName = useLandName();
  const { run, error, pending, clear } = useCommand();
  const [editing, setEditing] = useState(false);
  const [itPlr, setItPlr] = useState(item.itPlr);
  useEffect(() => setItPlr(item.itPlr), [item.itPlr]);

  const save = async (draft: Draft) => {
    const { shortNotice: _s, itPlr: _i, paragraphs, ...rest } = draft;
    const res = await run({ type: 'editAgendaItem', itemId: item.id, item: { ...rest, paragraphs: parseParagraphs(paragraphs) } });
    if ('data' in res) setEditing(false);
    return 'data' in res;
  };
  const itPlrId = `itplr-${item.id}`;

  return (
    <li className="agenda-item" data-testid={`office-item-${item.id}`}>
      <strong>{item.number}</strong> {item.title}
      <div className="muted">{t(`item.kind.${item.kind}`)} · {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')} · {t('office.agenda.paragraphCount', { count: item.paragraphs.length })}</div>
      <ItemFlags item={item} />
      <div className="inline-form">
        <label htmlFor={itPlrId}>{t('office.agenda.itPlrFor', { number: item.number })}</label>
        <select id={itPlrId} value={itPlr} onChange={(e) => setItPlr(e.target.value as AgendaItem['itPlr'])}>
          {(['none', 'pending', 'agreed'] as const).map((v) => <option key={v} value={v}>{t(`office.agenda.itPlrValue.${v}`)}</option>)}
        </select>
        <button type="button" className="small" disabled={pending || itPlr === item.itPlr}
          onClick={() => run({ type: 'setItPlrCoordination', itemId: item.id, state: itPlr })}
          aria-label={`${t('office.agenda.setItPlr')}: ${item.number}`}>
          {t('office.agenda.setItPlr')}
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="small" aria-expanded={editing} onClick={() => { clear(); setEditing(!editing); }} aria-label={`${t('office.agenda.edit')}: ${item.number}`}>
          {t('office.agenda.edit')}
        </button>
        <ConfirmButton className="small danger" testId={`remove-${item.id}`} disabled={pending} ariaLabel={`${t('office.agenda.remove')}: ${item.number}`}
          onConfirm={async () => { if ('data' in await run({ type: 'removeAgendaItem', itemId: item.id })) onRemoved(item); }}
          confirmation={live ? {
            title: t('confirm.removeItem.title', { number: item.number }),
            body: <p>{item.voteIds.length > 0 ? t('confirm.removeItem.decided') : t('confirm.removeItem.live')}</p>,
            confirmLabel: t('confirm.removeItem.confirm'),
          } : null}>
          {t('office.agenda.remove')}
        </ConfirmButton>
      </div>
      <AttachmentsEditor item={item} />
      {editing && (
        <AgendaItemForm mode="edit" initial={draftOf(item)} idPrefix={`agenda-edit-${item.id}`} pending={pending} onSubmit={save} onCancel={() => { clear(); setEditing(false); }} />
      )}
      <ErrorAlert error={error} />
    </li>
  );
}
