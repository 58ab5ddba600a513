import { describe, expect, it } from 'vitest';
import { bgb193, endOfBerlinDay } from '../src/calendar/index.ts';
import { protocolDeadlines, protocolHolidayLands } from '../src/deadlines/index.ts';
import { decideProtocolWorkflow, initialProtocolWorkflowState, type ProtocolWorkflowEvent } from '../src/resultsProtocol/index.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import { accepted } from './support/refusal.ts';

const office = { role: 'office' as const, participantId: 'p-office' };
const send = (sessionDay: string, now: string, chairLands?: string[]) => {
  const r = decideProtocolWorkflow(initialProtocolWorkflowState(), { type: 'sendProtocolDraft', meetingId: 'm', sessionDay, chairLands }, {
    now, actor: office, newId: (p) => `${p}-1`, profile: DMK_PROFILE, roster: [],
  });
  return accepted(r)[0] as Extract<ProtocolWorkflowEvent, { type: 'ProtocolDraftSent' }>;
};

describe('§ 193 BGB for the protocol periods (R-PRT-2)', () => {
  it('R-PRT-2: an objection period ending on a Saturday ends at the end of the following Monday', () => {
    // Sent Saturday 11 May 2024 → two weeks → Saturday 25 May → Monday 27 May.
    const p = protocolDeadlines({ date: '2024-04-19' }, '2024-05-11T10:00:00+02:00', DMK_PROFILE, '2024-05-26T10:00:00Z');
    expect(p.objectionsEnd).toBe(endOfBerlinDay('2024-05-27'));
    expect(p.objectionsOpen).toBe(true);
  });

  it('R-PRT-2: a period ending on a nationwide holiday (Whit Monday 20 May 2024) ends on the next working day', () => {
    const e = send('2024-04-19', '2024-05-06T09:00:00+02:00');
    expect(e.objectionsEnd).toBe(endOfBerlinDay('2024-05-21'));
  });

  it('R-PRT-2: a holiday of the chair Land counts (Corpus Christi 2025 in Rheinland-Pfalz), one elsewhere does not', () => {
    // 2025: chair Land RP. Session Thu 5 June 2025 → draft due Thu 19 June = Fronleichnam in RP → Fri 20 June.
    expect(protocolHolidayLands('2025-06-05', DMK_PROFILE)).toContain('RP');
    expect(send('2025-06-05', '2025-06-06T09:00:00+02:00').draftDue).toBe(endOfBerlinDay('2025-06-20'));
    // 2024: chair BE/BB, where Corpus Christi (30 May 2024) is a working day: session 16 May → due 30 May.
    expect(send('2024-05-16', '2024-05-17T09:00:00+02:00').draftDue).toBe(endOfBerlinDay('2024-05-30'));
  });

  it('R-CHR-3 / R-PRT-2: the chair in force on the session date, a deviation included, gives the holidays', () => {
    // 2025 with Hamburg in the chair by a recorded deviation: Corpus Christi (19 June) is a working day in Hamburg.
    expect(send('2025-06-05', '2025-06-06T09:00:00+02:00', ['HH']).draftDue).toBe(endOfBerlinDay('2025-06-19'));
    const all = DMK_PROFILE.lands.map((l) => l.code);
    expect(protocolHolidayLands('2025-06-05', DMK_PROFILE, null, [{ years: [2025], lands: ['HH'], decision: 'x', agreedBy: all }])).toEqual(['HH']);
  });

  it('R-PRT-2: a draft sent on the Monday after a due date that fell on a Sunday is in time', () => {
    // Session Sunday 2 June 2024 (rare, but possible) → due Sunday 16 June → Monday 17 June.
    const e = send('2024-06-02', '2024-06-17T15:00:00+02:00');
    expect(e.draftDue).toBe(endOfBerlinDay('2024-06-17'));
    expect(e.late).toBe(false);
  });

  it('§ 193 BGB: a working day stays; Saturday → Monday; Christmas Eve Tuesday 2024 is a working day, 25/26 Dec are not', () => {
    expect(bgb193('2024-05-14', [])).toBe('2024-05-14');
    expect(bgb193('2024-05-25', [])).toBe('2024-05-27');
    expect(bgb193('2024-12-25', [])).toBe('2024-12-27');
  });
});
