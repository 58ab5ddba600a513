import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDate, DEMO_MEETING_ID, upcomingDmkSessions, type MeResponse } from '@plenum/shared';
import {
  api, connect, connected, joinMeeting, linkFor, newKey, redeem, send, startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

interface Row { id: string; role: string; participantId: string | null; label: string; revokedAt: string | null; sessions: { id: string; title: string; date: string }[] }

/**
 * R-AGR-1 with issue 10's invitations: the working level of an Arbeitsgremium meeting gets the
 * conference-wide invitation, one link per person. Bavaria's working-level official also sits in
 * for Bavaria at the next DMK session as temporary deputy (R-MEM-3): the same link opens both
 * sessions, answers a bracket call in the Arbeitsgremium and checks in at the DMK; the office
 * sees which sessions each link opens, and a second link for the person is refused.
 */
describe('working-level invitations: one conference link per person, across the Arbeitsgremium and the DMK (R-AGR-1)', () => {
  let server: TestServer;
  let office: string;
  let next: string;
  let chairToken: string;
  const AG = 'ag-inv-1';
  const sockets: Client[] = [];
  const me = async (cookie: string) => api(server, '/api/me', cookie) as Promise<{ status: number; body: MeResponse }>;
  const rows = async () => (await api(server, '/api/conference/invitations', office)).body as Row[];
  const issue = (role: string, participantId: string, label: string) => api(server, '/api/conference/invitations', office, { role, participantId, label });
  const draft = (cookie: string, command: unknown) => api(server, '/api/between/draft/draft-top-7', cookie, { command });
  const socketOf = async (cookie: string) => {
    const s = connect(server.url, { cookie });
    sockets.push(s);
    await connected(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const today = berlinDate(new Date());
    const created = await api(server, '/api/between/conference/dmk', office, { command: {
      type: 'createSession', sessionId: AG, kind: 'arbeitsgremium', title: 'Sitzung des DMK-Arbeitsgremiums', date: today, startTime: '09:00', place: 'Videokonferenz', format: 'video',
    } });
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    next = upcomingDmkSessions(await server.between.conference.state(), today).find((s) => s.id !== DEMO_MEETING_ID)!.id;
    await waitFor(async () => Boolean((await server.registry.get(AG))?.current.participants['ag-th']), 'the meeting is set up with the working level');
    await waitFor(async () => Boolean((await server.registry.get(next))?.current.session), 'the next DMK session is set up');
    // Bavaria's working-level official is named Bavaria's temporary deputy at the next DMK (R-MEM-3), under the same participant id.
    const officeSocket = await socketOf(office);
    expect('data' in await joinMeeting(officeSocket, null, next)).toBe(true);
    const named = await send(officeSocket, { type: 'nameTemporaryDeputy', land: 'BY', name: 'Arbeitsebene Bayern', participantId: 'ag-by' }, newKey(), next);
    if (!('data' in named)) throw new Error(JSON.stringify(named));
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await server?.stop();
  });

  it('R-AGR-1: the office issues the working level\'s conference invitations; each row names the sessions its link opens', async () => {
    const by = await issue('delegate', 'ag-by', 'Arbeitsebene Bayern');
    const he = await issue('delegate', 'ag-he', 'Arbeitsebene Hessen');
    const agChair = await issue('chair', 'ag-chair', 'Vorsitz Arbeitsgremium');
    expect([by.status, he.status, agChair.status]).toEqual([201, 201, 201]);
    chairToken = agChair.body.token;
    const list = await rows();
    const of = (pid: string) => list.find((r) => r.participantId === pid && !r.revokedAt)!;
    // The person with a role in both opens both; the others only the Arbeitsgremium.
    expect(of('ag-by').sessions.map((s) => s.id)).toEqual([AG, next]);
    expect(of('ag-he').sessions.map((s) => s.id)).toEqual([AG]);
    expect(of('ag-chair').sessions.map((s) => s.id)).toEqual([AG]);
    expect(of('ag-by').sessions[0]).toMatchObject({ title: 'Sitzung des DMK-Arbeitsgremiums', date: berlinDate(new Date()) });
    // The demo's delegates hold no role in the Arbeitsgremium: their links do not open it.
    expect(of('p-BY-member').sessions.map((s) => s.id)).not.toContain(AG);
  });

  it('R-AGR-1: one link per person: a second invitation for the Bavarian official is refused (409 invitation.exists)', async () => {
    const again = await issue('delegate', 'ag-by', 'Bayern, zeitweilige Vertretung DMK');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'invitation.exists', details: { id: (await rows()).find((r) => r.participantId === 'ag-by' && !r.revokedAt)!.id } });
  });

  it('R-AGR-1 + R-MEM-3: the one link answers a bracket call in the Arbeitsgremium and checks in as Bavaria\'s temporary deputy at the DMK', async () => {
    const row = (await rows()).find((r) => r.participantId === 'ag-by' && !r.revokedAt)!;
    const shown = await api(server, `/api/conference/invitations/${row.id}/link`, office);
    const cookie = await redeem(server.url, tokenOf(shown.body));
    const answer = await me(cookie);
    expect(answer.body.sessions.map((s) => s.id)).toEqual([AG, next]);

    // In the Arbeitsgremium: the chair opens the meeting and calls K1; Bavaria answers with this link.
    const chairCookie = await redeem(server.url, chairToken);
    const chair = await socketOf(chairCookie);
    expect('data' in await joinMeeting(chair, null, AG)).toBe(true);
    expect('data' in await send(chair, { type: 'openSession' }, newKey(), AG)).toBe(true);
    const inAg = await socketOf(cookie);
    expect('data' in await joinMeeting(inAg, null, AG)).toBe(true);
    expect('data' in await send(inAg, { type: 'checkIn', mode: 'remote' }, newKey(), AG)).toBe(true);
    expect((await draft(chairCookie, { type: 'callBracket', bracketId: 'b1' })).status).toBe(200);
    const answered = await draft(cookie, { type: 'answerBracketCall', answer: 'agree' });
    expect(answered.status).toBe(200);
    expect(answered.body.data.state.call.answers).toMatchObject({ BY: 'agree' });

    // At the DMK: the same link, another socket, checks in as Bavaria's temporary deputy.
    const inDmk = await socketOf(cookie);
    const joined = await joinMeeting(inDmk, null, next);
    expect('data' in joined && joined.data.meetingId).toBe(next);
    expect('data' in await send(inDmk, { type: 'checkIn', mode: 'room' }, newKey(), next)).toBe(true);
    expect((await server.registry.get(next))!.current.participants['ag-by']).toMatchObject({ kind: 'temporaryDeputy', land: 'BY' });
  });

  it('R-AGR-1: reissued, the old link dies in both sessions and the new one opens both; revoked, it opens none', async () => {
    const old = (await rows()).find((r) => r.participantId === 'ag-by' && !r.revokedAt)!;
    const oldCookie = await redeem(server.url, tokenOf((await api(server, `/api/conference/invitations/${old.id}/link`, office)).body));
    const reissued = await api(server, `/api/conference/invitations/${old.id}/reissue`, office, {});
    expect(reissued.status).toBe(201);
    expect((await me(oldCookie)).status).toBe(401);
    expect((await draft(oldCookie, { type: 'answerBracketCall', answer: 'hold' })).status).toBe(401);
    const newCookie = await redeem(server.url, reissued.body.token);
    expect((await me(newCookie)).body.sessions.map((s) => s.id)).toEqual([AG, next]);
    expect((await rows()).find((r) => r.id === old.id)!.sessions).toEqual([]);
    const revoked = await fetch(`${server.url}/api/invitations/${reissued.body.id}`, { method: 'DELETE', headers: { cookie: office, origin: server.url } });
    expect(revoked.status).toBe(200);
    expect((await me(newCookie)).status).toBe(401);
    expect((await rows()).find((r) => r.id === reissued.body.id)).toMatchObject({ sessions: [] });
  });

  it('R-AGR-1: the meeting\'s room screen reads the drafts and hears their changes (it shows the called bracket), reads no other stream, sends no draft command', async () => {
    const cookie = await redeem(server.url, (await server.invitations.create(AG, { role: 'screen', participantId: null, label: 'Saal' })).token);
    const list = await api(server, '/api/between/draft', cookie);
    expect([list.status, list.body.map((d: { id: string }) => d.id)]).toEqual([200, expect.arrayContaining(['draft-top-7'])]);
    expect((await api(server, '/api/between/draft/draft-top-7', cookie)).body.state.call).toMatchObject({ bracketId: 'b1' });
    for (const kind of ['circular', 'followup', 'extraordinary', 'assignment']) expect((await api(server, `/api/between/${kind}`, cookie)).status).toBe(403);
    expect((await draft(cookie, { type: 'answerBracketCall', answer: 'agree' })).status).toBe(403);
    const screen = await socketOf(cookie);
    const heard = new Promise<string[]>((r) => screen.once('draft:changed' as never, ((c: { types: string[] }) => r(c.types)) as never));
    const officeCall = await draft(office, { type: 'endBracketCall' });
    expect(officeCall.status).toBe(200);
    expect(await heard).toContain('BracketCallEnded');
  });
});
