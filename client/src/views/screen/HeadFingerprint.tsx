import { useTranslation } from 'react-i18next';
import { headFingerprint } from '@plenum/shared/src/fingerprint.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * F4: the short fingerprint of the log's current head, small in the screen's corner. The room
 * sees it, the receipts and the protocol carry it: a log rewritten afterwards no longer matches
 * what was shown (`npm run verify -- --against`).
 */
export function HeadFingerprint() {
  const { t } = useTranslation();
  const hash = useMeeting((s) => s.headHash);
  const seq = useMeeting((s) => s.seq);
  if (!hash || seq === 0) return null;
  return (
    <p className="screen-fingerprint" data-testid="head-fingerprint">
      {t('screen.fingerprint')}: <span className="fingerprint">{headFingerprint(hash)}</span> · {t('screen.fingerprintAt', { seq })}
    </p>
  );
}
