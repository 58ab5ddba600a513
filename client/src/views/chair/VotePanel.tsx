import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Motion, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCurrentVote, useLandName } from '../common/hooks.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Tally } from '../common/Tally.tsx';
import { useCommand } from '../common/useCommand.ts';

type MotionKind = Motion['kind'];

/** R-VOT-3/5/6, R-AGD-2/3, R-SES-4: open a round, follow it live, close or cancel it, see its outcome. */
export function VotePanel() {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  return (
    <section aria-labelledby="vote-heading" className="panel vote-panel">
      <h2 id="vote-heading">{t('chair.vote.heading')}</h2>
      {vote?.status === 'open' ? <OpenVote vote={vote} /> : <OpenVoteForm />}
      {vote && vote.status !== 'open' && <Outcome vote={vote} headingLevel={3} />}
    </section>
  );
}

function OpenVoteForm() {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const { run, error, pending } = useCommand();
  const formId = useId();
  const [kind, setKind] = useState<MotionKind>('resolution');
  const [itemId, setItemId] = useState<string>('');
  const [paragraph, setParagraph] = useState<string>('');
  const [makePublic, setMakePublic] = useState(true);
  const selectedItemId = itemId || state.currentItemId || '';
  const item = state.agenda.find((i) => i.id === selectedItemId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let motion: Motion;
    if (kind === 'setPublic') motion = { kind, public: makePublic };
    else if (kind === 'resolution') motion = { kind, itemId: selectedItemId, paragraph: paragraph || null };
    else motion = { kind, itemId: selectedItemId };
    await run({ type: 'openVote', motion });
  };

  return (
    <form onSubmit={submit} className="stack" aria-labelledby={`${formId}-legend`}>
      <fieldset>
        <legend id={`${formId}-legend`}>{t('chair.vote.motionKind')}</legend>
        {(['resolution', 'admitShortNotice', 'bundesratProcedure', 'setPublic'] as MotionKind[]).map((k) => (
          <label key={k} className="radio">
            <input type="radio" name={`${formId}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`chair.vote.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind !== 'setPublic' ? (
        <label className="field">
          {t('chair.vote.item')}
          <select value={selectedItemId} onChange={(e) => { setItemId(e.target.value); setParagraph(''); }}>
            <option value="">{t('chair.vote.chooseItem')}</option>
            {state.agenda.map((i) => <option key={i.id} value={i.id}>{i.number} {i.title}</option>)}
          </select>
        </label>
      ) : (
        <label className="checkbox">
          <input type="checkbox" checked={makePublic} onChange={(e) => setMakePublic(e.target.checked)} />
          {t('chair.vote.makePublic')}
        </label>
      )}
      {kind === 'resolution' && item && item.paragraphs.length > 1 && (
        <label className="field">
          {t('chair.vote.paragraph')}
          <select value={paragraph} onChange={(e) => setParagraph(e.target.value)}>
            <option value="">{t('chair.vote.whole')}</option>
            {item.paragraphs.map((p) => <option key={p.number} value={p.number}>{t('item.paragraph', { number: p.number })}</option>)}
          </select>
        </label>
      )}
      <button type="submit" className="primary" data-testid="open-vote" disabled={pending}>{t('chair.vote.open')}</button>
      <ErrorAlert error={error} />
    </form>
  );
}

function OpenVote({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const landName = useLandName();
  const close = useCommand();
  const cancel = useCommand();
  const conflicts = Object.entries(vote.ballots).filter(([, b]) => b.conflict).map(([land]) => land);
  return (
    <div className="stack" data-testid="open-vote-panel">
      <p className="vote-motion"><strong>{motionLabel(t, state, vote.motion)}</strong></p>
      <p className="muted">{t('chair.vote.rule', { rule: vote.ruleId, decisionRule: t(`decisionRule.${vote.decisionRule}`) })}</p>
      <p className="muted">{t('chair.vote.quorumAtOpen', { count: vote.quorumAtOpen.present, required: vote.quorumAtOpen.required })}</p>
      <Tally vote={vote} />
      {conflicts.length > 0 && (
        <p className="warning" role="alert" data-testid="vote-conflicts">
          {t('chair.vote.conflicts', { lands: conflicts.map(landName).join(', ') })}
        </p>
      )}
      <table className="ballots-table">
        <caption>{t('chair.vote.perLand')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chair.lands.land')}</th>
            <th scope="col">{t('chair.vote.castBy')}</th>
            <th scope="col">{t('chair.vote.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(vote.electorate).map(([land, e]) => {
            const ballot = vote.ballots[land];
            return (
              <tr key={land} data-testid={`ballot-row-${land}`} data-choice={ballot?.choice ?? 'none'} className={ballot?.conflict ? 'conflict' : undefined}>
                <th scope="row">{landName(land)}</th>
                <td>{e.castBy === land ? '–' : t('chair.vote.byTransfer', { land: landName(e.castBy) })}</td>
                <td>
                  {ballot ? t(`choice.${ballot.choice}`) : t('choice.notVoted')}
                  {ballot?.conflict && <strong className="conflict-flag"> {t('chair.vote.conflict')}</strong>}
                  {ballot && ballot.history.length > 1 && <span className="muted"> {t('chair.vote.changes', { count: ballot.history.length - 1 })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="primary" data-testid="close-vote" disabled={close.pending} onClick={() => close.run({ type: 'closeVote', voteId: vote.id })}>
          {t('chair.vote.close')}
        </button>
        <button type="button" className="danger" data-testid="cancel-vote" disabled={cancel.pending} onClick={() => cancel.run({ type: 'cancelVote', voteId: vote.id })}>
          {t('chair.vote.cancel')}
        </button>
      </div>
      <ErrorAlert error={close.error ?? cancel.error} />
    </div>
  );
}
