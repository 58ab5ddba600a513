import { describe, expect, it } from 'vitest';
import {
  DMK_PROFILE, conferenceOverview, decideConference, draftAgendaFor, enterableSessions, evolveConference, initialConferenceState, landingSession,
  type PersonSession, conferenceArchive, searchArchive,
  type ConferenceContext, type ConferenceState, type Actor,
} from '../src/index.ts';

const ALL = DMK_PROFILE.lands.map((l) => l.code);
const office: Actor = { role: 'office', participantId: 'p-office' };
const system: Actor = { role: 'system', participantId: null };
let n = 0;
const ctx = (actor: Actor = office, extra: Partial<ConferenceContext> = {}): ConferenceContext =>
  ({ now: '2026-12-01T10:00:00Z', actor, newId: (p) => `${p}-${++n}`, profile: DMK_PROFILE, ...extra });

function apply(s: ConferenceState, command: unknown, c: ConferenceContext = ctx()): ConferenceState {
  const r = decideConference(s, command, c);
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.events.reduce(evolveConference, s);
}
const regular = (sessionId: string, date: string, extra: Record<string, unknown> = {}) => ({
  type: 'createSession', sessionId, kind: 'regular', title: 'Ordentliche Sitzung', date, startTime: '10:00', place: 'Wiesbaden', format: 'room', ...extra,
});

describe('R-SES-1 / R-CHR-1: the office creates sessions; the chair comes from the date', () => {
  it('R-CHR-1: a regular session on 23 April 2027 is chaired by Hessen; its three R-AGD-6 deadlines follow from the date', () => {
    const s = apply(initialConferenceState(), regular('dmk-2027-1', '2027-04-23'));
    expect(s.sessions['dmk-2027-1']).toMatchObject({ chairLands: ['HE'], chairDecision: null, status: 'planned', startTime: '10:00', format: 'room' });
    const [o] = conferenceOverview(s, DMK_PROFILE, '2026-12-01T10:00:00Z');
    expect(o.phase).toBe('upcoming');
    expect(o.deadlines.map((d) => [d.kind, d.dueDate, d.state])).toEqual([
      ['draftAgenda', '2027-03-12', 'pending'], ['proposals', '2027-03-26', 'pending'], ['finalPapers', '2027-04-02', 'pending'],
    ]);
  });

  it('R-AGD-5: a regular session\'s draft agenda starts with both standing items (the Bund rapporteur of its own report); an extraordinary one has none', () => {
    const items = draftAgendaFor({ kind: 'regular', chairLands: ['HE'] });
    expect(items.map((i) => [i.standing, i.kind, i.rapporteurs])).toEqual([['landsExchange', 'report', ['HE']], ['bundReport', 'report', ['BUND']]]);
    expect(draftAgendaFor({ kind: 'extraordinary', chairLands: ['HE'] })).toEqual([]);
  });

  it('R-SES-2: every format of the GO: room, telephone, video, web conference, hybrid; another → command.invalid', () => {
    let s = initialConferenceState();
    for (const [i, format] of ['room', 'telephone', 'video', 'web', 'hybrid'].entries()) s = apply(s, regular(`s-${i}`, '2027-05-0' + (i + 1), { format }));
    expect(Object.values(s.sessions).map((x) => x.format)).toEqual(['room', 'telephone', 'video', 'web', 'hybrid']);
    expect(decideConference(s, regular('s-x', '2027-06-01', { format: 'fax' }), ctx())).toMatchObject({ ok: false, code: 'command.invalid' });
  });

  it('R-CHR-2: only the office creates sessions; a delegate → auth.forbidden; an existing id → conference.sessionExists; a year without a chair → roster.chairPeriod', () => {
    expect(decideConference(initialConferenceState(), regular('a', '2027-04-23'), ctx({ role: 'delegate', participantId: 'p-BY-member' })))
      .toMatchObject({ ok: false, code: 'auth.forbidden' });
    const s = apply(initialConferenceState(), regular('a', '2027-04-23'));
    expect(decideConference(s, regular('a', '2027-05-23'), ctx())).toMatchObject({ ok: false, code: 'conference.sessionExists' });
    expect(decideConference(s, regular('b', '2023-05-23'), ctx())).toMatchObject({ ok: false, code: 'roster.chairPeriod', rule: 'R-CHR-1' });
  });
});

