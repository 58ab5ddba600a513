import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot, LandCode, VoteRound } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { useCurrentVote, useLandName } from '../common/hooks.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { LandsOverview } from './LandsOverview.tsx';
import { RollCall } from './RollCall.tsx';
import { AttendanceCall } from './AttendanceCall.tsx';

/**
 * Who cast which vote, per Land: the choice, the person who set it (and for a transferred vote, the
 * holding Land), and for a conflict between representatives of one Land (R-MEM-2) every entry
 * with its author and time — the last one counts. Without any round yet: the Länder present.
 */
export function BallotsPanel() {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  const session = useMeeting((s) => s.state.session);
  const [rollCall, setRollCall] = useState(false);
  const [attendanceCall, setAttendanceCall] = useState(false);
  const open = vote?.status === 'open';
  // A vote opening ends the attendance call; the next break between votes starts without it.
  useEffect(() => { if (open) setAttendanceCall(false); }, [open]);
  // R-SES-2 / R-VOT-7: attendance by roll call, whenever no vote is open and the session is not over.
  const canCallAttendance = !open && session !== null && session.status !== 'closed';
  const calling = canCallAttendance && attendanceCall;
  return (
    <section aria-labelledby="ballots-heading" className="panel ballots-panel">
      <div className="panel-head">
        <h2 id="ballots-heading">{calling ? t('attendanceCall.heading') : vote ? t('chair.vote.perLand') : t('chair.lands.heading')}</h2>
        {open && (
          <button type="button" className="small" aria-pressed={rollCall} data-testid="roll-call-toggle" onClick={() => setRollCall(!rollCall)}>
            {t('rollCall.start')}
          </button>
        )}
        {canCallAttendance && (
          <button type="button" className="small" aria-pressed={attendanceCall} data-testid="attendance-call-toggle" onClick={() => setAttendanceCall(!attendanceCall)}>
            {t('attendanceCall.start')}
          </button>
        )}
      </div>
      {calling ? <AttendanceCall callsTheRoom /> : vote && open && rollCall ? <RollCall vote={vote} callsTheRoom /> : vote ? <BallotsTable vote={vote} /> : <LandsOverview />}
    </section>
  );
}

function BallotsTable({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const state = useMeeting((s) => s.state);
  const conflicts = Object.entries(vote.ballots).filter(([, b]) => b.conflict).map(([land]) => land);
  return (
    <>
      {vote.status !== 'open' && <p className="muted">{t('chair.vote.lastRound', { motion: motionLabel(t, state, vote.motion) })}</p>}
      {conflicts.length > 0 && (
        <p className="warning" role="alert" data-testid="vote-conflicts">
          {t('chair.vote.conflicts', { lands: conflicts.map(landName).join(', ') })}
        </p>
      )}
      <table className="ballots-table">
        <caption className="visually-hidden">{t('chair.vote.perLandCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chair.lands.land')}</th>
            <th scope="col">{t('chair.vote.choice')}</th>
            <th scope="col">{t('chair.vote.castBy')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(vote.electorate).map(([land, e]) => {
            const ballot = vote.ballots[land];
            return (
              <tr key={land} data-testid={`ballot-row-${land}`} data-choice={ballot?.choice ?? 'none'} className={ballot?.conflict ? 'conflict' : undefined}>
                <th scope="row">{landName(land)}</th>
                <td className={`choice-cell choice-cell-${ballot?.choice ?? 'none'}`}>
                  {ballot ? t(`choice.${ballot.choice}`) : <span className="muted">{t('choice.notVoted')}</span>}
                  {ballot?.conflict && <strong className="conflict-flag"> {t('chair.vote.conflict')}</strong>}
                </td>
                <td data-testid={`cast-by-${land}`}>
                  {e.castBy !== land && <span className="transfer-note">{t('chair.vote.byTransfer', { land: landName(e.castBy) })}</span>}
                  {ballot && <CastBy ballot={ballot} land={land} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** The author of the counting entry; with a conflict or a change, every entry in order. */
function CastBy({ ballot }: { ballot: Ballot; land: LandCode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const participants = useMeeting((s) => s.state.participants);
  const who = (id: string) => {
    const p = participants[id];
    // The member is the usual case; any other representative is named with their role.
    return p ? (p.kind === 'member' ? p.name : `${p.name} (${t(`kind.${p.kind}`)})`) : id;
  };
  if (ballot.history.length <= 1 && !ballot.conflict) {
    return <span className="cast-by">{who(ballot.participantId)}{ballot.oral && <span className="muted"> ({t('rollCall.oralEntry', { mode: t(`rollCall.mode.${ballot.oral}`) })})</span>}</span>;
  }
  return (
    <ol className="ballot-history">
      {ballot.history.map((h, i) => (
        <li key={`${h.at}-${i}`}>
          {who(h.participantId)}: {t(`choice.${h.choice}`)}{' '}
          <span className="muted">({h.oral ? `${t('rollCall.oralEntry', { mode: t(`rollCall.mode.${h.oral}`) })}, ` : ''}{formatTime(h.at, lang)})</span>
        </li>
      ))}
    </ol>
  );
}
