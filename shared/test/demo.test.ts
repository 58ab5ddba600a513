import { describe, expect, it } from 'vitest';
import { decide, evolve, initialState, demoCommands, DEMO_ITEMS, type MeetingState } from '../src/index.ts';

describe('demo session: the 1st DMK, 19.04.2024, Potsdam', () => {
  it('every demo command is accepted by the real decider and builds the agenda from the seed', () => {
    let state: MeetingState = initialState();
    let n = 0;
    for (const command of demoCommands()) {
      const result = decide(state, command, { now: '2024-04-10T08:00:00.000Z', actor: { role: 'system', participantId: null }, newId: (p) => `${p}-${++n}` });
      if (!result.ok) throw new Error(`${command.type} refused: ${result.code} ${JSON.stringify(result.details)}`);
      for (const e of result.events) state = evolve(state, e);
    }
    // R-CHR-1: the chair is derived from the date.
    expect(state.session?.chairLands).toEqual(['BE', 'BB']);
    expect(state.agenda.map((i) => i.number)).toEqual(DEMO_ITEMS.map((i) => i.item.number));
    // Every paragraph has text, and numbering follows the seed.
    for (const item of state.agenda) {
      for (const p of item.paragraphs) expect(p.text.length).toBeGreaterThan(10);
    }
    expect(state.agenda.find((i) => i.id === 'top-6')?.paragraphs).toHaveLength(7);
    expect(state.agenda.find((i) => i.id === 'top-2b')?.paragraphs[1].text).toContain('2025: Rheinland-Pfalz');
    // 16 members + 16 permanent deputies + chair + guest + staff
    const kinds = Object.values(state.participants).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'member')).toHaveLength(16);
    expect(kinds.filter((k) => k === 'permanentDeputy')).toHaveLength(16);
  });
});
