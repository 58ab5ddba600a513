import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agendaDeadlines, isShortNoticeProposal, protocolDeadlines } from '../src/deadlines/index.ts';
import { DMK_PROFILE } from '../src/profile.ts';

// The 1st DMK: Friday 19 April 2024.
const D = '2024-04-19';

describe('session deadlines (R-AGD-6)', () => {
  it('R-AGD-6: draft agenda by D − 6 weeks, proposals by D − 4 weeks, final papers by D − 3 weeks (end of day, Berlin)', () => {
    const list = agendaDeadlines(D, DMK_PROFILE, {}, '2024-02-01T10:00:00Z');
    expect(list.map((d) => [d.kind, d.dueDate, d.due])).toEqual([
      ['draftAgenda', '2024-03-08', '2024-03-08T22:59:59.999Z'],
      ['proposals', '2024-03-22', '2024-03-22T22:59:59.999Z'],
      ['finalPapers', '2024-03-29', '2024-03-29T22:59:59.999Z'],
    ]);
    expect(list.every((d) => d.state === 'pending')).toBe(true);
  });

  it('R-AGD-6: met when done by the end of the due day, missed after, overdue when not done in time', () => {
    const list = agendaDeadlines(D, DMK_PROFILE, {
      draftAgenda: '2024-03-08T23:30:00+01:00', finalPapers: '2024-03-30T08:00:00+01:00',
    }, '2024-04-01T10:00:00Z');
    expect(list.find((d) => d.kind === 'draftAgenda')?.state).toBe('met');
    expect(list.find((d) => d.kind === 'finalPapers')?.state).toBe('missed');
    const none = agendaDeadlines(D, DMK_PROFILE, {}, '2024-03-09T00:00:00+01:00');
    expect(none.find((d) => d.kind === 'draftAgenda')?.state).toBe('overdue');
  });

  it('R-AGD-6 → R-AGD-2: a proposal after D − 4 weeks is a short-notice addition', () => {
    expect(isShortNoticeProposal(D, '2024-03-22T23:59:00+01:00', DMK_PROFILE)).toBe(false);
    expect(isShortNoticeProposal(D, '2024-03-23T00:00:01+01:00', DMK_PROFILE)).toBe(true);
  });

  it('R-AGD-6: property — the three due dates fall on the session weekday, 42, 28 and 21 days before D, in order', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2040, 11, 31) }), (t) => {
      const date = new Date(t).toISOString().slice(0, 10);
      const [draft, proposals, finals] = agendaDeadlines(date, DMK_PROFILE, {}, '2000-01-01T00:00:00Z');
      const days = (x: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${x}T00:00:00Z`)) / 86_400_000);
      expect([days(draft.dueDate), days(proposals.dueDate), days(finals.dueDate)]).toEqual([42, 28, 21]);
      expect(Date.parse(draft.due)).toBeLessThan(Date.parse(proposals.due));
      expect(Date.parse(proposals.due)).toBeLessThan(Date.parse(finals.due));
    }), { numRuns: 300 });
  });
});

describe('session deadlines of an extraordinary session (R-AGD-6)', () => {
  it('R-AGD-6: no draft-agenda deadline; proposals by D − 4 weeks and final papers by D − 3 weeks apply', () => {
    const list = agendaDeadlines(D, DMK_PROFILE, {}, '2024-02-01T10:00:00Z', 'extraordinary');
    expect(list.map((d) => [d.kind, d.dueDate, d.shortenedReason])).toEqual([
      ['proposals', '2024-03-22', null], ['finalPapers', '2024-03-29', null],
    ]);
  });
  it('R-AGD-6 → R-AGD-2: after the shorter proposal period recorded for an extraordinary session, a proposal is short-notice', () => {
    const shorter = { proposalsDaysBefore: 5, finalPapersDaysBefore: 2, reason: 'Eilbedürftig' };
    // D − 5 days = Sunday 14 April 2024, end of day in Berlin (CEST).
    expect(isShortNoticeProposal(D, '2024-04-14T23:59:00+02:00', DMK_PROFILE, 'extraordinary', shorter)).toBe(false);
    expect(isShortNoticeProposal(D, '2024-04-15T00:00:01+02:00', DMK_PROFILE, 'extraordinary', shorter)).toBe(true);
    // A regular session ignores it: D − 4 weeks.
    expect(isShortNoticeProposal(D, '2024-04-14T23:59:00+02:00', DMK_PROFILE, 'regular', shorter)).toBe(true);
  });
});

describe('protocol deadlines (R-PRT-2)', () => {
  it('R-PRT-2: the draft is due by the end of the day two weeks after the session', () => {
    const p = protocolDeadlines({ date: D }, null, DMK_PROFILE, '2024-04-22T10:00:00Z');
    expect(p.draftDue).toBe('2024-05-03T21:59:59.999Z');
    expect(p.draft).toBe('pending');
    expect(p.warnDraftLate).toBe(false);
  });

  it('R-PRT-2: the office is warned three days before the due time and when it is late', () => {
    expect(protocolDeadlines({ date: D }, null, DMK_PROFILE, '2024-05-01T10:00:00Z').warnDraftLate).toBe(true);
    const late = protocolDeadlines({ date: D }, null, DMK_PROFILE, '2024-05-04T10:00:00Z');
    expect(late.draft).toBe('overdue');
    expect(late.warnDraftLate).toBe(true);
    const sentLate = protocolDeadlines({ date: D }, '2024-05-06T09:00:00+02:00', DMK_PROFILE, '2024-05-06T10:00:00Z');
    expect(sentLate.draft).toBe('missed');
  });

  it('R-PRT-2: objections run two weeks from sending', () => {
    const p = protocolDeadlines({ date: D }, '2024-04-30T09:00:00+02:00', DMK_PROFILE, '2024-05-10T10:00:00Z');
    expect(p.draft).toBe('met');
    expect(p.objectionsEnd).toBe('2024-05-14T21:59:59.999Z');
    expect(p.objectionsOpen).toBe(true);
    expect(protocolDeadlines({ date: D }, '2024-04-30T09:00:00+02:00', DMK_PROFILE, '2024-05-14T22:00:00Z').objectionsOpen).toBe(false);
  });
});
