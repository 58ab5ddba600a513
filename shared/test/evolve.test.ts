import { describe, expect, it } from 'vitest';
import { evolve, evolveAll, initialState } from '../src/index.ts';
import { landCodes, openSessionWith } from './support/scenario.ts';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

describe('evolve', () => {
  it('never mutates its input (every event applied to a deep-frozen state)', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    for (const l of landCodes().slice(0, 12)) s.cast(voteId, l, 'yes');
    s.closeVote(voteId);
    let state = deepFreeze(initialState());
    for (const e of s.events) state = deepFreeze(evolve(state, e));
    expect(state).toEqual(s.state);
  });
  it('shares the branches that did not change', () => {
    const s = openSessionWith(12);
    const before = s.state;
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.cast(voteId, 'BW', 'yes');
    expect(s.state.participants).toBe(before.participants);
    expect(s.state.agenda).toBe(before.agenda);
  });
  it('evolveAll folds from a given state', () => {
    const s = openSessionWith(3);
    const half = Math.floor(s.events.length / 2);
    expect(evolveAll(s.events.slice(half), evolveAll(s.events.slice(0, half)))).toEqual(s.state);
  });
  it('evolveAll updates only objects it created itself: a frozen start state stays untouched, the result equals step-by-step evolve', () => {
    const s = openSessionWith(12);
    const start = deepFreeze(s.state);
    const more = s.fork();
    for (let round = 0; round < 3; round++) {
      const voteId = more.openVote({ kind: 'resolution', itemId: 'item-proposal' });
      for (const l of landCodes().slice(0, 12)) more.cast(voteId, l, round % 2 ? 'yes' : 'no');
      more.cast(voteId, 'BW', 'abstain');
      more.closeVote(voteId);
    }
    const tail = more.events.slice(s.events.length);
    expect(evolveAll(tail, start)).toEqual(more.state);
    const again = evolveAll(tail, start);
    expect(again.votes).not.toBe(evolveAll(tail, start).votes);
  });
});
