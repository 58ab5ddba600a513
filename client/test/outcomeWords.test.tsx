import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import type { Explanation } from '@plenum/shared';
import { outcomeSentence } from '../src/views/common/outcomeText.ts';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import { ALL_LANDS, chair, demoMeeting, seed } from './support/meeting.ts';

const de = i18next.getFixedT('de');
const en = i18next.getFixedT('en');

function explanation(extra: Partial<Explanation>): Explanation {
  return {
    rule: 'R-VOT-2', decisionRule: 'consensusOrQualified', method: 'qualified', base: 16, needed: 11,
    yes: 11, no: 5, abstain: 0, notVoted: 0, quorum: { present: 16, required: 11, met: true }, outcome: 'adopted', ...extra,
  };
}

describe('outcome in plain words', () => {
  it('R-VOT-1: a unanimous vote reads "Angenommen (Konsens)"', () => {
    const e = explanation({ method: 'consensus', yes: 16, no: 0, needed: 16 });
    expect(outcomeSentence(de, e)).toBe('Angenommen (Konsens)');
    expect(outcomeSentence(en, e)).toBe('Adopted (consensus)');
  });

  it('R-VOT-2: 11 of 16 reads "Angenommen mit 11 von 16 Stimmen (Zweidrittelmehrheit erreicht)"', () => {
    const e = explanation({});
    expect(outcomeSentence(de, e)).toBe('Angenommen mit 11 von 16 Stimmen (Zweidrittelmehrheit erreicht)');
    expect(outcomeSentence(en, e)).toBe('Adopted with 11 of 16 votes (two-thirds majority reached)');
  });

  it('R-VOT-2: a missed two-thirds majority says it was missed, never "Abgelehnt mit Zweidrittelmehrheit"', () => {
    const e = explanation({ yes: 9, no: 7, outcome: 'rejected' });
    const german = outcomeSentence(de, e);
    expect(german).toBe('Abgelehnt – 9 Ja-Stimmen, 11 erforderlich (Zweidrittelmehrheit verfehlt)');
    expect(german).not.toMatch(/Abgelehnt mit/);
    expect(outcomeSentence(en, e)).toBe('Rejected – 9 yes votes, 11 needed (two-thirds majority missed)');
    // one yes vote is singular
    expect(outcomeSentence(de, explanation({ yes: 1, no: 15, outcome: 'rejected' }))).toBe('Abgelehnt – 1 Ja-Stimme, 11 erforderlich (Zweidrittelmehrheit verfehlt)');
  });

  it('R-AGD-2: a simple majority names yes and no, not a bare "erforderlich 2"', () => {
    const adopted = explanation({ rule: 'R-AGD-2', decisionRule: 'simpleMajority', method: 'simpleMajority', needed: 2, yes: 3, no: 1 });
    expect(outcomeSentence(de, adopted)).toBe('Angenommen mit einfacher Mehrheit (3 Ja, 1 Nein)');
    expect(outcomeSentence(de, { ...adopted, yes: 1, no: 3, outcome: 'rejected' })).toBe('Abgelehnt – einfache Mehrheit verfehlt (1 Ja, 3 Nein)');
  });

  it('R-VOT-3: without quorum the result says so', () => {
    const e = explanation({ method: 'none', outcome: 'notDecided', quorum: { present: 10, required: 11, met: false } });
    expect(outcomeSentence(de, e)).toBe('Keine Beschlussfassung – nicht beschlussfähig (10 von 11 nötigen Ländern anwesend)');
  });

  it('R-VOT-2: 14 present, 8 yes → rejected, 9 needed; on the chair console the rule ID and formula sit behind a closed details control', () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    m.openResolution();
    ALL_LANDS.slice(0, 14).forEach((land, i) => m.cast(land, i < 8 ? 'yes' : 'no'));
    m.close();
    seed(m, chair);
    render(<ChairConsole />);
    const outcome = screen.getByTestId('outcome');
    expect(within(outcome).getByTestId('outcome-detail')).toHaveTextContent('– 8 Ja-Stimmen, 9 erforderlich (Zweidrittelmehrheit verfehlt)');
    expect(within(outcome).getByTestId('outcome-counts')).toHaveTextContent('Ja 8 · Nein 6 · Enthaltung 0');
    const rule = within(outcome).getByTestId('explanation');
    expect(rule).toHaveTextContent('R-VOT-2');
    expect(rule.closest('details')).not.toHaveAttribute('open');
    expect(outcome.querySelector('.outcome-headline')).not.toHaveTextContent('R-VOT');
  });
});
