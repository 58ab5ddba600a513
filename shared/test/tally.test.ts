import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, decideOutcome, explanationText, liveTally, type Choice, type Electorate } from '../src/index.ts';
import { landCodes } from './support/scenario.ts';

const LANDS = landCodes();
const electorateOf = (n: number): Electorate => Object.fromEntries(LANDS.slice(0, n).map((l) => [l, { castBy: l, transferId: null }]));
const ballotsOf = (yes: number, no: number, abstain: number): Record<string, Choice> => {
  const out: Record<string, Choice> = {};
  LANDS.slice(0, yes).forEach((l) => (out[l] = 'yes'));
  LANDS.slice(yes, yes + no).forEach((l) => (out[l] = 'no'));
  LANDS.slice(yes + no, yes + no + abstain).forEach((l) => (out[l] = 'abstain'));
  return out;
};
const quorate = { present: 14, required: 11, met: true };
const outcome = (base: number, y: number, n: number, a: number, decisionRule: 'consensusOrQualified' | 'qualifiedOnly' | 'simpleMajority' = 'consensusOrQualified', profile = DMK_PROFILE) =>
  decideOutcome({ decisionRule, electorate: electorateOf(base), ballots: ballotsOf(y, n, a), quorum: { ...quorate, present: base }, profile }).explanation;

describe('decideOutcome', () => {
  it('R-VOT-2: 14 present, 10 yes, 3 no, 1 abstain → adopted (qualified), with the German and English text', () => {
    const e = outcome(14, 10, 3, 1);
    expect(e).toMatchObject({ rule: 'R-VOT-2', method: 'qualified', base: 14, needed: 9, yes: 10, no: 3, abstain: 1, notVoted: 0, outcome: 'adopted' });
    expect(explanationText(e, 'de')).toBe('R-VOT-2: Basis 14, erforderlich 9, Ja 10, Nein 3, Enthaltung 1 → angenommen (Zweidrittelmehrheit)');
    expect(explanationText(e, 'en')).toBe('R-VOT-2: base 14, needed 9, yes 10, no 3, abstain 1 → adopted (two-thirds majority)');
  });
  it('R-VOT-2: base table 11..16 at the threshold and one below', () => {
    for (const [base, needed] of [[11, 7], [12, 8], [13, 9], [14, 9], [15, 10], [16, 11]]) {
      expect(outcome(base, needed, base - needed, 0).outcome).toBe('adopted');
      expect(outcome(base, needed - 1, base - needed + 1, 0).outcome).toBe('rejected');
    }
  });
  it('R-VOT-2: Länder that do not answer count against', () => {
    expect(outcome(16, 10, 1, 0)).toMatchObject({ outcome: 'rejected', notVoted: 5, needed: 11 });
  });
  it('R-VOT-1: consensus text', () => {
    const e = outcome(12, 10, 0, 2);
    expect(e).toMatchObject({ method: 'consensus', rule: 'R-VOT-1', outcome: 'adopted' });
    expect(explanationText(e, 'de')).toBe('R-VOT-1: Basis 12, Ja 10, Nein 0, Enthaltung 2 → angenommen (Konsens)');
    expect(explanationText(e, 'en')).toBe('R-VOT-1: base 12, yes 10, no 0, abstain 2 → adopted (consensus)');
  });
  it('R-VOT-1: with abstentionBlocksConsensus an abstention sends the round to the qualified rule', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, abstentionBlocksConsensus: true } };
    expect(outcome(12, 7, 0, 5, 'consensusOrQualified', profile)).toMatchObject({ method: 'qualified', outcome: 'rejected' });
    expect(outcome(12, 7, 0, 5)).toMatchObject({ method: 'consensus', outcome: 'adopted' });
  });
  it('R-VOT-1: with consensusRequiresYes off, a round without any "no" and without yes is still consensus', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, consensusRequiresYes: false } };
    expect(outcome(12, 0, 0, 12, 'consensusOrQualified', profile)).toMatchObject({ method: 'consensus', outcome: 'adopted' });
    expect(outcome(12, 0, 0, 12)).toMatchObject({ method: 'qualified', outcome: 'rejected' });
  });
  it('R-AGD-3: qualifiedOnly ignores consensus', () => {
    expect(outcome(14, 8, 0, 6, 'qualifiedOnly')).toMatchObject({ method: 'qualified', outcome: 'rejected' });
  });
  it('R-AGD-2: simple majority: 3 yes, 2 no, 9 abstain → adopted; text', () => {
    const e = outcome(14, 3, 2, 9, 'simpleMajority');
    expect(e).toMatchObject({ method: 'simpleMajority', rule: 'R-AGD-2', needed: 3, outcome: 'adopted' });
    expect(explanationText(e, 'de')).toBe('R-AGD-2: erforderlich 3, Ja 3, Nein 2, Enthaltung 9 → angenommen (einfache Mehrheit)');
    expect(explanationText(e, 'en')).toBe('R-AGD-2: needed 3, yes 3, no 2, abstain 9 → adopted (simple majority)');
  });
  it('R-AGD-2: with majorityOfBase the same round is rejected', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, shortNoticeMajority: 'majorityOfBase' as const } };
    expect(outcome(14, 3, 2, 9, 'simpleMajority', profile)).toMatchObject({ outcome: 'rejected', needed: 8 });
  });
  it('R-VOT-3: not quorate at the close → notDecided, with its text', () => {
    const e = decideOutcome({ decisionRule: 'consensusOrQualified', electorate: electorateOf(11), ballots: ballotsOf(11, 0, 0), quorum: { present: 10, required: 11, met: false }, profile: DMK_PROFILE }).explanation;
    expect(e).toMatchObject({ outcome: 'notDecided', method: 'none', rule: 'R-VOT-3' });
    expect(explanationText(e, 'de')).toBe('R-VOT-3: nicht beschlussfähig (anwesend 10, erforderlich 11), Basis 11, Ja 11, Nein 0, Enthaltung 0 → keine Entscheidung');
    expect(explanationText(e, 'en')).toContain('not quorate (present 10, required 11)');
  });
  it('R-MEM-2: ballots of Länder outside the electorate are ignored; choices list the electorate only', () => {
    const { explanation, choices } = decideOutcome({ decisionRule: 'consensusOrQualified', electorate: electorateOf(11), ballots: ballotsOf(16, 0, 0), quorum: quorate, profile: DMK_PROFILE });
    expect(explanation).toMatchObject({ base: 11, yes: 11 });
    expect(Object.keys(choices)).toEqual(LANDS.slice(0, 11));
  });
  it('explanation text: no answer is shown as "ohne Stimme"', () => {
    expect(explanationText(outcome(16, 10, 1, 0), 'de')).toBe('R-VOT-2: Basis 16, erforderlich 11, Ja 10, Nein 1, Enthaltung 0, ohne Stimme 5 → abgelehnt (Zweidrittelmehrheit verfehlt)');
  });
  it('liveTally counts the electorate once each', () => {
    const t = liveTally({ electorate: electorateOf(3), ballots: { BW: { choice: 'yes' }, BY: { choice: 'no' }, TH: { choice: 'yes' } } as never });
    expect(t).toEqual({ yes: 1, no: 1, abstain: 0, notVoted: 1, base: 3 });
  });
});
