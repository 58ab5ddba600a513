import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideCircular, evolveCircular, evolveCircularAll, initialCircularState, type CircularEvent, type CircularRosterEntry,
  type CircularState,
} from '../src/circular/index.ts';
import type { Actor, DecideContext } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';

const LANDS = DMK_PROFILE.lands.map((l) => l.code);
const ROSTER: CircularRosterEntry[] = LANDS.flatMap((land) => [
  { participantId: `p-${land}-member`, name: `Mitglied ${land}`, land, kind: 'member' as const },
  { participantId: `p-${land}-deputy`, name: `Stellvertretung ${land}`, land, kind: 'permanentDeputy' as const },
]);

let counter = 0;
const ctx = (now: string, actor: Actor): DecideContext => ({ now, actor, newId: (p) => `${p}-${++counter}`, profile: DMK_PROFILE });
const office: Actor = { role: 'office', participantId: 'p-office' };
const system: Actor = { role: 'system', participantId: null };
const member = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
const deputy = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-deputy` });

// Wed 27 Mar 2024, chair BE+BB: deadline is the end of Fri 5 Apr (Good Friday, Easter Monday skipped).
const START = '2024-03-27T10:00:00+01:00';
const DURING = '2024-04-05T21:00:00Z';
const AFTER = '2024-04-05T22:00:00Z';

/** given(events).when(command, ctx) → applied, or the refusal. */
function run(state: CircularState, command: unknown, c: DecideContext): { state: CircularState; events: CircularEvent[] } {
  const result = decideCircular(state, command, c);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return { state: result.events.reduce(evolveCircular, state), events: result.events };
}
function started(): CircularState {
  return run(initialCircularState(), {
    type: 'startCircular', procedureId: 'circ-1', title: 'Eilbedürftiger Beschluss', text: 'Die DMK beschließt …',
    proposingLand: 'SN', roster: ROSTER,
  }, ctx(START, office)).state;
}
function answered(state: CircularState, lands: string[], choice: 'yes' | 'no' | 'abstain', at = '2024-04-02T10:00:00+02:00') {
  return lands.reduce((s, land) => run(s, { type: 'answerCircular', choice }, ctx(at, member(land))).state, state);
}

describe('circular procedure (R-CIR-1..3)', () => {
  it('R-CIR-1: the office starts it; the objection deadline is the end of the 5th working day (chair BE+BB holidays)', () => {
    const s = started();
    expect(s.status).toBe('running');
    expect(s.chairLands).toEqual(['BE', 'BB']);
    expect(s.deadline).toBe('2024-04-05T21:59:59.999Z');
    expect(s.agreementsNeeded).toBe(11);
  });

  it('R-CIR-1: a delegate cannot start a circular procedure', () => {
    const r = decideCircular(initialCircularState(), {
      type: 'startCircular', title: 'x', text: 'y', proposingLand: 'SN', roster: ROSTER,
    }, ctx(START, member('SN')));
    expect(r).toMatchObject({ ok: false, code: 'auth.forbidden' });
  });

  it('R-CIR-1: a start in a year before the rotation (2023) needs the chair Land given', () => {
    const r = decideCircular(initialCircularState(), {
      type: 'startCircular', title: 'x', text: 'y', proposingLand: 'SN', roster: ROSTER,
    }, ctx('2023-03-01T10:00:00Z', office));
    expect(r).toMatchObject({ ok: false, code: 'circular.chairUnknown' });
    const withChair = decideCircular(initialCircularState(), {
      type: 'startCircular', title: 'x', text: 'y', proposingLand: 'SN', roster: ROSTER, chairLands: ['HH'],
    }, ctx('2023-03-01T10:00:00Z', office));
    expect(withChair.ok).toBe(true);
  });

  it('R-CIR-2: 11 Länder agree, no objection, deadline passed → adopted; consensus when every answering Land agreed', () => {
    let s = answered(started(), LANDS.slice(0, 11), 'yes');
    const early = decideCircular(s, { type: 'closeCircular' }, ctx(DURING, system));
    expect(early).toMatchObject({ ok: false, code: 'circular.periodRunning' });
    s = run(s, { type: 'closeCircular' }, ctx(AFTER, system)).state;
    expect(s.status).toBe('adopted');
    expect(s.explanation).toMatchObject({ rule: 'R-CIR-2', agreements: 11, needed: 11, answered: 11, notAnswered: 5, consensus: true, outcome: 'adopted' });
  });

  it('R-CIR-2: 10 Länder agree → not adopted', () => {
    const s = run(answered(started(), LANDS.slice(0, 10), 'yes'), { type: 'closeCircular' }, ctx(AFTER, system)).state;
    expect(s.status).toBe('rejected');
    expect(s.explanation).toMatchObject({ agreements: 10, outcome: 'rejected' });
  });

  it('R-CIR-2: 12 yes and 2 no → adopted without consensus', () => {
    let s = answered(started(), LANDS.slice(0, 12), 'yes');
    s = answered(s, LANDS.slice(12, 14), 'no');
    s = run(s, { type: 'closeCircular' }, ctx(AFTER, system)).state;
    expect(s.explanation).toMatchObject({ agreements: 12, no: 2, consensus: false, outcome: 'adopted' });
  });

  it('R-CIR-1: an objection by a permanent deputy within the period ends the procedure; it goes to a session', () => {
    let s = answered(started(), LANDS.slice(0, 12), 'yes');
    s = run(s, { type: 'objectToCircular', reason: 'Beratung in der Sitzung' }, ctx(DURING, deputy('HE'))).state;
    expect(s.status).toBe('objected');
    expect(s.goesToSession).toBe(true);
    expect(s.objection).toMatchObject({ land: 'HE', participantId: 'p-HE-deputy' });
    expect(decideCircular(s, { type: 'answerCircular', choice: 'yes' }, ctx(DURING, member('TH')))).toMatchObject({ code: 'circular.ended' });
    expect(decideCircular(s, { type: 'closeCircular' }, ctx(AFTER, system))).toMatchObject({ code: 'circular.ended' });
  });

  it('R-CIR-1: answers and objections after the deadline are refused', () => {
    const s = started();
    expect(decideCircular(s, { type: 'answerCircular', choice: 'yes' }, ctx(AFTER, member('BY')))).toMatchObject({ ok: false, code: 'circular.periodEnded' });
    expect(decideCircular(s, { type: 'objectToCircular' }, ctx(AFTER, member('BY')))).toMatchObject({ ok: false, code: 'circular.periodEnded' });
  });

  it('R-CIR-1: a temporary deputy (not on the chair-period roster) can neither answer nor object', () => {
    const s = started();
    const temp: Actor = { role: 'delegate', participantId: 'p-BY-temp' };
    expect(decideCircular(s, { type: 'answerCircular', choice: 'yes' }, ctx(DURING, temp))).toMatchObject({ ok: false, code: 'circular.notMemberOrPermanentDeputy' });
    expect(decideCircular(s, { type: 'objectToCircular' }, ctx(DURING, temp))).toMatchObject({ ok: false, code: 'circular.notMemberOrPermanentDeputy' });
  });

  it('R-CIR-1: a member answers only for their own Land', () => {
    const r = decideCircular(started(), { type: 'answerCircular', choice: 'yes', land: 'NW' }, ctx(DURING, member('BY')));
    expect(r).toMatchObject({ ok: false, code: 'circular.notMemberOrPermanentDeputy' });
  });

  it('R-CIR-3: a protocol declaration given with an answer is recorded', () => {
    const s = run(started(), { type: 'answerCircular', choice: 'yes', declaration: 'Bayern bittet um Prüfung der Kosten.' }, ctx(DURING, deputy('BY'))).state;
    expect(s.declarations).toEqual([expect.objectContaining({ land: 'BY', participantId: 'p-BY-deputy', text: 'Bayern bittet um Prüfung der Kosten.' })]);
  });

  it('R-MEM-2: one answer per Land; the last answer counts and the history keeps who changed it', () => {
    let s = run(started(), { type: 'answerCircular', choice: 'no' }, ctx(DURING, member('BW'))).state;
    s = run(s, { type: 'answerCircular', choice: 'yes' }, ctx(DURING, deputy('BW'))).state;
    expect(s.answers.BW.choice).toBe('yes');
    expect(s.answers.BW.history.map((h) => h.participantId)).toEqual(['p-BW-member', 'p-BW-deputy']);
  });

  it('R-CIR-2: the result is communicated to all 16 Länder, then published (office)', () => {
    let s = run(answered(started(), LANDS.slice(0, 11), 'yes'), { type: 'closeCircular' }, ctx(AFTER, system)).state;
    expect(decideCircular(s, { type: 'publishCircularResult' }, ctx(AFTER, office))).toMatchObject({ code: 'circular.notCommunicated' });
    s = run(s, { type: 'communicateCircularResult' }, ctx(AFTER, office)).state;
    expect(s.recipients).toHaveLength(16);
    s = run(s, { type: 'publishCircularResult' }, ctx(AFTER, office)).state;
    expect(s.publishedAt).toBe(AFTER);
    expect(decideCircular(s, { type: 'publishCircularResult' }, ctx(AFTER, office))).toMatchObject({ code: 'circular.alreadyPublished' });
  });

  it('refuses unknown commands and invalid fields with codes, and never throws on junk', () => {
    expect(decideCircular(started(), { type: 'nope' }, ctx(DURING, office))).toMatchObject({ code: 'command.unknown' });
    expect(decideCircular(started(), { type: 'answerCircular', choice: 'maybe' }, ctx(DURING, member('BY')))).toMatchObject({ code: 'command.invalid' });
    fc.assert(fc.property(fc.anything(), (junk) => {
      const r = decideCircular(started(), junk, ctx(DURING, office));
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 200 });
  });

  it('R-CIR-2: property — adopted exactly when agreements ≥ 11 and no objection; consensus exactly when all answers are yes', () => {
    const choiceArb = fc.constantFrom('yes', 'no', 'abstain', null);
    fc.assert(fc.property(fc.array(choiceArb, { minLength: 16, maxLength: 16 }), fc.boolean(), (choices, objects) => {
      let s = started();
      choices.forEach((choice, i) => { if (choice) s = answered(s, [LANDS[i]], choice); });
      if (objects) s = run(s, { type: 'objectToCircular' }, ctx(DURING, member('HH'))).state;
      const closed = decideCircular(s, { type: 'closeCircular' }, ctx(AFTER, system));
      const yes = choices.filter((c) => c === 'yes').length;
      const answeredCount = choices.filter((c) => c !== null).length;
      if (objects) { expect(closed).toMatchObject({ code: 'circular.ended' }); return; }
      if (!closed.ok) throw new Error(closed.code);
      const final = evolveCircularAll([...eventsOf(s), ...closed.events]);
      expect(final.status).toBe(yes >= 11 ? 'adopted' : 'rejected');
      expect(final.explanation?.consensus).toBe(answeredCount > 0 && yes === answeredCount);
    }), { numRuns: 200 });
  });
});

/** Rebuild the event list for a state (for the fold check): replay via the decider. */
function eventsOf(s: CircularState): CircularEvent[] {
  const events: CircularEvent[] = [];
  let st = initialCircularState();
  const push = (cmd: unknown, c: DecideContext) => { const r = run(st, cmd, c); st = r.state; events.push(...r.events); };
  push({ type: 'startCircular', procedureId: s.procedureId, title: s.title, text: s.text, proposingLand: s.proposingLand, roster: s.roster }, ctx(START, office));
  for (const [land, answer] of Object.entries(s.answers)) push({ type: 'answerCircular', choice: answer.choice }, ctx(answer.at, member(land)));
  return events;
}
