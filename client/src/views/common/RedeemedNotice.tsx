import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { meetingStore, useMeeting } from '../../store/index.ts';

/**
 * F10: this person's invitation link was just opened in another browser. If it was not them, the
 * link is in someone else's hands: they tell the office, which reissues it (the old one dies).
 */
export function RedeemedNotice() {
  const { t } = useTranslation();
  const lang = useLang();
  const at = useMeeting((s) => s.redeemedElsewhereAt);
  if (!at) return null;
  return (
    <div role="alert" className="notice redeemed-notice" data-testid="redeemed-notice">
      <p><strong>{t('redeemed.title')}</strong> {t('redeemed.body', { time: formatTime(at, lang) })}</p>
      <button type="button" className="small" onClick={() => meetingStore.setState({ redeemedElsewhereAt: null })}>{t('redeemed.dismiss')}</button>
    </div>
  );
}
