import { describe, expect, it } from 'vitest';
import { chair, landCodes, office, scheduledSession, system } from './support/scenario.ts';

const MOVE = { type: 'recordReschedule', date: '2025-03-14', place: 'Hamburg', format: 'video', chairLands: ['HB'], chairDecision: null, reason: 'Terminkollision' };

describe('R-SES-1: the conference moves or cancels a session before it opens; its own log records it', () => {
  it('R-SES-1 / R-CHR-1: moved: date, place, format, chair and chair period follow; the move is kept with its reason and what it was before', () => {
    const s = scheduledSession();
    const before = s.state.session!;
    s.run(MOVE, system);
    expect(s.events.at(-1)).toMatchObject({ type: 'SessionRescheduled', reason: 'Terminkollision', from: { date: before.date, place: before.place, format: before.format } });
    expect(s.state.session).toMatchObject({ date: '2025-03-14', place: 'Hamburg', format: 'video', chairLands: ['HB'], chairPeriod: 2025, chairDeviation: null, status: 'planned' });
    expect(s.state.session!.rescheduled).toEqual([{ at: s.events.at(-1)!.at, reason: 'Terminkollision', from: { date: before.date, place: before.place, format: before.format } }]);
    // A chair decision of the conference (R-CHR-3) is carried as the session's deviation.
    s.run({ ...MOVE, date: '2026-03-13', chairLands: ['HH'], chairDecision: 'Beschluss der DMK vom 1.1.2025' }, system);
    expect(s.state.session).toMatchObject({ chairLands: ['HH'], chairDeviation: { lands: ['HH'], decision: 'Beschluss der DMK vom 1.1.2025' } });
  });

  it('R-SES-1: only the server records it (the office changes sessions in the conference) → auth.forbidden', () => {
    const s = scheduledSession();
    s.refuse(MOVE, office, 'auth.forbidden');
    s.refuse({ type: 'recordCancellation', reason: 'x' }, chair, 'auth.forbidden');
  });

  it('R-SES-1: cancelled: it cannot be opened, moved or prepared any more → session.cancelled with the reason', () => {
    const s = scheduledSession();
    s.run({ type: 'recordCancellation', reason: 'Anlass entfallen' }, system);
    expect(s.state.session!.cancelled).toEqual({ at: s.events.at(-1)!.at, reason: 'Anlass entfallen' });
    s.refuse({ type: 'openSession' }, chair, 'session.cancelled', 'R-SES-1');
    s.refuse(MOVE, system, 'session.cancelled', 'R-SES-1');
    s.refuse({ type: 'recordCancellation', reason: 'noch einmal' }, system, 'session.cancelled', 'R-SES-1');
  });

  it('R-SES-1: once open it is no longer moved or cancelled → session.alreadyOpen', () => {
    const s = scheduledSession();
    s.checkInLands(landCodes().slice(0, 11));
    s.openSession();
    s.refuse(MOVE, system, 'session.alreadyOpen');
    s.refuse({ type: 'recordCancellation', reason: 'zu spät' }, system, 'session.alreadyOpen');
  });
});
