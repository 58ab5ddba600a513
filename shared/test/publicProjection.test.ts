import { describe, expect, it } from 'vitest';
import { MAX_OUTCOMES, publicProjection } from '../src/public/projection.ts';
import { chair, landCodes, member, openSessionWith, type Scenario } from './support/scenario.ts';

const LANDS = landCodes();
const allYes = (lands = LANDS) => Object.fromEntries(lands.map((l) => [l, 'yes' as const]));
const setPublic = (s: Scenario, on: boolean) => s.voteOn('', allYes(), { kind: 'setPublic', public: on });

/**
 * A session with a non-public part full of things R-SES-4 keeps out of the public view: a
 * resolution vote with every Land's choice, a declaration, check-ins (at known times), a vote
 * that is still open… then the decision that makes it public.
 */
function sessionWithPrivatePart() {
  const s = openSessionWith(16);
  s.run({ type: 'setCurrentItem', itemId: 'item-proposal' }, chair);
  const early = s.voteOn('item-proposal', { ...allYes(LANDS.slice(0, 8)), ...Object.fromEntries(LANDS.slice(8).map((l) => [l, 'no'])) }, { kind: 'resolution', itemId: 'item-proposal', paragraph: '1' });
  s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Protokollerklärung NICHT-OEFFENTLICH-4711' }, member('BY'));
  const switched = setPublic(s, true);
  return { s, early, switched };
}

describe('R-SES-4: the public projection', () => {
  it('R-SES-4: a session that is not public has no projection at all', () => {
    const s = openSessionWith(16);
    expect(publicProjection(s.state, s.profile)).toBeNull();
  });

  it('R-SES-4: nothing of the part before the public switch is in the projection, not even in its bytes', () => {
    const { s, early, switched } = sessionWithPrivatePart();
    const p = publicProjection(s.state, s.profile);
    expect(p).not.toBeNull();
    const bytes = JSON.stringify(p);
    // The earlier round (its id, its choices), the switching round itself, the declaration, who checked in when.
    expect(bytes).not.toContain(early.voteId);
    expect(bytes).not.toContain(switched.voteId);
    expect(bytes).not.toContain('NICHT-OEFFENTLICH-4711');
    for (const participant of Object.values(s.state.participants)) {
      if (participant.presence) expect(bytes).not.toContain(participant.presence.since);
    }
    expect(bytes).not.toContain('"choice"');
    expect(bytes).not.toContain('history');
    expect(bytes).not.toContain('declaration');
    expect(p!.vote).toBeNull();
    expect(p!.outcomes).toEqual([]);
    // What is public: the session now, the current item, the attendance summary.
    expect(p!.session).toEqual({ title: '1. DMK', date: '2024-04-19', place: 'Potsdam', status: 'open' });
    expect(p!.currentItem).toMatchObject({ id: 'item-proposal', number: '5' });
    expect(p!.attendance).toEqual({ presentLands: 16, required: s.profile.quorum, quorate: true, room: 16, remote: 0 });
    expect(p!.seq).toBe(s.state.seq);
  });

  it('R-SES-4: during an open round only the turnout is public, never a running yes/no count', () => {
    const { s } = sessionWithPrivatePart();
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal', paragraph: null });
    s.cast(voteId, 'BW', 'yes');
    s.cast(voteId, 'BY', 'no');
    s.cast(voteId, 'BE', 'abstain');
    const p = publicProjection(s.state, s.profile)!;
    expect(p.vote).toMatchObject({ id: voteId, status: 'open', voted: ['BW', 'BY', 'BE'], choices: null, explanation: null });
    expect(p.vote!.electorate).toHaveLength(16);
    const bytes = JSON.stringify(p);
    for (const word of ['"yes"', '"no"', '"abstain"']) expect(bytes).not.toContain(word);
    expect(p.outcomes).toEqual([]);
  });

  it('R-SES-4: a round of the public part, once closed, shows every choice and the explanation; outcomes newest first', () => {
    const { s } = sessionWithPrivatePart();
    const first = s.voteOn('item-proposal', allYes(), { kind: 'resolution', itemId: 'item-proposal', paragraph: '1' });
    const second = s.voteOn('item-proposal', { ...allYes(LANDS.slice(0, 5)), ...Object.fromEntries(LANDS.slice(5).map((l) => [l, 'no'])) }, { kind: 'resolution', itemId: 'item-proposal', paragraph: null });
    const p = publicProjection(s.state, s.profile)!;
    expect(p.vote).toMatchObject({ id: second.voteId, status: 'closed', voted: [], item: { number: '5' } });
    expect(p.vote!.choices).toMatchObject({ BW: 'yes', TH: 'no' });
    expect(p.vote!.explanation).toMatchObject({ yes: 5, no: 11, outcome: second.explanation.outcome });
    expect(p.outcomes.map((o) => o.id)).toEqual([second.voteId, first.voteId]);
    expect(p.outcomes[1]).toMatchObject({ outcome: 'adopted', yes: 16, no: 0, abstain: 0 });
  });

  it('R-SES-4: after public → not public → public again, only the rounds after the latest switch are shown', () => {
    const { s } = sessionWithPrivatePart();
    const during = s.voteOn('item-proposal', allYes(), { kind: 'resolution', itemId: 'item-proposal', paragraph: '2' });
    setPublic(s, false);
    expect(publicProjection(s.state, s.profile)).toBeNull();
    const hidden = s.voteOn('item-proposal', allYes(), { kind: 'resolution', itemId: 'item-proposal', paragraph: '1' });
    setPublic(s, true);
    const bytes = JSON.stringify(publicProjection(s.state, s.profile));
    expect(bytes).not.toContain(hidden.voteId);
    expect(bytes).not.toContain(during.voteId);
  });

  it('the projection stays bounded: at most MAX_OUTCOMES outcomes however many rounds', () => {
    const { s } = sessionWithPrivatePart();
    for (let k = 0; k < MAX_OUTCOMES + 3; k++) s.voteOn('item-proposal', allYes(), { kind: 'resolution', itemId: 'item-proposal', paragraph: null });
    expect(publicProjection(s.state, s.profile)!.outcomes).toHaveLength(MAX_OUTCOMES);
  });

  it('speakers: the current speaker and the queue by name and Land', () => {
    const { s } = sessionWithPrivatePart();
    s.run({ type: 'requestFloor' }, member('HB'));
    s.run({ type: 'requestFloor' }, member('SN'));
    s.run({ type: 'giveFloor' }, chair);
    const p = publicProjection(s.state, s.profile)!;
    expect(p.speakers).toEqual({ current: { name: 'Mitglied HB', land: 'HB' }, queue: [{ name: 'Mitglied SN', land: 'SN' }] });
  });
});
