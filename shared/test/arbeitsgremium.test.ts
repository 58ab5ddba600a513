import { describe, expect, it } from 'vitest';
import { decideConference, evolveConference, initialConferenceState, upcomingDmkSessions, agendaDeadlines, DMK_PROFILE, type ConferenceState } from '../src/index.ts';
import { Scenario, SESSION_DATE, chair, delegate, member, office, system } from './support/scenario.ts';

/**
 * R-AGR-1/2: a meeting of the DMK-Arbeitsgremium is a session of its own kind: the chair Land
 * leads, every Land's working level attends, it does not vote under GO 5, and it ends with the
 * versions of its drafts proposed for the next DMK session's agenda.
 */
const LANDS = DMK_PROFILE.lands.map((l) => l.code);
const wl = (land: string) => delegate(`ag-${land}`);
const PROPOSAL = { targetSessionId: 'dmk-2024-2', drafts: [{ draftId: 'draft-top-7', title: 'Digitale Teilhabe', version: 3, openBrackets: 1 }] };

function agMeeting() {
  const s = new Scenario();
  s.run({ type: 'scheduleSession', title: '1. Sitzung des DMK-Arbeitsgremiums', date: SESSION_DATE, place: 'Potsdam', kind: 'arbeitsgremium', format: 'video' }, office);
  s.run({ type: 'nameChair', name: 'Vorsitz Arbeitsgremium', participantId: 'chair' }, office);
  for (const land of LANDS) s.run({ type: 'nameRepresentative', land, kind: 'workingLevel', name: `Arbeitsebene ${land}`, participantId: `ag-${land}` }, office);
  return s;
}

describe('Arbeitsgremium meetings (R-AGR-1, R-AGR-2)', () => {
  it('R-AGR-1: the chair Land comes from the date; every Land attends at working level and checks in digitally', () => {
    const s = agMeeting();
    expect(s.state.session).toMatchObject({ kind: 'arbeitsgremium', chairLands: ['BE', 'BB'], format: 'video' });
    s.openSession();
    for (const land of LANDS) s.run({ type: 'checkIn', mode: 'remote' }, wl(land));
    expect(Object.values(s.state.participants).filter((p) => p.kind === 'workingLevel' && p.presence?.mode === 'remote')).toHaveLength(16);
  });

  it('R-AGR-1: working level only in the Arbeitsgremium, members and deputies only in a DMK session', () => {
    agMeeting().refuse({ type: 'nameRepresentative', land: 'BW', kind: 'member', name: 'Ministerin', participantId: 'm-x' }, office, 'participant.kindNotInSession', 'R-AGR-1');
    const dmk = new Scenario();
    dmk.run({ type: 'scheduleSession', title: 'DMK', date: SESSION_DATE, place: 'Potsdam', kind: 'regular', format: 'room' }, office);
    dmk.refuse({ type: 'nameRepresentative', land: 'BW', kind: 'workingLevel', name: 'Referentin' }, office, 'participant.kindNotInSession', 'R-AGR-1');
  });

  it('R-AGR-1: no GO-5 vote: the decider refuses to open one, whatever the motion', () => {
    const s = agMeeting();
    s.run({ type: 'addAgendaItem', item: { number: 'TOP 1', title: 'Entwurf', kind: 'proposal', rapporteurs: ['BE'], paragraphs: [] }, itemId: 'i1' }, office);
    s.openSession();
    for (const land of LANDS) s.run({ type: 'checkIn', mode: 'remote' }, wl(land));
    s.refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'i1', paragraph: null } }, chair, 'session.noVote', 'R-AGR-1');
    s.refuse({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair, 'session.noVote', 'R-AGR-1');
    expect(s.state.votes).toEqual({});
  });

  it('R-AGR-2: it ends with the versions proposed for the next DMK; without the proposal it does not close', () => {
    const s = agMeeting();
    s.openSession();
    s.refuse({ type: 'closeSession' }, chair, 'session.noAgendaProposal', 'R-AGR-2');
    // The proposal is the server's record (after it cut the versions): a chair or a Land cannot send it.
    s.refuse({ type: 'recordAgendaProposal', ...PROPOSAL }, chair, 'auth.forbidden');
    s.refuse({ type: 'recordAgendaProposal', ...PROPOSAL }, wl('BY'), 'auth.forbidden');
    const [e] = s.run({ type: 'recordAgendaProposal', ...PROPOSAL }, system);
    expect(e).toMatchObject({ type: 'AgendaProposed', ...PROPOSAL });
    expect(s.state.agendaProposals).toEqual([{ ...PROPOSAL, at: e!.at }]);
    expect(s.run({ type: 'closeSession' }, chair).map((x) => x.type)).toEqual(['SessionClosed']);
  });

  it('R-AGR-2: the proposal only in an open Arbeitsgremium meeting, each draft once', () => {
    const s = agMeeting();
    s.refuse({ type: 'recordAgendaProposal', ...PROPOSAL }, system, 'session.notOpen');
    s.openSession();
    const twice = { ...PROPOSAL, drafts: [PROPOSAL.drafts[0], PROPOSAL.drafts[0]] };
    s.refuse({ type: 'recordAgendaProposal', ...twice }, system, 'command.invalid');
    const dmk = new Scenario();
    dmk.run({ type: 'scheduleSession', title: 'DMK', date: SESSION_DATE, place: 'Potsdam', kind: 'regular', format: 'room' }, office);
    dmk.openSession();
    dmk.refuse({ type: 'recordAgendaProposal', ...PROPOSAL }, system, 'session.notArbeitsgremium', 'R-AGR-2');
    // A DMK session closes as before.
    expect(dmk.run({ type: 'closeSession' }, chair).map((x) => x.type)).toContain('SessionClosed');
  });

  it('R-AGR-1: a delegate of a DMK session is no working-level representative', () => {
    agMeeting().refuse({ type: 'checkIn', mode: 'room' }, member('BY'), 'participant.unknown');
  });
});