describe('R-SES-1: extraordinary sessions on the chair\'s proposal or from a request that reached 11', () => {
  const extraordinary = (sessionId: string, basis: string, requestId?: string) => ({
    type: 'createSession', sessionId, kind: 'extraordinary', basis, ...(requestId ? { requestId } : {}), title: 'Außerordentliche Sitzung',
    date: '2027-02-10', startTime: '14:00', place: 'Videokonferenz', format: 'video',
  });

  it('R-SES-1: on the chair\'s proposal; its R-AGD-6 deadlines are the proposal and final-paper ones only', () => {
    const s = apply(initialConferenceState(), extraordinary('x1', 'chairProposal'));
    expect(s.sessions.x1).toMatchObject({ kind: 'extraordinary', basis: 'chairProposal', requestId: null, chairLands: ['HE'] });
    expect(conferenceOverview(s, DMK_PROFILE, '2026-12-01T10:00:00Z')[0].deadlines.map((d) => d.kind)).toEqual(['proposals', 'finalPapers']);
  });

  it('R-SES-1: from a request: only one that reached 11, linked to it, and only once', () => {
    expect(decideConference(initialConferenceState(), extraordinary('x2', 'request', 'xreq-1'), ctx(office, { reachedRequests: [] })))
      .toMatchObject({ ok: false, code: 'conference.requestNotReached', rule: 'R-SES-1' });
    const s = apply(initialConferenceState(), extraordinary('x2', 'request', 'xreq-1'), ctx(office, { reachedRequests: ['xreq-1'] }));
    expect(s.sessions.x2).toMatchObject({ basis: 'request', requestId: 'xreq-1' });
    expect(decideConference(s, extraordinary('x3', 'request', 'xreq-1'), ctx(office, { reachedRequests: ['xreq-1'] })))
      .toMatchObject({ ok: false, code: 'conference.requestLinked', details: { sessionId: 'x2' } });
  });

  it('R-SES-1: an extraordinary session without a basis, or a regular one with a request → conference.basisInvalid', () => {
    expect(decideConference(initialConferenceState(), extraordinary('x4', 'schedule'), ctx())).toMatchObject({ ok: false, code: 'conference.basisInvalid' });
    expect(decideConference(initialConferenceState(), extraordinary('x5', 'request'), ctx())).toMatchObject({ ok: false, code: 'conference.basisInvalid' });
    expect(decideConference(initialConferenceState(), regular('r', '2027-04-23', { requestId: 'xreq-1' }), ctx())).toMatchObject({ ok: false, code: 'conference.basisInvalid' });
  });
});

describe('R-CHR-3: deviations recorded in the conference give the chair of new sessions', () => {
  it('R-CHR-3: refused without all 16 (the missing Länder named); recorded with all, it gives 2027 to Niedersachsen and 2028 stays Mecklenburg-Vorpommern', () => {
    const deviation = { type: 'recordChairDeviation', years: [2027], lands: ['NI'], decision: 'Beschluss der 5. DMK, TOP 3' };
    expect(decideConference(initialConferenceState(), { ...deviation, agreedBy: ALL.filter((l) => l !== 'SL' && l !== 'TH') }, ctx()))
      .toMatchObject({ ok: false, code: 'chair.deviationNotAgreed', rule: 'R-CHR-3', details: { missing: 'SL, TH' } });
    let s = apply(initialConferenceState(), { ...deviation, agreedBy: ALL });
    s = apply(s, regular('a', '2027-04-23'));
    s = apply(s, regular('b', '2028-04-21'));
    expect(s.sessions.a).toMatchObject({ chairLands: ['NI'], chairDecision: 'Beschluss der 5. DMK, TOP 3' });
    expect(s.sessions.b).toMatchObject({ chairLands: ['MV'], chairDecision: null });
  });
});

