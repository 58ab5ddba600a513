import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftBracket, ErrorPayload } from '@plenum/shared';

export interface Abilities { land: string | null; leads: boolean; chairs: boolean }
type Act = (command: unknown) => Promise<ErrorPayload | null>;

/** One open bracket: who holds it with which wording, and what the viewer may do about it. */
export function BracketCard({ bracket: b, number, can, act, called = false }: { bracket: DraftBracket; number: number; can: Abilities; act: Act; called?: boolean }) {
  const { t } = useTranslation();
  const [alternative, setAlternative] = useState('');
  const [choice, setChoice] = useState('original');
  const holders = Object.entries(b.holders);
  const mine = can.land ? b.holders[can.land] : undefined;
  const wordingOf = (altId: string | null) => (altId ? b.alternatives.find((a) => a.id === altId) : null);
  const propose = async (e: FormEvent) => {
    e.preventDefault();
    if (!(await act({ type: 'proposeAlternative', bracketId: b.id, text: alternative }))) setAlternative('');
  };
  const resolve = (e: FormEvent) => {
    e.preventDefault();
    void act({ type: 'resolveBracket', bracketId: b.id, wording: choice === 'original' ? { kind: 'original' } : { kind: 'alternative', alternativeId: choice } });
  };
  const headingId = `bracket-${b.id}`;
  return (
    <section className="bracket-card" aria-labelledby={headingId} data-testid={`bracket-${b.id}`}>
      <h4 id={headingId}>
        {t('drafts.bracket', { n: number })}: „{b.text}“ –{' '}
        <span data-testid={`holders-${b.id}`}>{holders.length ? t('drafts.heldBy', { lands: holders.map(([l]) => l).join(', ') }) : t('drafts.heldByNone')}</span>
      </h4>
      {b.alternatives.length > 0 && (
        <ul aria-label={t('drafts.alternatives')}>
          {b.alternatives.map((a) => {
            // Who holds out for this wording, in words (a bare "(–)" told nobody anything).
            const lands = holders.filter(([, h]) => h.alternativeId === a.id).map(([l]) => l).join(', ');
            return (
              <li key={a.id}>
                {t('drafts.alternativeOf', { land: a.land })}: „{a.text}“ – {lands ? t('drafts.heldBy', { lands }) : t('drafts.heldByNone')}
              </li>
            );
          })}
        </ul>
      )}
      {mine && <p>{t('drafts.stand')}: {wordingOf(mine.alternativeId)?.text ?? t('drafts.original')}</p>}
      <div className="actions">
        {can.land && !mine && <button type="button" onClick={() => void act({ type: 'joinBracket', bracketId: b.id })}>{t('drafts.holdBracket')}</button>}
        {can.land && b.alternatives.filter((a) => mine?.alternativeId !== a.id).map((a) => (
          <button key={a.id} type="button" onClick={() => void act({ type: 'joinBracket', bracketId: b.id, alternativeId: a.id })}>
            {t('drafts.holdFor')}: {t('drafts.alternativeOf', { land: a.land })}
          </button>
        ))}
        {mine && <button type="button" onClick={() => void act({ type: 'leaveBracket', bracketId: b.id })}>{t('drafts.leaveBracket')}</button>}
        {can.chairs && !called && <button type="button" onClick={() => void act({ type: 'callBracket', bracketId: b.id })}>{t('drafts.call')}</button>}
      </div>
      {can.land && (
        <form onSubmit={propose} className="inline-form">
          <label htmlFor={`alt-${b.id}`}>{t('drafts.propose')}</label>
          <textarea id={`alt-${b.id}`} required rows={2} value={alternative} onChange={(e) => setAlternative(e.target.value)} />
          <button type="submit">{t('drafts.proposeSubmit')}</button>
        </form>
      )}
      {(can.chairs || can.leads) && (
        <form onSubmit={resolve} className="inline-form">
          <label htmlFor={`res-${b.id}`}>{t('drafts.resolve')}</label>
          <select id={`res-${b.id}`} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="original">{t('drafts.original')}</option>
            {b.alternatives.map((a) => <option key={a.id} value={a.id}>{t('drafts.alternativeOf', { land: a.land })}</option>)}
          </select>
          <button type="submit">{t('drafts.resolveSubmit')}</button>
        </form>
      )}
    </section>
  );
}
