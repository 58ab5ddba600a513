import { describe, expect, it } from 'vitest';
import { explanationText, quorumStatus, liveTally } from '../src/index.ts';
import { chair, landCodes, member, openSessionWith, scheduledSession, deputy } from './support/scenario.ts';
import { given } from './support/gwt.ts';

const LANDS = landCodes();
const yesFrom = (lands: string[], choice: 'yes' | 'no' | 'abstain' = 'yes') => Object.fromEntries(lands.map((l) => [l, choice]));

describe('R-VOT-1: consensus first', () => {
  it('R-VOT-1: 14 present, 12 yes, 2 abstain, no "no" → adopted by consensus', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 12)), ...yesFrom(LANDS.slice(12, 14), 'abstain') });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'consensus', rule: 'R-VOT-1', base: 14, yes: 12, abstain: 2 });
  });
  it('R-VOT-1: a single "no" ends consensus; the qualified rule decides', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 13)), [LANDS[13]]: 'no' });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'qualified', rule: 'R-VOT-2', needed: 9, yes: 13, no: 1 });
  });
  it('R-VOT-1: all abstain → no consensus (consensusRequiresYes) and rejected', () => {
    const s = openSessionWith(11);
    const { explanation } = s.voteOn('item-proposal', yesFrom(LANDS.slice(0, 11), 'abstain'));
    expect(explanation).toMatchObject({ outcome: 'rejected', method: 'qualified' });
  });
});

describe('R-VOT-2: two thirds of the Länder present, half up', () => {
  it('R-VOT-2: 14 present, 9 yes → adopted', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 9)), ...yesFrom(LANDS.slice(9, 14), 'no') });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'qualified', base: 14, needed: 9, yes: 9, no: 5 });
    expect(explanationText(explanation, 'de')).toBe('R-VOT-2: Basis 14, erforderlich 9, Ja 9, Nein 5, Enthaltung 0 → angenommen (Zweidrittelmehrheit)');
  });
  it('R-VOT-2: 14 present, 8 yes → rejected', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 8)), ...yesFrom(LANDS.slice(8, 10), 'no') });
    expect(explanation).toMatchObject({ outcome: 'rejected', base: 14, needed: 9, yes: 8, no: 2, notVoted: 4 });
  });
  it('R-VOT-2: 16 present, 10 yes and 6 abstentions → rejected: abstentions count against', () => {
    const s = openSessionWith(16);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 10)), [LANDS[10]]: 'no', ...yesFrom(LANDS.slice(11), 'abstain') });
    expect(explanation).toMatchObject({ outcome: 'rejected', base: 16, needed: 11, yes: 10 });
  });
});

describe('R-VOT-3: quorum', () => {
  it('R-VOT-3: 10 Länder present → openVote refused quorum.notReached with present/required', () => {
    const s = openSessionWith(10);
    const r = s.refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal' } }, chair, 'quorum.notReached', 'R-VOT-3');
    expect(r.details).toEqual({ present: 10, required: 11 });
  });
  it('R-VOT-3: member and deputy of one Land count once', () => {
    const s = openSessionWith(10);
    s.checkIn([deputy('BW')]);
    expect(quorumStatus(s.state, s.profile)).toEqual({ present: 10, required: 11, met: false });
  });
  it('R-VOT-3: quorum lost before the close → notDecided, method none', () => {
    const s = openSessionWith(11);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    for (const l of LANDS.slice(0, 11)) s.cast(voteId, l, 'yes');
    s.run({ type: 'checkOut' }, member(LANDS[0]));
    const { explanation } = s.closeVote(voteId);
    expect(explanation).toMatchObject({ outcome: 'notDecided', method: 'none', rule: 'R-VOT-3', quorum: { present: 10, required: 11, met: false } });
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 11, base: 11 });
  });
});

describe('given/when/then', () => {
  it('R-VOT-5: only one open vote at a time', () => {
    const s = openSessionWith(12);
    s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    given(s.events).when({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair).then('vote.alreadyOpen');
  });
  it('schedule: session scheduled by the office', () => {
    given([]).when({ type: 'scheduleSession', title: 'x', date: '2025-05-01', place: 'Mainz', kind: 'regular', format: 'room' }, { role: 'office', participantId: null })
      .then([{ type: 'SessionScheduled', chairLands: ['RP'], chairPeriod: 2025, chairDeviation: null }]);
    expect(scheduledSession().state.agenda).toHaveLength(3);
  });
});
