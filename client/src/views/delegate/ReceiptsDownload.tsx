import { useTranslation } from 'react-i18next';
import { receiptsFile } from '@plenum/shared/src/receipts.ts';
import { useMeeting } from '../../store/index.ts';

/**
 * F4: the person's vote receipts as a JSON file (plenum.receipts/1). Whoever holds it can have the
 * published record checked with `npm run verify -- --against receipts.json`: every receipt's row,
 * fingerprint and key must still be in the log.
 */
export function ReceiptsDownload() {
  const { t } = useTranslation();
  const receipts = useMeeting((s) => s.receipts);
  const meetingId = useMeeting((s) => s.meetingId);
  const participantId = useMeeting((s) => s.participantId);
  const all = Object.values(receipts);
  if (!meetingId || all.length === 0) return null;
  const save = () => {
    const file = receiptsFile(meetingId, participantId, all, new Date().toISOString());
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `quittungen-${meetingId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <p className="receipts-download">
      <button type="button" className="small" onClick={save} data-testid="receipts-download" aria-describedby="receipts-download-hint">
        {t('delegate.receipt.download')}
      </button>
      <span id="receipts-download-hint" className="receipt-detail"> {t('delegate.receipt.downloadHint')}</span>
    </p>
  );
}
