import { useTranslation } from 'react-i18next';
import type { Choice, LandCode, VoteRound } from '@plenum/shared';
import { headFingerprint } from '@plenum/shared/src/fingerprint.ts';
import { landsParticipantMayCast, transferCovering, motionItemId } from '@plenum/shared/src/meeting/derive.ts';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { receiptKey, useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { recordedByOffice } from '../common/recorder.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { useCommand } from '../common/useCommand.ts';
import { FinalReceipts } from './FinalReceipts.tsx';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/**
 * R-MEM-2, R-MEM-4: one ballot for the own Land and, separately labelled, one per Land whose vote
 * this delegate's Land holds by transfer. The choice can change until the close. After the close
 * the outcome and what became of this person's votes. Compact, so that every ballot fits a
 * 320×568 phone without scrolling.
 */
export function BallotsPanel({ vote }: { vote: VoteRound | null }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const participantId = useMeeting((s) => s.participantId);
  const landName = useLandName();
  const lang = useLang();
  const me = participantId ? state.participants[participantId] : undefined;
  if (!vote) return <p className="no-vote">{t('delegate.vote.none')}</p>;
  if (vote.status !== 'open') {
    return (
      <section aria-labelledby="ballots-heading" className="ballots ballots-closed">
        <h2 id="ballots-heading" className="visually-hidden">{t('delegate.vote.heading')}</h2>
        <Outcome vote={vote} />
        <FinalReceipts vote={vote} />
      </section>
    );
  }
  const myLand = me?.land ?? null;
  const lands = participantId ? landsParticipantMayCast(state, vote, participantId) : [];
  const heldElsewhere = myLand ? transferCovering(state, myLand, motionItemId(vote.motion)) : null;
  // R-VOT-5: the electorate froze at the open; a Land that checked in afterwards is not in it.
  const lateCheckIn = me?.presence != null && myLand !== null && !(myLand in vote.electorate) && lands.length === 0;
  return (
    <section aria-labelledby="ballots-heading" className="ballots" id="ballots">
      <h2 id="ballots-heading" className="ballots-heading" tabIndex={-1}>
        {t('delegate.vote.heading')}<span className="visually-hidden">: </span>
        <span className="vote-motion" title={motionLabel(t, state, vote.motion)}>{motionLabel(t, state, vote.motion)}</span>
      </h2>
      {me && me.presence === null && <p className="warning">{t('delegate.vote.checkInFirst')}</p>}
      {lateCheckIn && me?.presence && (
        <p className="notice" data-testid="late-check-in">
          {t('delegate.vote.lateCheckIn', { time: formatTime(me.presence.since, lang), opened: formatTime(vote.openedAt, lang) })}
        </p>
      )}
      {heldElsewhere && myLand && vote.electorate[myLand]?.castBy !== myLand && (
        <p className="notice" data-testid="own-vote-transferred">{t('delegate.vote.ownHeldBy', { land: landName(heldElsewhere.to) })}</p>
      )}
      {lands.map((land) => <Ballot key={land} vote={vote} land={land} own={land === myLand} />)}
    </section>
  );
}

function Ballot({ vote, land, own }: { vote: VoteRound; land: LandCode; own: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const ballot = vote.ballots[land];
  const receipt = useMeeting((s) => s.receipts[receiptKey(vote.id, land)]);
  const participants = useMeeting((s) => s.state.participants);
  const myId = useMeeting((s) => s.participantId);
  const { run, error, pending } = useCommand();
  // Offline a choice waits in the queue: say that it does not count yet, not just "sending".
  const offline = useMeeting((s) => s.connection !== 'online');
  // R-VOT-7: the chair may have recorded the Land's vote as declared orally; the delegate can correct it.
  const byChair = ballot?.oral ? ballot : null;
  // R-MEM-2: another representative of the Land may have set the slot; say who.
  const byColleague = ballot && !byChair && ballot.participantId !== myId ? participants[ballot.participantId] : undefined;
  // R-VOT-7: a conflict between a device and the chair's record, rather than between representatives.
  const oralConflict = ballot?.conflict && ballot.history.some((h) => h.oral) && ballot.history.some((h) => !h.oral);
  const oralByOffice = ballot?.history.some((h) => h.oral && recordedByOffice(h));
  const legend = own ? t('delegate.vote.ownLegend', { land: landName(land) }) : t('delegate.vote.transferLegend', { land: landName(land) });
  return (
    <fieldset className={`ballot ${own ? 'ballot-own' : 'ballot-transfer'}`} data-testid={`ballot-${land}`}>
      <legend>{legend}</legend>
      <div className="choice-buttons">
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            className={`choice choice-${choice}`}
            data-testid={`vote-${choice}`}
            aria-pressed={ballot?.choice === choice}
            onClick={() => run({ type: 'castVote', voteId: vote.id, land, choice })}
          >
            {t(`choice.${choice}`)}
          </button>
        ))}
      </div>
      <p className="ballot-state" aria-live="polite" data-testid={`ballot-state-${land}`} data-source={ballot ? (byChair ? 'chair' : 'device') : 'none'}>
        {pending ? t(offline ? 'delegate.queued' : 'delegate.vote.sending') : byChair ? (
          <>
            <strong>{t(recordedByOffice(byChair) ? 'delegate.vote.recordedByOffice' : 'delegate.vote.recordedByChair', { choice: t(`choice.${byChair.choice}`) })}</strong>
            {' '}<span className="muted">({t(`rollCall.mode.${byChair.oral}`)}) {t('delegate.vote.correctUntilClose')}</span>
          </>
        ) : ballot ? t('delegate.vote.current', { choice: t(`choice.${ballot.choice}`) }) : t('delegate.vote.notYet')}
        {byColleague && <span className="muted"> {t('delegate.vote.castByColleague', { name: byColleague.name })}</span>}
      </p>
      {ballot?.conflict && <p className="warning" data-testid={`ballot-conflict-${land}`}>{t(oralConflict ? (oralByOffice ? 'delegate.vote.oralConflictOffice' : 'delegate.vote.oralConflict') : 'delegate.vote.conflict')}</p>}
      {receipt && (
        <p className="receipt" data-testid={`vote-receipt-${land}`}>
          {t('delegate.vote.receipt', { seq: receipt.seq, fingerprint: headFingerprint(receipt.hash), time: formatTime(receipt.at, lang) })}
        </p>
      )}
      <ErrorAlert error={error} />
    </fieldset>
  );
}
