import { useTranslation } from 'react-i18next';
import type { LandCode, VoteRound } from '@plenum/shared';
import { headFingerprint } from '@plenum/shared/src/fingerprint.ts';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { receiptKey, useMeeting, type VoteReceipt } from '../../store/index.ts';
import { useLandName, useMe } from '../common/hooks.ts';
import { recordedByOffice } from '../common/recorder.ts';
import { ReceiptsDownload } from './ReceiptsDownload.tsx';

/**
 * R-MEM-2 after the close: for every Land this person cast a vote for, what was counted. The vote
 * that counts is the Land's last one; if another representative changed it after this person's,
 * say so ("durch Vertretung geändert: Nein") instead of repeating this person's own choice.
 * R-VOT-7: which entry counted, the device's or the chair's record of a vote declared orally; a
 * Land of this person whose vote only the chair recorded gets a line too (without a receipt).
 */
export function FinalReceipts({ vote }: { vote: VoteRound }) {
  const receipts = useMeeting((s) => s.receipts);
  const myLand = useMe()?.land ?? null;
  const mine = Object.entries(vote.electorate).flatMap(([land, slot]): { land: LandCode; receipt: VoteReceipt | null }[] => {
    const r = receipts[receiptKey(vote.id, land)];
    if (r) return [{ land, receipt: r }];
    return myLand && slot.castBy === myLand && vote.ballots[land]?.oral ? [{ land, receipt: null }] : [];
  });
  if (mine.length === 0) return null;
  return (
    <>
      <ul className="final-receipts plain">
        {mine.map(({ land, receipt }) => <FinalReceipt key={land} vote={vote} land={land} receipt={receipt} />)}
      </ul>
      <ReceiptsDownload />
    </>
  );
}

function FinalReceipt({ vote, land, receipt }: { vote: VoteRound; land: LandCode; receipt: VoteReceipt | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const participants = useMeeting((s) => s.state.participants);
  const myId = useMeeting((s) => s.participantId);
  const ballot = vote.ballots[land];
  const counted = vote.choices?.[land] ?? ballot?.choice ?? null;
  const lastBy = ballot?.participantId;
  const changer = lastBy && lastBy !== myId && !ballot?.oral ? participants[lastBy] : undefined;
  const choice = (c: string | null) => (c ? t(`choice.${c}`) : t('choice.notVoted'));
  const mode = ballot?.oral ? t(`rollCall.mode.${ballot.oral}`) : '';
  let status: string;
  if (vote.status === 'cancelled') status = t('delegate.receipt.cancelled');
  else if (ballot?.oral) {
    const office = recordedByOffice(ballot);
    status = receipt
      ? t(office ? 'delegate.receipt.countedOffice' : 'delegate.receipt.countedChair', { choice: choice(counted), mode })
      : t(office ? 'delegate.receipt.countedOfficeOnly' : 'delegate.receipt.countedChairOnly', { mode });
  }
  else if (changer && counted !== receipt?.choice) {
    status = changer.kind === 'member' ? t('delegate.receipt.changedByMember', { choice: choice(counted) }) : t('delegate.receipt.changedByDeputy', { choice: choice(counted) });
  } else status = t('delegate.receipt.countedDevice');
  const heading = receipt
    ? t('delegate.receipt.yourVote', { land: landName(land), choice: choice(receipt.choice) })
    : t('delegate.receipt.landVote', { land: landName(land), choice: choice(counted) });
  return (
    <li className="final-receipt" data-testid={`final-receipt-${land}`} data-counted={counted ?? 'none'}
      data-source={vote.status === 'cancelled' || !ballot ? 'none' : ballot.oral ? 'chair' : 'device'}>
      <strong>{heading}</strong> – {status}
      {receipt && <span className="receipt-detail"> {t('delegate.receipt.detail', { seq: receipt.seq, fingerprint: headFingerprint(receipt.hash), time: formatTime(receipt.at, lang) })}</span>}
    </li>
  );
}
