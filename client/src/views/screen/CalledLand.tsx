import { useTranslation } from 'react-i18next';
import { useCalledLand } from '../common/calledLand.ts';
import { useLandName } from '../common/hooks.ts';

/**
 * R-VOT-7 / R-SES-2: "Aufgerufen: Hessen" on the room screen and the public view while the chair
 * calls the Länder one by one: `voteId` for a vote's roll call, null for the attendance call.
 */
export function CalledLand({ voteId }: { voteId: string | null }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const cursor = useCalledLand();
  if (!cursor || cursor.voteId !== voteId) return null;
  return (
    <p className="screen-called" data-testid="screen-called" data-land={cursor.land} aria-live="polite">
      <span className="screen-called-label">{t(voteId === null ? 'screen.attendanceCall' : 'screen.voteCall')}</span>{' '}
      <strong className="screen-called-land">{t('screen.called', { land: landName(cursor.land) })}</strong>
    </p>
  );
}

/** Whether `land` is the Land called now in the roll call of round `voteId`. */
export function useIsCalled(voteId: string): (land: string) => boolean {
  const cursor = useCalledLand();
  return (land) => cursor !== null && cursor.voteId === voteId && cursor.land === land;
}
