import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleMay } from '@plenum/shared/src/meeting/authorize.ts';
import { useMeeting } from '../../store/index.ts';
import { AttendanceCall } from '../chair/AttendanceCall.tsx';
import { RollCall } from '../chair/RollCall.tsx';

/**
 * R-VOT-7 / R-SES-2: the office records at the chair's side what is declared orally: attendance by
 * roll call between rounds, the Länder's votes while a round is open. The same tables as the chair
 * console; offered only as far as the role table lets the office record (checkIn/checkOut,
 * recordVote), and without telling the room which Land is called: that is the chair's call.
 */
export function OfficeRollCall() {
  const { t } = useTranslation();
  const session = useMeeting((s) => s.state.session);
  const vote = useMeeting((s) => (s.state.openVoteId ? s.state.votes[s.state.openVoteId] ?? null : null));
  const [shown, setShown] = useState(false);
  const mayAttendance = roleMay('office', 'checkIn') && roleMay('office', 'checkOut');
  const mayVotes = roleMay('office', 'recordVote');
  if (!mayAttendance && !mayVotes) return null;
  const open = session?.status === 'open';
  const table = vote ? (mayVotes ? 'votes' : null) : mayAttendance ? 'attendance' : null;
  return (
    <section className="panel office-roll-call" aria-labelledby="office-roll-call-heading" data-testid="office-roll-call">
      <div className="panel-head">
        <h2 id="office-roll-call-heading">{t('office.rollCall.heading')}</h2>
        {open && table && (
          <button type="button" className="small" aria-pressed={shown} data-testid={`${table === 'votes' ? 'roll-call' : 'attendance-call'}-toggle`}
            onClick={() => setShown(!shown)}>
            {t(table === 'votes' ? 'rollCall.start' : 'attendanceCall.start')}
          </button>
        )}
      </div>
      <p className="muted">{t('office.rollCall.intro')}</p>
      {!open ? <p>{t('office.rollCall.notOpen')}</p>
        : shown && table === 'votes' && vote ? <RollCall key={vote.id} vote={vote} />
        : shown && table === 'attendance' ? <AttendanceCall /> : null}
    </section>
  );
}
