import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFor, MEETING, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';
import { mayActOnStream, runsConferenceProcedures } from '../src/auth/between-scope.ts';
import type { Invitation } from '../src/store/invitation-store.ts';

async function api(server: TestServer, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } & Record<string, unknown> };
}

describe('between sessions: meeting-keyed streams belong to their meeting (R-PRT-2, R-PRT-3, R-AGD-6)', () => {
  let server: TestServer;
  let office: string;
  let by: string;
  let office2: string;
  let delegate2: string;

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    by = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    // A second meeting with its own office and a delegate (a member on the roster of the period).
    await server.registry.create('m2');
    office2 = await redeem(server.url, tokenOf(await server.invitations.create('m2', { role: 'office', participantId: null, label: 'Büro m2' })));
    delegate2 = await redeem(server.url, tokenOf(await server.invitations.create('m2', { role: 'delegate', participantId: 'p-HE-member', label: 'HE m2' })));
    const rt = (await server.registry.get(MEETING))!;
    const chair = { role: 'chair' as const, participantId: 'p-chair' };
    expect('data' in (await rt.execute({ key: 'scope-open', command: { type: 'openSession' }, actor: chair, context: {} })).ack).toBe(true);
    expect('data' in (await rt.execute({ key: 'scope-close', command: { type: 'closeSession' }, actor: chair, context: {} })).ack).toBe(true);
  });
  afterAll(async () => { await server?.stop(); });

  it("R-AGD-6: another meeting's office can neither record the agenda dispatch nor read the deadlines", async () => {
    const record = await api(server, `/api/between/agenda/${MEETING}`, office2, { command: { type: 'recordDraftAgendaSent' } });
    expect(record.status).toBe(403);
    expect(record.body.error?.code).toBe('auth.forbidden');
    expect((await server.between.service.state('agenda', MEETING)).seq).toBe(0);
    const deadlines = await api(server, `/api/meetings/${MEETING}/deadlines`, office2);
    expect(deadlines.status).toBe(403);
    expect(deadlines.body.error?.code).toBe('auth.forbidden');
    expect((await api(server, `/api/meetings/${MEETING}/deadlines`, office)).status).toBe(200);
  });

  it("R-PRT-2/3: another meeting's office cannot send, approve or publish the protocol; its delegate cannot object", async () => {
    for (const type of ['sendProtocolDraft', 'approveProtocol', 'publishProtocol']) {
      const r = await api(server, `/api/between/protocol/${MEETING}`, office2, { command: { type } });
      expect(r.status, type).toBe(403);
      expect(r.body.error?.code).toBe('auth.forbidden');
    }
    expect((await server.between.service.state('protocol', MEETING)).seq).toBe(0);
    // The meeting's own office sends the draft; its own member objects, the other meeting's delegate may not.
    expect((await api(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' } })).status).toBe(200);
    const foreign = await api(server, `/api/between/protocol/${MEETING}`, delegate2, { command: { type: 'objectToProtocol', text: 'Einwand' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('auth.forbidden');
    expect((await api(server, `/api/between/protocol/${MEETING}`, by, { command: { type: 'objectToProtocol', text: 'Einwand' } })).status).toBe(200);
    expect((await server.between.service.state('protocol', MEETING)).seq).toBe(2);
  });

  it("F6 / R-CIR-1: a conference-wide circular is started and run by the office of the conference; a meeting's office may read it but not start, close or publish it", async () => {
    const start = { command: { type: 'startCircular', title: 'Eilbeschluss', text: 'Die DMK stimmt zu.', proposingLand: 'HE', roster: [] } };
    // The office of meeting m2, and the office of the demo meeting with a meeting-only invitation: neither is the conference's office.
    const ownMeetingOffice = await redeem(server.url, tokenOf(await server.invitations.create(MEETING, { role: 'office', participantId: null, label: 'Büro (nur diese Sitzung)' })));
    for (const cookie of [office2, ownMeetingOffice]) {
      const r = await api(server, '/api/between/circular/circ-f6', cookie, start);
      expect(r.status).toBe(403);
      expect(r.body.error?.code).toBe('auth.forbidden');
    }
    expect((await server.between.service.state('circular', 'circ-f6')).seq).toBe(0);
    // The conference's office (the demo's conference-wide invitation) starts it.
    expect((await api(server, '/api/between/circular/circ-f6', office, start)).status).toBe(200);
    // Another meeting's office reads it, and cannot act on it; a delegate of that meeting answers for its own Land.
    expect((await api(server, '/api/between/circular/circ-f6', office2)).status).toBe(200);
    for (const type of ['closeCircular', 'communicateCircularResult', 'publishCircularResult']) {
      const r = await api(server, '/api/between/circular/circ-f6', office2, { command: { type } });
      expect(r.status, type).toBe(403);
    }
    const answer = await api(server, '/api/between/circular/circ-f6', delegate2, { command: { type: 'answerCircular', choice: 'yes' } });
    expect(answer.status).toBe(200);
    expect((await server.between.service.state('circular', 'circ-f6')).state.answers.HE?.choice).toBe('yes');
    // The conference itself (sessions, schedule) is the conference office's too.
    const conference = await api(server, '/api/between/conference/dmk', office2, { command: { type: 'cancelSession', meetingId: MEETING, reason: 'x' } });
    expect(conference.status).toBe(403);
    expect(conference.body.error?.code).toBe('auth.forbidden');
    // /api/me says the same, so the client shows the start control only where it works.
    for (const [cookie, runs] of [[office, true], [office2, false], [ownMeetingOffice, false], [delegate2, false]] as const) {
      expect((await api(server, '/api/me', cookie)).body.runsConferenceProcedures).toBe(runs);
    }
  });
});

describe('F6: who runs the conference-wide procedures (between-scope.ts)', () => {
  const invitation = (scope: 'meeting' | 'conference', role: Invitation['role'] = 'office'): Invitation => ({
    id: 'i', meetingId: scope === 'conference' ? 'dmk' : 'm1', role, participantId: null, label: 'x', createdAt: '2026-01-01T00:00:00.000Z',
    revokedAt: null, scope, redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null,
  });
  const meetings = new Set(['m1']);
  it('the conference office acts; a meeting office only while the data folder has no conference office (from before conference invitations)', () => {
    expect(mayActOnStream(invitation('conference'), meetings, 'circular', 'c1', true)).toBe(true);
    expect(mayActOnStream(invitation('meeting'), meetings, 'circular', 'c1', true)).toBe(false);
    expect(mayActOnStream(invitation('meeting'), meetings, 'circular', 'c1', false)).toBe(true);
    // Its own meeting's streams stay its own; another meeting's never.
    expect(mayActOnStream(invitation('meeting'), meetings, 'protocol', 'm1', true)).toBe(true);
    expect(mayActOnStream(invitation('meeting'), meetings, 'protocol', 'm2', false)).toBe(false);
    // Delegates are not restricted by the office rule (the decider binds them to their Land).
    expect(mayActOnStream(invitation('meeting', 'delegate'), meetings, 'circular', 'c1', true)).toBe(true);
    // What /api/me tells the client (the start control): the office that may start them, no one else.
    expect(runsConferenceProcedures(invitation('conference'), true)).toBe(true);
    expect(runsConferenceProcedures(invitation('meeting'), true)).toBe(false);
    expect(runsConferenceProcedures(invitation('meeting'), false)).toBe(true);
    expect(runsConferenceProcedures(invitation('conference', 'delegate'), true)).toBe(false);
  });
});
