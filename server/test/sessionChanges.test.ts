import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chairLandsFor, DMK_PROFILE, type MeetingState, type SessionDeadlines } from '@plenum/shared';
import {
  api, closeAll, connect, connected, joinMeeting, linkFor, redeem, send, startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

/**
 * R-SES-1: a session the office moves or cancels in the conference before it opens: the change,
 * with its reason, reaches the session's own log, so its views, chair (R-CHR-1), deadlines
 * (R-AGD-6) and protocol follow, not only the conference's stream.
 */
describe('R-SES-1: rescheduling and cancelling reach the session\'s own log', () => {
  let server: TestServer;
  let office: string;
  const sockets: Client[] = [];
  const meeting = async (id: string) => (await server.registry.get(id))!.current as MeetingState;
  const conference = (command: unknown) => api(server, '/api/between/conference/dmk', office, { command });

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    for (const [sessionId, date, format] of [['dmk-move', '2029-05-04', 'telephone'], ['dmk-drop', '2029-06-01', 'room']]) {
      const r = await conference({ type: 'createSession', sessionId, kind: 'regular', title: `DMK ${sessionId}`, date, startTime: '10:00', place: 'Kiel', format });
      expect(r.status).toBe(200);
      await waitFor(async () => Boolean((await server.registry.get(sessionId))?.current.session), `${sessionId} set up`);
    }
  }, 120_000);
  afterAll(async () => { closeAll(sockets); await server?.stop(); });

  it('R-SES-1 / R-CHR-1 / R-AGD-6: moved to another year: the session\'s own date, place, chair and deadlines follow, with the reason', async () => {
    const before = (await api(server, '/api/meetings/dmk-move/deadlines', office)).body as SessionDeadlines;
    expect(before.sessionDate).toBe('2029-05-04');
    // R-SES-2: the session's own log carries the exact format (a telephone conference, not 'video').
    expect((await meeting('dmk-move')).session?.format).toBe('telephone');
    const r = await conference({ type: 'rescheduleSession', sessionId: 'dmk-move', date: '2030-05-03', place: 'Magdeburg', format: 'web', reason: 'Terminkollision mit der MPK' });
    expect(r.status).toBe(200);
    await waitFor(async () => (await meeting('dmk-move')).session?.date === '2030-05-03', 'the move in the session log');
    const session = (await meeting('dmk-move')).session!;
    expect(session).toMatchObject({ date: '2030-05-03', place: 'Magdeburg', format: 'web', chairLands: chairLandsFor('2030-05-03', DMK_PROFILE), chairPeriod: 2030, status: 'planned' });
    expect(chairLandsFor('2030-05-03', DMK_PROFILE)).not.toEqual(chairLandsFor('2029-05-04', DMK_PROFILE));
    expect(session.rescheduled).toMatchObject([{ reason: 'Terminkollision mit der MPK', from: { date: '2029-05-04', place: 'Kiel', format: 'telephone' } }]);
    // The protocol's header names the format and the new date, in German.
    const md = await fetch(`${server.url}/api/meetings/dmk-move/protocol.md`, { headers: { cookie: office } });
    const text = await md.text();
    expect(text).toContain('- **Format:** Webkonferenz');
    expect(text).toContain('2030');
    // R-AGD-6 from the new date: draft agenda 6, proposals 4, final papers 3 weeks before, end of day Berlin.
    const after = (await api(server, '/api/meetings/dmk-move/deadlines', office)).body as SessionDeadlines;
    expect(after.sessionDate).toBe('2030-05-03');
    expect(after.agenda.map((d) => [d.kind, d.due.slice(0, 10)])).toEqual([['draftAgenda', '2030-03-22'], ['proposals', '2030-04-05'], ['finalPapers', '2030-04-12']]);
    // The conference home agrees with the session's own log.
    const home = (await api(server, '/api/conference', office)).body as { sessions: { id: string; date: string; chairLands: string[] }[] };
    expect(home.sessions.find((s) => s.id === 'dmk-move')).toMatchObject({ date: '2030-05-03', chairLands: session.chairLands });
  });

  it('R-SES-1: cancelled: a delegate who opens the session gets it with the cancellation and its reason; the chair cannot open it (session.cancelled)', async () => {
    expect((await conference({ type: 'cancelSession', sessionId: 'dmk-drop', reason: 'Keine Beratungsgegenstände' })).status).toBe(200);
    await waitFor(async () => Boolean((await meeting('dmk-drop')).session?.cancelled), 'the cancellation in the session log');
    // A delegate with an invitation for this session (sent before it was cancelled) opens it.
    const delegate = await redeem(server.url, (await server.invitations.create('dmk-drop', { role: 'delegate', participantId: 'p-BY-member', label: 'BY' })).token);
    const chair = await redeem(server.url, (await server.invitations.create('dmk-drop', { role: 'chair', participantId: null, label: 'Vorsitz' })).token);
    const [d, c] = [connect(server.url, { cookie: delegate }), connect(server.url, { cookie: chair })];
    sockets.push(d, c);
    await Promise.all([connected(d), connected(c)]);
    const joined = await joinMeeting(d, null, 'dmk-drop');
    if ('error' in joined) throw new Error(joined.error.code);
    expect(joined.data.catchUp.kind).toBe('snapshot');
    const state = (joined.data.catchUp as { state: MeetingState }).state;
    expect(state.session?.cancelled).toMatchObject({ reason: 'Keine Beratungsgegenstände' });
    expect('data' in (await joinMeeting(c, null, 'dmk-drop'))).toBe(true);
    const open = await send(c, { type: 'openSession' }, undefined, 'dmk-drop');
    expect('error' in open && open.error).toMatchObject({ code: 'session.cancelled', rule: 'R-SES-1' });
    const checkIn = await send(d, { type: 'checkIn', mode: 'room' }, undefined, 'dmk-drop');
    expect('error' in checkIn && checkIn.error.code).toBe('session.cancelled');
  });

  it('R-SES-1: with the conference link the cancelled session is still listed (status cancelled) and can be opened to read why; the link does not land on it', async () => {
    const delegate = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    const me = (await api(server, '/api/me', delegate)).body as { meetingId: string; sessions: { id: string; status: string }[] };
    expect(me.sessions.find((s) => s.id === 'dmk-drop')?.status).toBe('cancelled');
    expect(me.meetingId).not.toBe('dmk-drop');
    const page = connect(server.url, { cookie: delegate });
    sockets.push(page);
    await connected(page);
    const joined = await joinMeeting(page, null, 'dmk-drop');
    if ('error' in joined) throw new Error(joined.error.code);
    expect((joined.data.catchUp as { state: MeetingState }).state.session?.cancelled?.reason).toBe('Keine Beratungsgegenstände');
  });
});

