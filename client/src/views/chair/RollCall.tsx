import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice, LandCode, OralMode, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { announce } from '../common/announcer.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';
import { recordedByOffice } from '../common/recorder.ts';
import { RollCallTable } from './RollCallTable.tsx';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
/** J/N/E as said in German; Y/A work too (English keyboards and habits). */
const KEYS: Record<string, Choice> = { j: 'yes', y: 'yes', n: 'no', e: 'abstain', a: 'abstain' };

/**
 * R-VOT-7: the chair calls the present Länder in the protocol order and records each declared vote
 * (show of hands or roll call). One row per ballot (a transferred Land's ballot is called with its
 * holder), three large choices. Keyboard: the focused row takes J (Ja), N (Nein), E (Enthaltung)
 * and moves on to the next Land; arrow keys, Home and End move between rows. A vote from a device
 * shows in its row at once; a device and the chair's record that differ are flagged as a conflict.
 * `callsTheRoom`: the chair's table tells the room screen and the phones which Land is called now;
 * the office's (recording at the chair's side) does not.
 */
export function RollCall({ vote, callsTheRoom = false }: { vote: VoteRound; callsTheRoom?: boolean }) {
  const { t } = useTranslation();
  const profile = useMeeting((s) => s.profile);
  const participants = useMeeting((s) => s.state.participants);
  const landName = useLandName();
  const { run, error } = useCommand();
  const [mode, setMode] = useState<OralMode>('rollCall');
  const lands = profile.lands.map((l) => l.code).filter((code) => vote.electorate[code]);
  const record = (land: LandCode, choice: Choice) => {
    announce(t('rollCall.recorded', { land: landName(land), choice: t(`choice.${choice}`) }), 'polite');
    void run({ type: 'recordVote', voteId: vote.id, land, choice, mode });
  };
  const source = (land: LandCode) => {
    const b = vote.ballots[land];
    if (!b) return t('rollCall.open');
    if (b.oral) return t(recordedByOffice(b) ? 'rollCall.recordedByOffice' : 'rollCall.recordedBy', { mode: t(`rollCall.mode.${b.oral}`) });
    return t('rollCall.device', { name: participants[b.participantId]?.name ?? b.participantId });
  };

  return (
    <div className="roll-call" data-testid="roll-call">
      <fieldset className="roll-call-mode">
        <legend>{t('rollCall.modeLegend')}</legend>
        {(['rollCall', 'showOfHands'] as OralMode[]).map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="roll-call-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`rollCall.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <RollCallTable name="roll-call" lands={lands} caption={t('rollCall.caption')} keysHint={t('rollCall.keys')} shortcuts="J N E"
        headers={[t('chair.lands.land'), t('chair.vote.choice'), t('rollCall.state')]}
        keys={KEYS} choices={CHOICES} choiceLabel={(c) => t(`choice.${c}`)} choiceClass={(c) => `choice-${c}`}
        choicesLabel={(land) => t('rollCall.choicesFor', { land })} choiceTestId={(land, c) => `record-${land}-${c}`}
        onRecord={record} pressed={(land, c) => vote.ballots[land]?.choice === c}
        rowData={(land) => ({ choice: vote.ballots[land]?.choice ?? 'none', oral: vote.ballots[land]?.oral ?? 'device', conflict: vote.ballots[land]?.conflict ?? false })}
        rowClass={(land) => (vote.ballots[land]?.conflict ? 'conflict' : '')}
        landNote={(land) => {
          const castBy = vote.electorate[land].castBy;
          return castBy !== land && <span className="transfer-note">{t('chair.vote.byTransfer', { land: landName(castBy) })}</span>;
        }}
        state={(land) => {
          const ballot = vote.ballots[land];
          return (
            <>
              {ballot ? <strong>{t(`choice.${ballot.choice}`)}</strong> : null} <span className="muted">{source(land)}</span>
              {ballot?.conflict && <strong className="conflict-flag"> {t('chair.vote.conflict')}</strong>}
            </>
          );
        }}
        error={error} callFor={callsTheRoom ? vote.id : undefined} />
    </div>
  );
}
