import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice, LandCode, OralMode, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { announce } from '../common/announcer.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';
import { useRowKeys } from './useRowKeys.ts';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
/** J/N/E as said in German; Y/A work too (English keyboards and habits). */
const KEYS: Record<string, Choice> = { j: 'yes', y: 'yes', n: 'no', e: 'abstain', a: 'abstain' };

/**
 * R-VOT-7: the chair calls the present Länder in the protocol order and records each declared vote
 * (show of hands or roll call). One row per ballot (a transferred Land's ballot is called with its
 * holder), three large choices. Keyboard: the focused row takes J (Ja), N (Nein), E (Enthaltung)
 * and moves on to the next Land; arrow keys, Home and End move between rows. A vote from a device
 * shows in its row at once; a device and the chair's record that differ are flagged as a conflict.
 */
export function RollCall({ vote }: { vote: VoteRound }) {
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
  const { focusRow, row } = useRowKeys(lands.length, KEYS, (i, choice) => record(lands[i], choice));
  const source = (land: LandCode) => {
    const b = vote.ballots[land];
    if (!b) return t('rollCall.open');
    if (b.oral) return t('rollCall.recordedBy', { mode: t(`rollCall.mode.${b.oral}`) });
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
      <p className="muted" id="roll-call-keys">{t('rollCall.keys')}</p>
      <table className="roll-call-table">
        <caption className="visually-hidden">{t('rollCall.caption')}</caption>
        <thead>
          <tr><th scope="col">{t('chair.lands.land')}</th><th scope="col">{t('chair.vote.choice')}</th><th scope="col">{t('rollCall.state')}</th></tr>
        </thead>
        <tbody>
          {lands.map((land, i) => {
            const ballot = vote.ballots[land];
            const castBy = vote.electorate[land].castBy;
            return (
              <tr key={land} {...row(i)} aria-describedby="roll-call-keys"
                aria-keyshortcuts="J N E" data-testid={`roll-call-row-${land}`} data-choice={ballot?.choice ?? 'none'}
                data-oral={ballot?.oral ?? 'device'} data-conflict={ballot?.conflict ?? false}
                className={`roll-call-row ${ballot?.conflict ? 'conflict' : ''}`}>
                <th scope="row">
                  {landName(land)}
                  {castBy !== land && <span className="transfer-note">{t('chair.vote.byTransfer', { land: landName(castBy) })}</span>}
                </th>
                <td>
                  <div className="roll-call-choices" role="group" aria-label={t('rollCall.choicesFor', { land: landName(land) })}>
                    {CHOICES.map((c) => (
                      <button key={c} type="button" tabIndex={-1} className={`choice choice-${c}`} aria-pressed={ballot?.choice === c}
                        data-testid={`record-${land}-${c}`} onClick={() => { record(land, c); focusRow(i + 1); }}>
                        {t(`choice.${c}`)}
                      </button>
                    ))}
                  </div>
                </td>
                <td data-testid={`roll-call-state-${land}`}>
                  {ballot ? <strong>{t(`choice.${ballot.choice}`)}</strong> : null} <span className="muted">{source(land)}</span>
                  {ballot?.conflict && <strong className="conflict-flag"> {t('chair.vote.conflict')}</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorAlert error={error} />
    </div>
  );
}
