import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Motion, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCurrentVote, useLandName } from '../common/hooks.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { Outcome } from '../common/Outcome.tsx';
import { Tally } from '../common/Tally.tsx';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { VoteTimer } from './VoteTimer.tsx';
import { useCommand } from '../common/useCommand.ts';

type MotionKind = Motion['kind'];

/** R-VOT-3/5/6, R-AGD-2/3, R-SES-4: open a round, follow it live, close or cancel it, see its outcome. */
export function VotePanel() {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  return (
    <section aria-labelledby="vote-heading" className="panel vote-panel">
      <h2 id="vote-heading">{t('chair.vote.heading')}</h2>
      {/* After a close the result comes first; the form for the next round follows. */}
      {vote && vote.status !== 'open' && <Outcome vote={vote} headingLevel={3} />}
      {vote?.status === 'open' ? <OpenVote vote={vote} /> : <OpenVoteForm />}
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
  const missing = Object.keys(vote.electorate).filter((land) => !vote.ballots[land]);
  const cast = Object.keys(vote.ballots).length;
  return (
    <div className="stack" data-testid="open-vote-panel">
      <p className="vote-motion"><strong>{motionLabel(t, state, vote.motion)}</strong></p>
      <p className="muted vote-basis">
        {t(`decisionRule.${vote.decisionRule}`)} · {t('chair.vote.quorumAtOpen', { count: vote.quorumAtOpen.present, required: vote.quorumAtOpen.required })}
      </p>
      <Tally vote={vote} />
      <div className="not-voted" data-testid="not-voted">
        <h3>{t('chair.vote.notVotedHeading', { count: missing.length })}</h3>
        {missing.length > 0 && (
          <ul className="land-chips">{missing.map((land) => <li key={land} className="land-chip" data-testid={`not-voted-${land}`}>{landName(land)}</li>)}</ul>
        )}
      </div>
      <VoteTimer voteId={vote.id} />
      <div className="button-row vote-controls">
        <ConfirmButton testId="close-vote" className="primary" disabled={close.pending} onConfirm={() => close.run({ type: 'closeVote', voteId: vote.id })}
          confirmation={missing.length === 0 ? null : {
            title: t('confirm.closeVote.title', { count: missing.length }),
            body: <p>{t('confirm.closeVote.body', { count: missing.length, lands: missing.map(landName).join(', ') })}</p>,
            confirmLabel: t('confirm.closeVote.confirm'),
          }}>
          {t('chair.vote.close')}
        </ConfirmButton>
        <ConfirmButton testId="cancel-vote" className="danger" disabled={cancel.pending} onConfirm={() => cancel.run({ type: 'cancelVote', voteId: vote.id })}
          confirmation={{
            title: t('confirm.cancelVote.title'),
            body: <p>{t('confirm.cancelVote.body', { count: cast })}</p>,
            confirmLabel: t('confirm.cancelVote.confirm'),
          }}>
          {t('chair.vote.cancel')}
        </ConfirmButton>
      </div>
      <ErrorAlert error={close.error ?? cancel.error} />
    </div>
  );
}
