import { useTranslation } from 'react-i18next';
import type { LandCode, VoteRound } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { receiptKey, useMeeting, type VoteReceipt } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';

/**
 * R-MEM-2 after the close: for every Land this person cast a vote for, what was counted. The vote
 * that counts is the Land's last one; if another representative changed it after this person's,
 * say so ("durch Vertretung geändert: Nein") instead of repeating this person's own choice.
 */
export function FinalReceipts({ vote }: { vote: VoteRound }) {
  const receipts = useMeeting((s) => s.receipts);
  const mine = Object.keys(vote.electorate).flatMap((land) => {
    const r = receipts[receiptKey(vote.id, land)];
    return r ? [r] : [];
  });
  if (mine.length === 0) return null;
  return (
    <ul className="final-receipts plain">
      {mine.map((r) => <FinalReceipt key={r.land} vote={vote} receipt={r} />)}
    </ul>
  );
}

function FinalReceipt({ vote, receipt }: { vote: VoteRound; receipt: VoteReceipt }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const participants = useMeeting((s) => s.state.participants);
  const myId = useMeeting((s) => s.participantId);
  const land: LandCode = receipt.land;
  const counted = vote.choices?.[land] ?? vote.ballots[land]?.choice ?? null;
  const lastBy = vote.ballots[land]?.participantId;
  const changer = lastBy && lastBy !== myId ? participants[lastBy] : undefined;
  const choice = (c: string | null) => (c ? t(`choice.${c}`) : t('choice.notVoted'));
  let status: string;
  if (vote.status === 'cancelled') status = t('delegate.receipt.cancelled');
  else if (changer && counted !== receipt.choice) {
    status = changer.kind === 'member' ? t('delegate.receipt.changedByMember', { choice: choice(counted) }) : t('delegate.receipt.changedByDeputy', { choice: choice(counted) });
  } else status = t('delegate.receipt.counted');
  return (
    <li className="final-receipt" data-testid={`final-receipt-${land}`} data-counted={counted ?? 'none'}>
      <strong>{t('delegate.receipt.yourVote', { land: landName(land), choice: choice(receipt.choice) })}</strong> – {status}
      <span className="receipt-detail"> {t('delegate.receipt.detail', { seq: receipt.seq, hash: receipt.hash.slice(0, 8), time: formatTime(receipt.at, lang) })}</span>
    </li>
  );
}
