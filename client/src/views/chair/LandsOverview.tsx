import { useTranslation } from 'react-i18next';
import { entitledRepresentatives } from '@plenum/shared/src/meeting/derive.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { landPresence } from './LandsPanel.tsx';

/** The 16 Länder, present or not, in one compact list (the details are in the attendance tab). */
export function LandsOverview() {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  return (
    <ul className="lands-overview">
      {profile.lands.map(({ code }) => {
        const presence = landPresence(entitledRepresentatives(state, code));
        return (
          <li key={code} className={`presence-${presence}`}>
            <span>{landName(code)}</span> <span className={`badge badge-${presence}`}>{t(`presence.${presence}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
