import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { ItemFlags } from '../common/ItemText.tsx';
import { useCommand } from '../common/useCommand.ts';

/** R-AGD-1..5: the agenda with kinds, rapporteurs and flags; the chair calls up an item. */
export function AgendaPanel() {
  const { t } = useTranslation();
  const agenda = useMeeting((s) => s.state.agenda);
  const currentItemId = useMeeting((s) => s.state.currentItemId);
  const landName = useLandName();
  const { run, error } = useCommand();
  return (
    <section aria-labelledby="agenda-heading" className="panel agenda-panel">
      <h2 id="agenda-heading">{t('chair.agenda.heading')}</h2>
      {agenda.length === 0 && <p>{t('chair.agenda.empty')}</p>}
      <ol className="agenda-list">
        {agenda.map((item) => {
          const current = item.id === currentItemId;
          return (
            <li key={item.id} className={current ? 'agenda-item current' : 'agenda-item'} data-testid={`agenda-item-${item.id}`} aria-current={current ? 'step' : undefined}>
              <div className="agenda-item-head">
                <strong>{item.number}</strong> {item.title}
              </div>
              <div className="muted">
                {t(`item.kind.${item.kind}`)} · {t('item.rapporteurs')}: {item.rapporteurs.map(landName).join(', ')}
              </div>
              <ItemFlags item={item} />
              <div className="button-row">
                {current ? (
                  <span className="badge">{t('chair.agenda.isCurrent')}</span>
                ) : (
                  <button type="button" onClick={() => run({ type: 'setCurrentItem', itemId: item.id })} aria-label={`${t('chair.agenda.setCurrent')}: ${item.number}`}>
                    {t('chair.agenda.setCurrent')}
                  </button>
                )}
                {item.standing === 'bundReport' && !item.reportNoted && (
                  <button type="button" onClick={() => run({ type: 'noteReport', itemId: item.id })} aria-label={`${t('chair.agenda.noteReport')}: ${item.number}`}>
                    {t('chair.agenda.noteReport')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <ErrorAlert error={error} />
    </section>
  );
}