describe('the session switcher follows the conference live: every invited page is told when a session changes', () => {
  it('a delegate\'s page hears conference:changed when another session opens, and its /api/me then says open; a public follower hears nothing', async () => {
    const server = await startTestServer();
    const sockets: Client[] = [];
    try {
      const office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
      const delegate = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
      const chair = await redeem(server.url, tokenOf(linkFor(server.links, 'chair')));
      const created = await api(server, '/api/between/conference/dmk', office, {
        command: { type: 'createSession', sessionId: 'dmk-live', kind: 'extraordinary', basis: 'chairProposal', title: 'Außerordentliche DMK', date: '2029-02-02', startTime: '10:00', place: 'Berlin', format: 'video' },
      });
      expect(created.status).toBe(200);
      await waitFor(async () => Boolean((await server.registry.get('dmk-live'))?.current.session), 'dmk-live set up');
      const me = async () => (await api(server, '/api/me', delegate)).body as { sessions: { id: string; status: string }[] };
      expect((await me()).sessions.find((s) => s.id === 'dmk-live')?.status).toBe('planned');

      // Bayern's page is on the demo session; a public follower watches it too.
      const page = connect(server.url, { cookie: delegate });
      const follower = connect(server.url, {});
      const chairSocket = connect(server.url, { cookie: chair });
      sockets.push(page, follower, chairSocket);
      await Promise.all([page, follower, chairSocket].map(connected));
      const heard: string[] = [];
      const publicHeard: string[] = [];
      page.on('conference:changed', (msg) => heard.push(msg.at));
      follower.on('conference:changed', (msg) => publicHeard.push(msg.at));
      expect('data' in (await joinMeeting(page, null))).toBe(true);

      // The chair opens the other session in its own socket.
      expect('data' in (await joinMeeting(chairSocket, null, 'dmk-live'))).toBe(true);
      const open = await send(chairSocket, { type: 'openSession' }, undefined, 'dmk-live');
      expect('data' in open).toBe(true);
      await waitFor(() => heard.length > 0, 'conference:changed on the delegate\'s page');
      await waitFor(async () => (await me()).sessions.find((s) => s.id === 'dmk-live')?.status === 'open', '/api/me says open');
      expect(publicHeard).toEqual([]);
    } finally {
      closeAll(sockets);
      await server.stop();
    }
  }, 120_000);
});
