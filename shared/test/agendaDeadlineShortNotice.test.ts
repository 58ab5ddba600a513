import { describe, expect, it } from 'vitest';
import { Scenario, chair, office, PROPOSAL, scheduledSession } from './support/scenario.ts';

/** The scenario clock stands at 2024-04-19 09:00 UTC; the session day decides where D − 4 weeks falls. */
const add = (s: Scenario, extra: Record<string, unknown> = {}) =>
  s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, number: '11' }, itemId: 'new', ...extra }, office)[0] as { shortNotice: boolean };

describe('R-AGD-6: a proposal after D − 4 weeks is a short-notice addition (R-AGD-2)', () => {
  it('R-AGD-6: session on 10 May 2024, proposal entered on 19 April (after the deadline of 12 April) → shortNotice, needs admission', () => {
    const s = scheduledSession({ date: '2024-05-10', items: false });
    expect(add(s).shortNotice).toBe(true);
    expect(s.state.agenda[0]).toMatchObject({ id: 'new', shortNotice: true, admitted: false });
  });

  it('R-AGD-6: session on 14 June 2024, proposal entered on 19 April (before the deadline of 17 May) → regular item', () => {
    const s = scheduledSession({ date: '2024-06-14', items: false });
    expect(add(s).shortNotice).toBe(false);
    expect(s.state.agenda[0].admitted).toBe(true);
  });

  it('R-AGD-6: the deadline runs to the end of D − 4 weeks in Berlin: an entry on that day is on time', () => {
    // 2024-05-17 is four weeks before 2024-06-14; the scenario clock is 2024-04-19, so state receivedAt.
    const s = scheduledSession({ date: '2024-06-14', items: false });
    expect(add(s, { receivedAt: '2024-05-17T21:59:00.000Z' }).shortNotice).toBe(false);
    const t = scheduledSession({ date: '2024-06-14', items: false });
    expect(add(t, { receivedAt: '2024-05-17T22:00:00.000Z' }).shortNotice).toBe(true);
  });

  it('R-AGD-6: entered on the session day, the stated arrival (receivedAt) decides; without it the agenda is transcribed as prepared', () => {
    const late = scheduledSession({ items: false });
    expect(add(late, { receivedAt: '2024-04-01T10:00:00.000Z' }).shortNotice).toBe(true);
    const transcribed = scheduledSession({ items: false });
    expect(add(transcribed).shortNotice).toBe(false);
  });

  it('R-AGD-6: the deadlines apply to regular sessions only: an extraordinary session takes the proposal as an item', () => {
    const s = new Scenario();
    s.run({ type: 'scheduleSession', title: 'Außerordentliche DMK', date: '2024-05-10', place: 'Berlin', kind: 'extraordinary', format: 'video' }, office);
    expect(add(s).shortNotice).toBe(false);
  });

  it('R-AGD-6: the chair adding a late proposal is judged the same way', () => {
    const s = scheduledSession({ date: '2024-05-10', items: false });
    const e = s.run({ type: 'addAgendaItem', item: PROPOSAL, itemId: 'by-chair' }, chair)[0] as { shortNotice: boolean };
    expect(e.shortNotice).toBe(true);
  });
});