describe('the conference: Arbeitsgremium meetings among its sessions (R-AGR-1, R-AGR-3)', () => {
  const ctx = { now: '2024-03-01T09:00:00.000Z', actor: { role: 'office' as const, participantId: null }, newId: (p: string) => `${p}-1`, profile: DMK_PROFILE };
  const create = (s: ConferenceState, command: Record<string, unknown>) => {
    const r = decideConference(s, { type: 'createSession', startTime: '10:00', place: 'Potsdam', format: 'video', title: 'Sitzung', ...command }, ctx);
    if (!r.ok) throw new Error(r.code);
    return r.events.reduce(evolveConference, s);
  };

  it('R-AGR-1: the office creates one; the chair Land is derived from the date and invites (no request)', () => {
    const s = create(initialConferenceState(), { sessionId: 'ag-1', kind: 'arbeitsgremium', date: '2024-03-20' });
    expect(s.sessions['ag-1']).toMatchObject({ kind: 'arbeitsgremium', basis: 'chairProposal', chairLands: ['BE', 'BB'] });
    const r = decideConference(initialConferenceState(), { type: 'createSession', kind: 'arbeitsgremium', basis: 'request', requestId: 'x', title: 'AG', date: '2024-03-20', startTime: '10:00', place: 'Potsdam', format: 'video' }, ctx);
    expect(r).toMatchObject({ code: 'conference.basisInvalid', rule: 'R-AGR-1' });
    // No R-AGD-6 agenda deadlines: the Arbeitsgremium prepares the DMK's agenda, it has none of its own under GO 3.
    expect(agendaDeadlines('2024-03-20', DMK_PROFILE, {}, ctx.now, 'arbeitsgremium')).toEqual([]);
  });

  it('R-AGR-3: the next DMK sessions are the planned regular and extraordinary ones from today, by date; never an Arbeitsgremium meeting', () => {
    let s = create(initialConferenceState(), { sessionId: 'ag-1', kind: 'arbeitsgremium', date: '2024-03-20' });
    s = create(s, { sessionId: 'dmk-2', kind: 'regular', date: '2024-11-15' });
    s = create(s, { sessionId: 'dmk-1', kind: 'regular', date: '2024-04-19' });
    s = create(s, { sessionId: 'dmk-0', kind: 'regular', date: '2024-02-01' });
    expect(upcomingDmkSessions(s, '2024-03-01').map((x) => x.id)).toEqual(['dmk-1', 'dmk-2']);
  });
});
