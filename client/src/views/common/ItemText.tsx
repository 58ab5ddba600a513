import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useLandName } from './hooks.ts';

/** R-AGD-1: an item with its rapporteurs and numbered paragraphs; R-PRT-3: the documents it refers to (attachments), opened on demand. */
export function ItemFlags({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const flags: string[] = [];
  if (item.bundesrat) flags.push(item.bundesratCleared ? t('item.flag.bundesratCleared') : t('item.flag.bundesrat'));
  if (item.itPlr !== 'none') flags.push(t(`item.flag.itPlr.${item.itPlr}`));
  if (item.shortNotice) flags.push(item.admitted ? t('item.flag.admitted') : t('item.flag.shortNotice'));
  if (item.standing !== 'none') flags.push(t(`item.flag.standing.${item.standing}`));
  if (item.barredFromPublication) flags.push(t('item.flag.barred'));
  if (item.reportNoted) flags.push(t('item.flag.reportNoted'));
  if (flags.length === 0) return null;
  return (
    <ul className="flags" aria-label={t('item.flags')}>
      {flags.map((f) => <li key={f} className="flag">{f}</li>)}
    </ul>
  );
}

export function ItemText({ item, headingLevel = 2, showParagraphs = true }: { item: AgendaItem; headingLevel?: 2 | 3; showParagraphs?: boolean }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="item" data-testid="current-item">
      <H className="item-title"><span className="item-number">{item.number}</span> {item.title}</H>
      <p className="item-meta">
        {t(`item.kind.${item.kind}`)} · {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')}
      </p>
      <ItemFlags item={item} />
      {showParagraphs && item.paragraphs.length > 0 && (
        <ol className="paragraphs">
          {item.paragraphs.map((p) => (
            <li key={p.number} value={Number(p.number) || undefined} className="paragraph">
              <span className="visually-hidden">{t('item.paragraph', { number: p.number })}: </span>
              {p.text.split('\n').map((line, i) => <span key={i} className="paragraph-line">{line}</span>)}
            </li>
          ))}
        </ol>
      )}
      {showParagraphs && (item.attachments?.length ?? 0) > 0 && (
        <section className="attachments" aria-label={t('item.attachments')} data-testid="item-attachments">
          {item.attachments!.map((a) => (
            <details key={a.label} className="attachment">
              <summary>
                {a.label}: {a.title}
                {a.paragraphs.length > 0 && <> ({t('item.attachmentFor', { numbers: a.paragraphs.join(', ') })})</>}
                {a.barredFromPublication && <> · {t('item.flag.barred')}</>}
              </summary>
              {a.text.split(/\n\s*\n/).map((para, i) => <p key={i} className="attachment-text">{para}</p>)}
            </details>
          ))}
        </section>
      )}
    </article>
  );
}
