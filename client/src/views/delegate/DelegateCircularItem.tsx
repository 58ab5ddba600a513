import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CircularState, LandCode } from '@plenum/shared';

type Choice = 'yes' | 'no' | 'abstain';
const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/**
 * One circular procedure on the delegate's phone: the proposal, the deadline, the Land's answer,
 * and while the period runs an answer form (R-CIR-2, declaration R-CIR-3) and an objection
 * (R-CIR-1). `canAct` is false for temporary deputies: the panel says why once, above.
 */
export function DelegateCircularItem(props: {
  id: string; s: CircularState; land: LandCode; canAct: boolean; now: number;
  landName: (code: string) => string; fmt: (iso: string | null) => string;
  onAnswer: (id: string, choice: Choice, declaration: string) => Promise<boolean>;
  onObject: (id: string, reason: string) => Promise<boolean>;
}) {
  const { id, s, land, canAct, landName, fmt } = props;
  const { t } = useTranslation();
  const mine = s.answers[land];
  const [choice, setChoice] = useState<Choice>(mine?.choice ?? 'yes');
  const [declaration, setDeclaration] = useState('');
  const [reason, setReason] = useState('');
  const open = s.status === 'running' && s.deadline !== null && Date.parse(s.deadline) >= props.now;
  const base = `circ-${id}`;

  const answer = async (e: FormEvent) => {
    e.preventDefault();
    if (await props.onAnswer(id, choice, declaration.trim())) setDeclaration('');
  };
  const object = async (e: FormEvent) => {
    e.preventDefault();
    if (await props.onObject(id, reason.trim())) setReason('');
  };

  return (
    <li className="between-item" data-testid={`circular-${id}`}>
      <h4>{s.title}</h4>
      <p>{t('betweenDelegate.proposedBy', { land: landName(s.proposingLand ?? '') })} · {t(`betweenDelegate.status.${s.status}`)}</p>
      <p className="proposal-text">{s.text}</p>
      {s.paragraphs.length > 0 && (
        <ol>{s.paragraphs.map((p) => <li key={p.number} value={Number(p.number) || undefined}>{p.text}</li>)}</ol>
      )}
      <p>{open ? t('betweenDelegate.deadline', { time: fmt(s.deadline) }) : s.status === 'running' ? t('betweenDelegate.periodEnded') : null}</p>
      <p data-testid={`circular-${id}-mine`}>
        {mine
          ? t('betweenDelegate.yourAnswer', { land: landName(land), choice: t(`betweenDelegate.choice.${mine.choice}`) })
          : t('betweenDelegate.notAnswered', { land: landName(land) })}
      </p>
      {open && canAct && (
        <>
          <form onSubmit={answer}>
            <fieldset>
              <legend>{t('betweenDelegate.answerLegend', { land: landName(land) })}</legend>
              {CHOICES.map((c) => (
                <label key={c} className="radio">
                  <input type="radio" name={`${base}-choice`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
                  {t(`betweenDelegate.choice.${c}`)}
                </label>
              ))}
              <label htmlFor={`${base}-decl`}>{t('betweenDelegate.declaration')}</label>
              <textarea id={`${base}-decl`} value={declaration} maxLength={20000} onChange={(e) => setDeclaration(e.target.value)} />
              <button type="submit">{t('betweenDelegate.sendAnswer')}</button>
            </fieldset>
          </form>
          <form onSubmit={object}>
            <fieldset>
              <legend>{t('betweenDelegate.objectLegend')}</legend>
              <p id={`${base}-object-hint`}>{t('betweenDelegate.objectHint')}</p>
              <label htmlFor={`${base}-reason`}>{t('betweenDelegate.reason')}</label>
              <textarea id={`${base}-reason`} value={reason} maxLength={20000} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="danger" aria-describedby={`${base}-object-hint`}>{t('betweenDelegate.object')}</button>
            </fieldset>
          </form>
        </>
      )}
    </li>
  );
}
