import { useTranslation } from 'react-i18next';
import type { Participant } from '@plenum/shared';
import { activeTransfers, entitledRepresentatives } from '@plenum/shared/src/meeting/derive.ts';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { transferScopeText } from '../common/transferText.ts';

export type LandPresence = 'room' | 'remote' | 'absent';

/** R-SES-2: a Land is in the room if any entitled representative is; else remote if any is connected. */
export function landPresence(reps: Participant[]): LandPresence {
  if (reps.some((p) => p.presence?.mode === 'room')) return 'room';
  if (reps.some((p) => p.presence?.mode === 'remote')) return 'remote';
  return 'absent';
}

/**
 * The 16 Länder at a glance: who is here (room / remote / absent) and for whom, temporary deputies
 * (R-MEM-3) and transfers given and held (R-MEM-4) — "the chair must be informed".
 */
export function LandsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const transfers = activeTransfers(state);
  // R-AGR-1: in a meeting of the Arbeitsgremium a Land is represented by its working level (no vote, no deputies).
  const arbeitsgremium = state.session?.kind === 'arbeitsgremium';
  const representatives = (code: string) => (arbeitsgremium
    ? Object.values(state.participants).filter((p) => p.kind === 'workingLevel' && p.land === code)
    : entitledRepresentatives(state, code));
  const nameOf = (id: string | null) => (id ? state.participants[id]?.name ?? id : t('common.system'));

  return (
    <section aria-labelledby="lands-heading" className="panel lands-panel">
      <h2 id="lands-heading">{t('chair.lands.heading')}</h2>
      {/* Fits at 1280 px and wider; narrower it may scroll, so keyboard users must be able to focus and scroll it (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="lands-heading">
      <table className="lands-table">
        <caption className="visually-hidden">{t('chair.lands.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chair.lands.land')}</th>
            <th scope="col">{t('chair.lands.status')}</th>
            <th scope="col">{t('chair.lands.representedBy')}</th>
            <th scope="col">{t('chair.lands.transfers')}</th>
          </tr>
        </thead>
        <tbody>
          {profile.lands.map(({ code }) => {
            const reps = representatives(code);
            const presence = landPresence(reps);
            const present = reps.filter((p) => p.presence !== null);
            const temporary = reps.filter((p) => p.kind === 'temporaryDeputy');
            const given = transfers.filter((tr) => tr.from === code);
            const held = transfers.filter((tr) => tr.to === code);
            return (
              <tr key={code} data-testid={`land-row-${code}`} data-presence={presence} className={`presence-${presence}`}>
                <th scope="row"><span className="land-full">{landName(code)}</span> <span className="muted land-code">{code}</span></th>
                <td><span className={`badge badge-${presence}`}>{t(`presence.${presence}`)}</span></td>
                {/* Who represents the Land now, and below it any temporary deputy the office named (R-MEM-3):
                    one cell, so all columns fit at 1280 px without a scroll bar. */}
                <td>
                  {present.length === 0 && temporary.length === 0 ? '–' : (
                    <ul className="plain">
                      {present.map((p) => (
                        <li key={p.id}>
                          {p.name}
                          {(p.kind !== 'member' || present.length > 1) && <span className="muted"> ({t(`kind.${p.kind}`)}, {t(`presence.${p.presence!.mode}`)})</span>}
                        </li>
                      ))}
                      {temporary.map((p) => (
                        <li key={`temp-${p.id}`} data-testid={`temp-deputy-${code}`} className="temp-deputy">
                          <span className="muted">{t('chair.lands.deputies')}: </span>
                          {t('chair.lands.tempDeputy', { name: p.name, by: nameOf(p.registeredBy.participantId), time: formatTime(p.registeredAt, lang) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {given.length + held.length === 0 ? '–' : (
                    <ul className="plain">
                      {given.map((tr) => (
                        <li key={tr.id} data-testid={`transfer-given-${code}`}>
                          {t('chair.lands.transferGiven', { to: landName(tr.to), scope: transferScopeText(t, state, tr), time: formatTime(tr.at, lang) })}
                        </li>
                      ))}
                      {held.map((tr) => (
                        <li key={tr.id} data-testid={`transfer-held-${code}`}>
                          {t('chair.lands.transferHeld', { from: landName(tr.from), scope: transferScopeText(t, state, tr), time: formatTime(tr.at, lang) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </section>
  );
}

