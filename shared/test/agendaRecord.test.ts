import { describe, expect, it } from 'vitest';
import {
  decideAgendaRecord, evolveAgendaRecord, initialAgendaRecordState, sessionDeadlines, type AgendaRecordState,
} from '../src/deadlines/index.ts';
import { initialProtocolWorkflowState } from '../src/resultsProtocol/index.ts';
import { endOfBerlinDay } from '../src/calendar/index.ts';
import { DMK_PROFILE } from '../src/profile.ts';
import type { Actor } from '../src/context.ts';
import { accepted } from './support/refusal.ts';

const office: Actor = { role: 'office', participantId: 'p-office' };
const run = (s: AgendaRecordState, type: string, now: string, actor: Actor = office) => {
  return accepted(decideAgendaRecord(s, { type }, { now, actor, newId: (p) => p, profile: DMK_PROFILE })).reduce(evolveAgendaRecord, s);
};
const SESSION = { date: '2024-04-19', kind: 'regular' as const, status: 'planned', closedAt: null };

describe('R-AGD-6: the office records when the draft agenda and the final papers went out', () => {
  it('R-AGD-6: draft agenda sent in time → met; final papers not sent after D − 3 weeks → overdue; proposals window closed → met', () => {
    const s = run(initialAgendaRecordState(), 'recordDraftAgendaSent', '2024-03-07T10:00:00+01:00');
    const d = sessionDeadlines(SESSION, s, initialProtocolWorkflowState(), DMK_PROFILE, '2024-04-01T10:00:00Z');
    expect(d.agenda.map((x) => [x.kind, x.dueDate, x.state])).toEqual([
      ['draftAgenda', '2024-03-08', 'met'], ['proposals', '2024-03-22', 'met'], ['finalPapers', '2024-03-29', 'overdue'],
    ]);
    expect(d.protocol).toBeNull();
  });

  it('R-AGD-6: sent after the due day → missed; a second record does not move the first time', () => {
    let s = run(initialAgendaRecordState(), 'recordFinalPapersSent', '2024-03-30T08:00:00+01:00');
    s = run(s, 'recordFinalPapersSent', '2024-03-31T08:00:00+02:00');
    expect(s.finalPapersAt).toBe('2024-03-30T08:00:00+01:00');
    const d = sessionDeadlines(SESSION, s, initialProtocolWorkflowState(), DMK_PROFILE, '2024-04-01T10:00:00Z');
    expect(d.agenda.find((x) => x.kind === 'finalPapers')?.state).toBe('missed');
  });

  it('R-AGD-6: only the office records; a delegate → auth.forbidden', () => {
    const r = decideAgendaRecord(initialAgendaRecordState(), { type: 'recordDraftAgendaSent' }, {
      now: '2024-03-01T00:00:00Z', actor: { role: 'delegate', participantId: 'p-BY-member' }, newId: (p) => p,
    });
    expect(r).toMatchObject({ ok: false, code: 'auth.forbidden', rule: 'R-AGD-6' });
  });

  it('R-AGD-6 / R-PRT-2: an extraordinary session has the proposal and final-paper deadlines (no draft agenda); a closed session shows the protocol draft due date', () => {
    const d = sessionDeadlines({ ...SESSION, kind: 'extraordinary', status: 'closed', closedAt: '2024-04-19T14:00:00Z' },
      initialAgendaRecordState(), initialProtocolWorkflowState(), DMK_PROFILE, '2024-05-02T10:00:00Z');
    expect(d.agenda.map((x) => [x.kind, x.dueDate])).toEqual([['proposals', '2024-03-22'], ['finalPapers', '2024-03-29']]);
    expect(d.protocol).toMatchObject({ draftDue: endOfBerlinDay('2024-05-03'), draft: 'pending', warnDraftLate: true, objectionsEnd: null });
  });

  it('R-PRT-2: the protocol period counts from the session\'s date, not from the day it was closed', () => {
    // Closed (e.g. on upgrade) two and a half years later: the draft was still due two weeks after 19 April 2024.
    const d = sessionDeadlines({ ...SESSION, status: 'closed', closedAt: '2026-12-01T10:00:00Z' },
      initialAgendaRecordState(), initialProtocolWorkflowState(), DMK_PROFILE, '2026-12-01T11:00:00Z');
    expect(d.protocol).toMatchObject({ draftDue: endOfBerlinDay('2024-05-03'), draft: 'overdue' });
  });
});

describe('R-AGD-6: a shorter period for an extraordinary session, with its reason', () => {
  const shorter = { type: 'recordShorterPeriod', proposalsDaysBefore: 7, finalPapersDaysBefore: 3, reason: 'Eilbedürftig: Gesetzentwurf im Bundesrat' };
  const extraordinary = { date: '2024-06-14', kind: 'extraordinary' as const };
  const decide = (command: unknown, session?: { date: string; kind: 'regular' | 'extraordinary' }) =>
    decideAgendaRecord(initialAgendaRecordState(), command, { now: '2024-06-01T10:00:00Z', actor: office, newId: (p) => p, profile: DMK_PROFILE, session });

  it('R-AGD-6: recorded for an extraordinary session → the deadlines move to D − 7 and D − 3 days and carry the reason', () => {
    const r = decide(shorter, extraordinary);
    if (!r.ok) throw new Error(r.code);
    const s = r.events.reduce(evolveAgendaRecord, initialAgendaRecordState());
    const d = sessionDeadlines({ ...extraordinary, status: 'planned', closedAt: null }, s, initialProtocolWorkflowState(), DMK_PROFILE, '2024-06-01T10:00:00Z');
    expect(d.agenda.map((x) => [x.kind, x.daysBefore, x.dueDate, x.shortenedReason])).toEqual([
      ['proposals', 7, '2024-06-07', shorter.reason], ['finalPapers', 3, '2024-06-11', shorter.reason],
    ]);
  });

  it('R-AGD-6: for a regular session → agenda.shorterPeriodRegular; a papers period longer than the proposals period → agenda.shorterPeriodOrder', () => {
    expect(decide(shorter, { date: '2024-06-14', kind: 'regular' })).toMatchObject({ ok: false, code: 'agenda.shorterPeriodRegular', rule: 'R-AGD-6' });
    expect(decide(shorter)).toMatchObject({ ok: false, code: 'agenda.shorterPeriodRegular' });
    expect(decide({ ...shorter, proposalsDaysBefore: 2, finalPapersDaysBefore: 3 }, extraordinary)).toMatchObject({ ok: false, code: 'agenda.shorterPeriodOrder' });
    expect(decide({ ...shorter, proposalsDaysBefore: 29 }, extraordinary)).toMatchObject({ ok: false, code: 'command.invalid' });
  });

  it('R-AGD-6: a shorter period in the record does not change a regular session\'s deadlines', () => {
    const record = { ...initialAgendaRecordState(), shorterPeriod: { proposalsDaysBefore: 7, finalPapersDaysBefore: 3, reason: 'x', at: '2024-06-01T10:00:00Z' } };
    const d = sessionDeadlines({ date: '2024-06-14', kind: 'regular', status: 'planned', closedAt: null }, record, initialProtocolWorkflowState(), DMK_PROFILE, '2024-06-01T10:00:00Z');
    expect(d.agenda.map((x) => x.daysBefore)).toEqual([42, 28, 21]);
  });
});