describe('rescheduling, cancelling and carrying items over, before a session opens', () => {
  it('rescheduled into the next year: the chair follows the new date and the reason is recorded with the earlier date', () => {
    let s = apply(initialConferenceState(), regular('a', '2027-12-10'));
    s = apply(s, { type: 'rescheduleSession', sessionId: 'a', date: '2028-01-14', reason: 'Landtagswahl im Vorsitzland' });
    expect(s.sessions.a).toMatchObject({ date: '2028-01-14', chairLands: ['MV'] });
    expect(s.sessions.a.changes).toMatchObject([{ kind: 'rescheduled', reason: 'Landtagswahl im Vorsitzland', from: { date: '2027-12-10' } }]);
  });

  it('cancelled with its reason; once open it can be neither rescheduled nor cancelled → conference.notPlanned', () => {
    let s = apply(initialConferenceState(), regular('a', '2027-04-23'));
    s = apply(s, regular('b', '2027-11-12'));
    s = apply(s, { type: 'cancelSession', sessionId: 'b', reason: 'Keine Beratungsgegenstände' });
    expect(s.sessions.b).toMatchObject({ status: 'cancelled', changes: [{ kind: 'cancelled', reason: 'Keine Beratungsgegenstände' }] });
    expect(conferenceOverview(s, DMK_PROFILE, '2026-12-01T10:00:00Z').map((x) => x.phase)).toEqual(['upcoming', 'cancelled']);
    expect(decideConference(s, { type: 'recordSessionOpened', sessionId: 'a' }, ctx(office))).toMatchObject({ ok: false, code: 'auth.forbidden' });
    s = apply(s, { type: 'recordSessionOpened', sessionId: 'a' }, ctx(system));
    expect(conferenceOverview(s, DMK_PROFILE, '2027-04-23T10:00:00Z')[0].phase).toBe('live');
    expect(decideConference(s, { type: 'cancelSession', sessionId: 'a', reason: 'x' }, ctx())).toMatchObject({ ok: false, code: 'conference.notPlanned' });
    expect(decideConference(s, { type: 'rescheduleSession', sessionId: 'a', date: '2027-05-01', reason: 'x' }, ctx())).toMatchObject({ ok: false, code: 'conference.notPlanned' });
  });

  it('an item not dealt with is carried to a later planned session, once; a dealt-with item or an earlier target is refused', () => {
    let s = apply(initialConferenceState(), regular('a', '2027-04-23'));
    s = apply(s, regular('b', '2027-11-12'));
    s = apply(s, { type: 'recordSessionClosed', sessionId: 'a' }, ctx(system));
    const open = ctx(office, { itemsNotDealtWith: { a: ['top-7'] } });
    s = apply(s, { type: 'carryOverItem', fromSessionId: 'a', itemId: 'top-7', toSessionId: 'b' }, open);
    expect(s.sessions.b.carriedIn).toMatchObject([{ fromSessionId: 'a', itemId: 'top-7' }]);
    expect(decideConference(s, { type: 'carryOverItem', fromSessionId: 'a', itemId: 'top-7', toSessionId: 'b' }, open)).toEqual({ ok: true, events: [] });
    expect(decideConference(s, { type: 'carryOverItem', fromSessionId: 'a', itemId: 'top-5', toSessionId: 'b' }, open)).toMatchObject({ ok: false, code: 'conference.itemNotCarryable' });
    s = apply(s, regular('c', '2027-03-01'));
    expect(decideConference(s, { type: 'carryOverItem', fromSessionId: 'a', itemId: 'top-7', toSessionId: 'c' }, open)).toMatchObject({ ok: false, code: 'conference.carryTargetNotLater' });
  });
});

