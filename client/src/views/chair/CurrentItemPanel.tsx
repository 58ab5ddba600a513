import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { ItemFlags } from '../common/ItemText.tsx';
import { Quorum } from '../common/Quorum.tsx';
import { useCommand } from '../common/useCommand.ts';

/** What the room is on: the called item (number, title, kind, rapporteurs, flags) and the quorum (R-VOT-3). */
export function CurrentItemPanel() {
  const { t } = useTranslation();
  const item = useMeeting((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId) ?? null);
  const landName = useLandName();
  const { run, error } = useCommand();
  return (
    <section aria-labelledby="current-item-heading" className="panel current-item-panel" data-testid="current-item">
      <h2 id="current-item-heading">{t('chair.currentItem')}</h2>
      {item ? (
        <>
          <p className="current-item-title"><span className="item-number">{item.number}</span> {item.title}</p>
          <p className="muted">{t(`item.kind.${item.kind}`)} · {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')}</p>
          <ItemFlags item={item} />
          <button type="button" className="small" onClick={() => run({ type: 'setCurrentItem', itemId: null })}>{t('chair.agenda.clearCurrent')}</button>
        </>
      ) : <p>{t('common.noCurrentItem')}</p>}
      <Quorum />
      <ErrorAlert error={error} />
    </section>
  );
}
