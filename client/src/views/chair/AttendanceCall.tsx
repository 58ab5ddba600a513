import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command, LandCode, Participant } from '@plenum/shared';
import { entitledRepresentatives } from '@plenum/shared/src/meeting/derive.ts';
import { useMeeting } from '../../store/index.ts';
import { announce } from '../common/announcer.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';
import { RollCallTable } from './RollCallTable.tsx';

/** What the chair records per Land: in the room, remote by video or by telephone (R-SES-2), or absent. */
type Attendance = 'room' | 'video' | 'telephone' | 'absent';
const CHOICES: Attendance[] = ['room', 'video', 'telephone', 'absent'];
/** R (Raum / room), V (Video), T (Telefon / telephone), A (abwesend / absent): the same letters in German and English. */
const KEYS: Record<string, Attendance> = { r: 'room', v: 'video', t: 'telephone', a: 'absent' };

/** How a person is present now; 'remote' is a device check-in that did not say its channel. */
function attendanceOf(p: Participant | undefined): Attendance | 'remote' {
  if (!p?.presence) return 'absent';
  if (p.presence.mode === 'room') return 'room';
  return p.presence.via ?? 'remote';
}

/** The command that records `value` for `p` (null: already so). Absent checks out everyone of the Land present. */
function commandsFor(value: Attendance, p: Participant, reps: Participant[]): Command[] {
  if (value === 'absent') return reps.filter((r) => r.presence).map((r) => ({ type: 'checkOut', participantId: r.id }));
  if (attendanceOf(p) === value) return [];
  return [value === 'room' ? { type: 'checkIn', mode: 'room', participantId: p.id } : { type: 'checkIn', mode: 'remote', via: value, participantId: p.id }];
}

/**
 * R-SES-2 / R-VOT-7: attendance by roll call, for a telephone or video conference (or a room
 * without devices). The chair (or the office at her side) calls the 16 Länder in the protocol
 * order, one row per Land, and records who is there and how: in the room, by video, by telephone,
 * or absent — with the same table and keyboard path as the vote's roll call (R, V, T, A on the
 * focused row, then the next Land; arrow keys, Home and End). The person is whoever of the Land is
 * present, else its member; another representative can be chosen in the row. `callsTheRoom`: the
 * chair's table tells the room which Land is called now.
 */
export function AttendanceCall({ callsTheRoom = false }: { callsTheRoom?: boolean }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const { run, error } = useCommand();
  const [chosen, setChosen] = useState<Record<LandCode, string>>({});
  const lands = profile.lands.map((l) => l.code);
  const repsOf = (land: LandCode) => entitledRepresentatives(state, land).sort((a, b) => kindOrder(a) - kindOrder(b));
  const personOf = (land: LandCode, reps: Participant[] = repsOf(land)) =>
    reps.find((r) => r.id === chosen[land]) ?? reps.find((r) => r.presence) ?? reps[0];

  const record = (land: LandCode, value: Attendance) => {
    const reps = repsOf(land);
    const p = personOf(land, reps);
    if (!p) return;
    announce(t('attendanceCall.recorded', { land: landName(land), state: t(`attendanceCall.choice.${value}`) }), 'polite');
    for (const command of commandsFor(value, p, reps)) void run(command);
  };
  const present = lands.map((land) => attendanceOf(personOf(land))).filter((a) => a !== 'absent');
  const count = (a: Attendance | 'remote') => present.filter((x) => x === a).length;

  return (
    <div className="roll-call attendance-call" data-testid="attendance-call">
      <p data-testid="attendance-call-summary" aria-live="polite">
        {t('attendanceCall.summary', {
          count: present.length, room: count('room'), video: count('video'), telephone: count('telephone'), remote: count('remote'),
        })}
      </p>
      <RollCallTable name="attendance" lands={lands} caption={t('attendanceCall.caption')} keysHint={t('attendanceCall.keys')} shortcuts="R V T A"
        headers={[t('chair.lands.land'), t('attendanceCall.person'), t('attendanceCall.attendance'), t('rollCall.state')]}
        keys={KEYS} choices={CHOICES} choiceLabel={(c) => t(`attendanceCall.choice.${c}`)} choiceClass={(c) => `attendance-${c}`}
        choicesLabel={(land) => t('attendanceCall.choicesFor', { land })} choiceTestId={(land, c) => `attendance-${land}-${c}`}
        onRecord={record} pressed={(land, c) => attendanceOf(personOf(land)) === c} disabled={(land) => !personOf(land)}
        rowData={(land) => ({ attendance: attendanceOf(personOf(land)) })}
        before={(land, tabIndex) => {
          const reps = repsOf(land);
          const p = personOf(land, reps);
          return reps.length > 1 ? (
            <select className="attendance-person" aria-label={t('attendanceCall.personFor', { land: landName(land) })}
              tabIndex={tabIndex} value={p?.id} data-testid={`attendance-person-${land}`}
              onChange={(e) => setChosen({ ...chosen, [land]: e.target.value })}>
              {reps.map((r) => <option key={r.id} value={r.id}>{r.name} ({t(`kind.${r.kind}`)})</option>)}
            </select>
          ) : <span>{p?.name ?? '–'}</span>;
        }}
        state={(land) => {
          const p = personOf(land);
          return (
            <>
              <strong>{t(`attendanceCall.state.${attendanceOf(p)}`)}</strong>
              {p?.presence && <span className="muted"> · {t(p.presence.recordedBy ? 'attendanceCall.byChair' : 'attendanceCall.self')}</span>}
            </>
          );
        }}
        error={error} callFor={callsTheRoom ? null : undefined} />
    </div>
  );
}

/** The member first, then permanent deputies, then a deputy for this session (R-MEM-3). */
const KIND_ORDER: Record<string, number> = { member: 0, permanentDeputy: 1, temporaryDeputy: 2 };
const kindOrder = (p: Participant) => KIND_ORDER[p.kind] ?? 3;