describe('a person\'s conference invitation lands on the live or next session', () => {
  const s = (id: string, date: string, status: PersonSession['status'], startTime = '10:00'): PersonSession => ({ id, title: id, date, startTime, place: 'P', status });
  it('the live session first; else the earliest planned one (a planned session whose day passed is still the next to hold); else the latest past one', () => {
    expect(landingSession([s('a', '2024-04-19', 'closed'), s('b', '2027-02-05', 'open'), s('c', '2027-06-04', 'planned')])?.id).toBe('b');
    expect(landingSession([s('a', '2024-04-19', 'planned'), s('c', '2027-06-04', 'planned')])?.id).toBe('a');
    expect(landingSession([s('a', '2024-04-19', 'closed'), s('c', '2027-06-04', 'planned'), s('d', '2027-11-04', 'planned')])?.id).toBe('c');
    expect(landingSession([s('a', '2024-04-19', 'closed'), s('b', '2025-04-19', 'closed')])?.id).toBe('b');
    expect(landingSession([])).toBeNull();
  });
  it('R-SES-1: enterable sessions: cancelled ones too (they say why), in date and start-time order; a link never lands on a cancelled one', () => {
    const conference = initialConferenceState();
    const base = { kind: 'regular' as const, basis: 'schedule' as const, requestId: null, place: 'P', format: 'room' as const, chairLands: ['BE'], chairDecision: null, createdAt: '', changes: [], carriedIn: [] };
    conference.sessions = {
      late: { ...base, id: 'late', title: 'L', date: '2027-06-04', startTime: '14:00', status: 'planned' },
      early: { ...base, id: 'early', title: 'E', date: '2027-06-04', startTime: '09:00', status: 'planned' },
      gone: { ...base, id: 'gone', title: 'G', date: '2027-01-01', startTime: '09:00', status: 'cancelled' },
    };
    expect(enterableSessions(conference).map((x) => x.id)).toEqual(['gone', 'early', 'late']);
    expect(landingSession(enterableSessions(conference))?.id).toBe('early');
    conference.sessions = { gone: conference.sessions.gone, past: { ...base, id: 'past', title: 'P', date: '2026-01-01', startTime: '09:00', status: 'closed' } };
    expect(landingSession(enterableSessions(conference))?.id).toBe('past');
    conference.sessions = { gone: conference.sessions.gone };
    expect(landingSession(enterableSessions(conference))).toBeNull();
  });
});

describe('the conference archive: every resolution across sessions with its follow-up', () => {
  const meeting = (items: { id: string; number: string; title: string; outcome: string | null }[]) =>
    ({ status: 'closed' as const, items, landsPresent: 14, landsTotal: 16, results: { adopted: 0, rejected: 0, noted: 0, open: 0 }, protocol: 'none' as const, agendaProposals: [] });
  const sessions = [
    { id: 'dmk-2024-1', title: '1. DMK', date: '2024-04-19', meeting: meeting([
      { id: 'top-6', number: 'TOP 6', title: 'Digitale Identitäten', outcome: 'adopted' },
      { id: 'top-7', number: 'TOP 7', title: 'KI in der Verwaltung', outcome: 'rejected' },
      { id: 'standing-1', number: 'TOP 3', title: 'Austausch der Länder', outcome: 'noted' },
    ]) },
    { id: 'dmk-2027-2', title: '2. DMK', date: '2027-02-12', meeting: meeting([{ id: 'top-1', number: 'TOP 5', title: 'Cloud-Strategie', outcome: 'adopted' }]) },
    { id: 'dmk-2027-3', title: '3. DMK', date: '2027-06-04', meeting: null },
  ];
  const followUp = {
    resolutions: { 'dmk-2024-1.top-6': { title: 'TOP 6: Digitale Identitäten', proposingLands: ['BE'], leadLand: 'BE', adoptedAt: '2024-04-19T11:00:00Z', source: '1. DMK', implementation: [{ land: 'BE', status: 'inProgress' as const, note: null, at: '2024-06-01T10:00:00Z' }] } },
    workingGroups: {},
  };
  it('R-FUP-1: decided items of every session, newest session first, adopted ones with the follow-up status the record keeps', () => {
    const archive = conferenceArchive(sessions, followUp as never);
    expect(archive.map((e) => [e.sessionId, e.number, e.outcome, e.followUp])).toEqual([
      ['dmk-2027-2', 'TOP 5', 'adopted', null],
      ['dmk-2024-1', 'TOP 6', 'adopted', 'inProgress'],
      ['dmk-2024-1', 'TOP 7', 'rejected', null],
    ]);
  });
  it('search: every word in number, title or session, case-insensitive; empty finds all', () => {
    const archive = conferenceArchive(sessions, followUp as never);
    expect(searchArchive(archive, 'identitäten').map((e) => e.itemId)).toEqual(['top-6']);
    expect(searchArchive(archive, '2. dmk cloud').map((e) => e.itemId)).toEqual(['top-1']);
    expect(searchArchive(archive, 'KI Cloud')).toEqual([]);
    expect(searchArchive(archive, '  ')).toHaveLength(3);
  });
});
