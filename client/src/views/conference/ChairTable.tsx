import { useTranslation } from 'react-i18next';
import type { ConferenceHome } from '@plenum/shared';
import { chairInForce } from '@plenum/shared/src/chair.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';

/**
 * R-CHR-1/3: the chair Land of each year as it stands, the recorded deviations included: from the
 * first year of the rotation to two years past the table (the cycle repeats after it), so the
 * office sees what a deviation changed and that the original order resumes after it.
 */
export function ChairTable({ deviations }: { deviations: ConferenceHome['deviations'] }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const profile = useMeeting((s) => s.profile);
  const years = profile.chairRotation.map((r) => r.year);
  const first = Math.min(...years);
  const last = Math.max(...years) + 2;
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({ year, chair: chairInForce(`${year}-07-01`, profile, deviations) }));
  return (
    <div className="table-scroll">
      <table className="chair-table" data-testid="chair-table">
        <caption>{t('conference.chairTable.caption')}</caption>
        <thead><tr><th scope="col">{t('conference.chairTable.year')}</th><th scope="col">{t('conference.chairTable.chair')}</th><th scope="col">{t('conference.chairTable.basis')}</th></tr></thead>
        <tbody>
          {rows.map(({ year, chair }) => (
            <tr key={year} data-year={year} data-deviation={chair?.deviation ? 'true' : 'false'} className={chair?.deviation ? 'deviation' : undefined}>
              <th scope="row">{year}</th>
              <td>{chair ? chair.lands.map(landName).join(t('common.and')) : '–'}</td>
              <td>{chair?.deviation ? t('conference.chairTable.byDecision', { decision: chair.deviation.decision }) : t('conference.chairTable.rotation')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
