import { describe, expect, it } from 'vitest';
import {
  decideCircular, evolveCircular, initialCircularState, type CircularRosterEntry, type CircularState,
} from '../src/circular/index.ts';
import type { Actor, DecideContext } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import type { ChairDeviation } from '../src/chair.ts';

const LANDS = DMK_PROFILE.lands.map((l) => l.code);
const ROSTER: CircularRosterEntry[] = LANDS.map((land) => ({ participantId: `p-${land}-member`, name: `Mitglied ${land}`, land, kind: 'member' as const }));
const office: Actor = { role: 'office', participantId: 'p-office' };
const system: Actor = { role: 'system', participantId: null };
const member = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
const ctx = (now: string, actor: Actor, chairDeviations: ChairDeviation[] = []): DecideContext =>
  ({ now, actor, newId: (p) => `${p}-1`, profile: DMK_PROFILE, chairDeviations });

function apply(state: CircularState, command: unknown, c: DecideContext): CircularState {
  const r = decideCircular(state, command, c);
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.events.reduce(evolveCircular, state);
}
const start = (now: string, deviations: ChairDeviation[] = []) => apply(initialCircularState(), {
  type: 'startCircular', title: 'Eilbedürftiger Beschluss', text: 'Die DMK beschließt …', proposingLand: 'SN', roster: ROSTER,
}, ctx(now, office, deviations));

// Monday 16 June 2025; Corpus Christi is Thursday 19 June 2025, a holiday in Rheinland-Pfalz (chair 2025), not nationwide.
const MONDAY = '2025-06-16T10:00:00+02:00';
const END_RP = '2025-06-24T21:59:59.999Z'; // Tue 17, Wed 18, (Thu 19 skipped), Fri 20, Mon 23, Tue 24
const END_HH = '2025-06-23T21:59:59.999Z'; // Hamburg has no Corpus Christi: Tue 17 … Mon 23

describe('R-CIR-1: the objection period skips the holidays of the chair Land only', () => {
  it('R-CIR-1: in an RP year Corpus Christi is not a working day: the 5th working day is Tuesday 24 June', () => {
    const s = start(MONDAY);
    expect(s.chairLands).toEqual(['RP']);
    expect(s.holidayLands).toEqual(['RP']);
    expect(s.deadline).toBe(END_RP);
  });

  it('R-CHR-3 / R-CIR-1: with a deviation agreed by all giving 2025 to Hamburg, Corpus Christi counts: the period ends Monday 23 June', () => {
    const hh: ChairDeviation = { years: [2025], lands: ['HH'], decision: 'Beschluss der 2. DMK', agreedBy: LANDS };
    const s = start(MONDAY, [hh]);
    expect(s.chairLands).toEqual(['HH']);
    expect(s.deadline).toBe(END_HH);
    // Without all 16 the deviation is not in force: the rotation's RP holidays apply.
    const notAll = start(MONDAY, [{ ...hh, agreedBy: LANDS.slice(1) }]);
    expect(notAll.deadline).toBe(END_RP);
  });
});

describe('R-CIR-1 / R-CIR-2: the exact instant the period ends', () => {
  const plus1ms = new Date(Date.parse(END_RP) + 1).toISOString();

  it('R-CIR-1: an answer or an objection at the last millisecond is accepted; one millisecond later → circular.periodEnded', () => {
    const s = start(MONDAY);
    expect(decideCircular(s, { type: 'answerCircular', choice: 'yes' }, ctx(END_RP, member('BY')))).toMatchObject({ ok: true });
    expect(decideCircular(s, { type: 'objectToCircular' }, ctx(END_RP, member('BY')))).toMatchObject({ ok: true });
    expect(decideCircular(s, { type: 'answerCircular', choice: 'yes' }, ctx(plus1ms, member('BY')))).toMatchObject({ ok: false, code: 'circular.periodEnded' });
    expect(decideCircular(s, { type: 'objectToCircular' }, ctx(plus1ms, member('BY')))).toMatchObject({ ok: false, code: 'circular.periodEnded' });
  });

  it('R-CIR-2: closing at the last millisecond → circular.periodRunning; one millisecond later it closes', () => {
    const s = start(MONDAY);
    expect(decideCircular(s, { type: 'closeCircular' }, ctx(END_RP, system))).toMatchObject({ ok: false, code: 'circular.periodRunning' });
    expect(apply(s, { type: 'closeCircular' }, ctx(plus1ms, system)).status).toBe('rejected');
  });
});

describe('R-CIR-2: every result is communicated and published, whatever it is', () => {
  const yes = (s: CircularState, lands: string[]) => lands.reduce((acc, land) => apply(acc, { type: 'answerCircular', choice: 'yes' }, ctx('2025-06-17T10:00:00+02:00', member(land))), s);
  const after = '2025-06-25T08:00:00+02:00';
  const communicateAndPublish = (s: CircularState) => {
    const c = apply(s, { type: 'communicateCircularResult' }, ctx(after, office));
    return apply(c, { type: 'publishCircularResult' }, ctx(after, office));
  };

  it('R-CIR-2: adopted (11 agree) → published', () => {
    const s = apply(yes(start(MONDAY), LANDS.slice(0, 11)), { type: 'closeCircular' }, ctx(after, system));
    expect(s.status).toBe('adopted');
    expect(communicateAndPublish(s).publishedAt).toBe(after);
  });
  it('R-CIR-2: not adopted (10 agree) → published too', () => {
    const s = apply(yes(start(MONDAY), LANDS.slice(0, 10)), { type: 'closeCircular' }, ctx(after, system));
    expect(s.status).toBe('rejected');
    expect(communicateAndPublish(s).publishedAt).toBe(after);
  });
  it('R-CIR-2: ended by an objection → published too', () => {
    const s = apply(start(MONDAY), { type: 'objectToCircular', reason: 'Beratung in der Sitzung' }, ctx('2025-06-17T10:00:00+02:00', member('BY')));
    expect(s.status).toBe('objected');
    expect(communicateAndPublish(s).publishedAt).toBe(after);
  });
});
