import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@plenum/shared';
import { useLandName } from '../common/hooks.ts';

/**
 * The item on the screen: number and title (clamped by CSS, whole in the text and the tooltip),
 * its rapporteurs (and `detail`: what a round on it decides), and with `full` the proposal's
 * paragraphs as far as the screen has room.
 */
export function ScreenItem({ item, label, full = false, detail }: { item: AgendaItem; label: string; full?: boolean; detail?: string }) {
  const { t } = useTranslation();
  const landName = useLandName();
  return (
    <section className={`screen-item ${full ? 'screen-item-full' : ''}`} aria-labelledby="screen-item-heading" data-testid="screen-item" data-item={item.id}>
      <h2 id="screen-item-heading" className="screen-state-label">{t(label)}</h2>
      <p className="screen-item-title" title={`${item.number} ${item.title}`}>
        <span className="item-number">{item.number}</span> {item.title}
      </p>
      <p className="screen-item-meta">
        {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')}
        {detail && <> · <strong className="screen-motion-inline">{detail}</strong></>}
      </p>
      {full && item.paragraphs.length > 0 && (
        <ol className="screen-paragraphs">
          {item.paragraphs.map((p) => (
            <li key={p.number} value={Number(p.number) || undefined}>{p.text}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
