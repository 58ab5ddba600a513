import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DMK_PROFILE, RulesProfileSchema, yesNeeded, type RulesProfile } from '../src/index.ts';
import { chair, landCodes, member, openSessionWith, scheduledSession } from './support/scenario.ts';

/** A small conference: 5 members, quorum 3, the same two-thirds rule. Nothing may assume 16. */
const SMALL: RulesProfile = RulesProfileSchema.parse({
  ...DMK_PROFILE,
  id: 'small',
  name: 'Kleine Konferenz',
  lands: [
    { code: 'NA', name: 'Nordland', nameEn: 'Northland' }, { code: 'NB', name: 'Bergland', nameEn: 'Hill country' },
    { code: 'NC', name: 'Seeland', nameEn: 'Lakeland' }, { code: 'ND', name: 'Waldland', nameEn: 'Woodland' },
    { code: 'NE', name: 'Flachland', nameEn: 'Flatland' },
  ],
  quorum: 3,
  chairRotation: [{ year: 2024, lands: ['NA'] }],
});
const L = landCodes(SMALL);
const RUNS = 200;

describe('another profile: 5 members, quorum 3', () => {
  it('R-MEM-1: the roster has 5 Länder; a DMK Land is unknown here → land.unknown', () => {
    const s = scheduledSession({ profile: SMALL });
    expect(Object.keys(s.state.participants)).toHaveLength(1 + 10);
    expect(s.state.session?.chairLands).toEqual(['NA']);
    s.refuse({ type: 'nameTemporaryDeputy', land: 'BW', name: 'x' }, chair, 'land.unknown');
  });
  it('R-VOT-3: 2 present → quorum.notReached {present 2, required 3}; 3 present → the vote opens', () => {
    const s = openSessionWith(2, { profile: SMALL });
    const r = s.refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal' } }, chair, 'quorum.notReached');
    expect(r.details).toEqual({ present: 2, required: 3 });
    s.checkIn([member('NC')]);
    expect(s.state.quorumLog.at(-1)).toMatchObject({ present: 3, required: 3, met: true });
    s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
  });
  it('R-VOT-2: 5 present, 3 yes 2 no → adopted (needed 3); 4 present, 2 yes 2 no → rejected (needed 3)', () => {
    const five = openSessionWith(5, { profile: SMALL });
    expect(five.voteOn('item-proposal', { NA: 'yes', NB: 'yes', NC: 'yes', ND: 'no', NE: 'no' }).explanation)
      .toMatchObject({ base: 5, needed: 3, outcome: 'adopted', method: 'qualified' });
    const four = openSessionWith(4, { profile: SMALL });
    expect(four.voteOn('item-proposal', { NA: 'yes', NB: 'yes', NC: 'no', ND: 'no' }).explanation)
      .toMatchObject({ base: 4, needed: 3, outcome: 'rejected' });
  });
  it('R-MEM-4: a transfer within the small profile enters the base, not the quorum', () => {
    const s = openSessionWith(3, { profile: SMALL });
    s.run({ type: 'transferVote', from: 'NE', to: 'NA', scope: { kind: 'untilRevoked' } }, { role: 'system', participantId: null });
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    expect(Object.keys(s.state.votes[voteId].electorate)).toEqual(['NA', 'NB', 'NC', 'NE']);
    expect(s.state.votes[voteId].quorumAtOpen).toEqual({ present: 3, required: 3 });
  });
  it(`R-VOT-2: for every attendance and choice, adopted ⇔ consensus or yes ≥ yesNeeded(base) (${RUNS} runs)`, () => {
    const start = scheduledSession({ profile: SMALL });
    fc.assert(fc.property(fc.subarray(L, { minLength: 3 }), fc.array(fc.constantFrom('yes', 'no', 'abstain', null), { minLength: 5, maxLength: 5 }), (present, choices) => {
      const s = start.fork();
      s.checkInLands(present).openSession();
      const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
      present.forEach((land, i) => { if (choices[i]) s.cast(voteId, land, choices[i]!); });
      const { explanation: e } = s.closeVote(voteId);
      const yes = choices.slice(0, present.length).filter((c) => c === 'yes').length;
      const no = choices.slice(0, present.length).filter((c) => c === 'no').length;
      const silent = choices.slice(0, present.length).filter((c) => c === null).length;
      expect(e.base).toBe(present.length);
      // R-VOT-1 (silenceBlocksConsensus): consensus needs an answer from every Land of the base.
      const expected = (no === 0 && yes > 0 && silent === 0) || yes >= yesNeeded(present.length, SMALL) ? 'adopted' : 'rejected';
      expect(e.outcome).toBe(expected);
    }), { numRuns: RUNS });
  });
});
