import { useTranslation } from 'react-i18next';
import { DMK_PROFILE } from '@plenum/shared/src/dmkProfile.ts';
import type { DraftState, ErrorPayload } from '@plenum/shared';
import type { Abilities } from './BracketCard.tsx';

/** The live bracket call of an Arbeitsgremium meeting: each Land answers "einverstanden" or "hält fest". */
export function CallPanel({ state, numbers, can, act }: {
  state: DraftState; numbers: Record<string, number>; can: Abilities; act: (command: unknown) => Promise<ErrorPayload | null>;
}) {
  const { t } = useTranslation();
  const call = state.call;
  if (!call) return null;
  const b = state.brackets[call.bracketId];
  const mine = can.land ? call.answers[can.land] : undefined;
  return (
    <section className="call-panel panel" aria-labelledby="call-heading" data-testid="bracket-call">
      <h3 id="call-heading">{t('drafts.called', { n: numbers[call.bracketId] ?? '?' })}{b ? `: „${b.text}“` : ''}</h3>
      {can.land && (
        <div className="actions" role="group" aria-label={t('drafts.answers')}>
          <button type="button" aria-pressed={mine === 'agree'} onClick={() => void act({ type: 'answerBracketCall', answer: 'agree' })}>{t('drafts.agree')}</button>
          <button type="button" aria-pressed={mine === 'hold'} onClick={() => void act({ type: 'answerBracketCall', answer: 'hold' })}>{t('drafts.hold')}</button>
        </div>
      )}
      {can.chairs && <button type="button" onClick={() => void act({ type: 'endBracketCall' })}>{t('drafts.endCall')}</button>}
      <h4>{t('drafts.answers')}</h4>
      <ul className="call-answers">
        {DMK_PROFILE.lands.map((l) => (
          <li key={l.code} data-answer={call.answers[l.code] ?? 'none'}>
            <abbr title={l.name}>{l.code}</abbr>: {call.answers[l.code] ? t(`drafts.${call.answers[l.code]}`) : t('drafts.noAnswer')}
          </li>
        ))}
      </ul>
    </section>
  );
}
