import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';

type Attachment = NonNullable<AgendaItem['attachments']>[number];
const EMPTY = { label: '', title: '', text: '', paragraphs: '', barred: false };

/**
 * R-PRT-3: the documents an item's resolution refers to ("Anlage 1"), as text: the office adds
 * and removes them (the whole list is sent with editAgendaItem), and may mark one as barred from
 * publication. Once the item is decided the server refuses any change but that mark (R-VOT-5).
 */
export function AttachmentsEditor({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const { run, error, pending } = useCommand();
  const list = item.attachments ?? [];
  const [form, setForm] = useState({ ...EMPTY, label: `Anlage ${list.length + 1}` });
  const save = (attachments: Attachment[]) => run({ type: 'editAgendaItem', itemId: item.id, item: { attachments } });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const paragraphs = form.paragraphs.split(/[,\s]+/).map((p) => p.trim()).filter(Boolean);
    const res = await save([...list, { label: form.label, title: form.title, text: form.text, paragraphs, barredFromPublication: form.barred }]);
    if ('data' in res) setForm({ ...EMPTY, label: `Anlage ${list.length + 2}` });
  };

  return (
    <details className="attachments-editor" data-testid={`attachments-${item.id}`}>
      <summary>{t('office.attachments.heading', { count: list.length, number: item.number })}</summary>
      {list.length > 0 && (
        <ul className="plain">
          {list.map((a) => (
            <li key={a.label}>
              {a.label}: {a.title}{a.paragraphs.length > 0 && ` (${t('item.attachmentFor', { numbers: a.paragraphs.join(', ') })})`}
              <label className="checkbox">
                <input type="checkbox" checked={a.barredFromPublication} disabled={pending}
                  onChange={(e) => void save(list.map((x) => (x.label === a.label ? { ...x, barredFromPublication: e.target.checked } : x)))} />
                {t('office.attachments.barred')}
              </label>
              <button type="button" className="small danger" disabled={pending} onClick={() => void save(list.filter((x) => x.label !== a.label))}
                aria-label={`${t('office.attachments.remove')}: ${a.label}`}>{t('office.attachments.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="stack">
        <label className="field">{t('office.attachments.label')}
          <input value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} required maxLength={40} />
        </label>
        <label className="field">{t('office.attachments.title')}
          <input value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} required maxLength={300} />
        </label>
        <label className="field">{t('office.attachments.paragraphs')}
          <input value={form.paragraphs} onChange={(e) => setForm({ ...form, paragraphs: e.target.value })} inputMode="numeric" />
        </label>
        <label className="field">{t('office.attachments.text')}
          <textarea rows={8} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} required maxLength={40_000} />
        </label>
        <label className="checkbox"><input type="checkbox" checked={form.barred} onChange={(e) => setForm({ ...form, barred: e.target.checked })} />{t('office.attachments.barred')}</label>
        <p><button type="submit" disabled={pending}>{t('office.attachments.add')}</button></p>
      </form>
      <ErrorAlert error={error} />
    </details>
  );
}
