import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING_ID, type MeResponse } from '@plenum/shared';
import { dbFile } from '../src/app.ts';
import {
  api, connect, connected, joinMeeting, linkFor, redeem, startTestServer, tokenOf, waitFor, type TestServer,
} from './helpers.ts';

interface Row { id: string; role: string; participantId: string | null; label: string; scope: string; revokedAt: string | null; redemptions: number; firstRedeemedAt: string | null; lastRedeemedAt: string | null }

/**
 * Issue 10, part 3: one personal invitation per person for the whole conference. The demo's
 * printed links open the demo session and the next regular session (its roster carries the same
 * participant ids); the office shows a link again, reissues it (the old link dies) and revokes
 * it; F10: it sees when and how often each link was redeemed.
 */
describe('conference invitations: one link per person for every session in which the person holds a role', () => {
  let server: TestServer;
  let office: string;
  let next: string;
  const bw = () => linkFor(server.links, 'delegate', 'p-BW-member');
  const me = async (cookie: string) => api(server, '/api/me', cookie) as Promise<{ status: number; body: MeResponse & { error?: { code: string } } }>;
  const rows = async () => (await api(server, '/api/conference/invitations', office)).body as Row[];
  const del = (path: string, cookie: string) => fetch(`${server.url}${path}`, { method: 'DELETE', headers: { cookie, origin: server.url } });

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const sessions = Object.values((await server.between.conference.state()).sessions);
    next = sessions.find((s) => s.id !== DEMO_MEETING_ID)!.id;
    await waitFor(async () => Boolean((await server.registry.get(next))?.current.participants['p-BW-member']), 'the next session carries the roster');
  }, 60_000);
  afterAll(async () => { await server?.stop(); });

  it('the demo prints conference-wide links; a delegate\'s link lists both sessions and lands on the next one to hold (the demo session, still planned)', async () => {
    expect(server.links.every((l) => l.url.includes('/i/'))).toBe(true);
    expect((await server.invitations.get(bw().id))!.scope).toBe('conference');
    const cookie = await redeem(server.url, tokenOf(bw()));
    const answer = await me(cookie);
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe('conference');
    expect(answer.body.sessions.map((s) => s.id)).toEqual([DEMO_MEETING_ID, next]);
    expect(answer.body.meetingId).toBe(DEMO_MEETING_ID);
    const chair = await me(await redeem(server.url, tokenOf(linkFor(server.links, 'chair'))));
    expect(chair.body.sessions.map((s) => s.id)).toEqual([DEMO_MEETING_ID, next]);
  });

  it('the same link enters each of its sessions, one meeting per socket; REST reads of both sessions are open to it', async () => {
    const cookie = await redeem(server.url, tokenOf(bw()));
    const a = connect(server.url, { cookie });
    const b = connect(server.url, { cookie });
    await Promise.all([connected(a), connected(b)]);
    const inDemo = await joinMeeting(a, null, DEMO_MEETING_ID);
    expect('data' in inDemo && inDemo.data.meetingId).toBe(DEMO_MEETING_ID);
    // A socket stays in the session it joined: the other session needs its own connection.
    const switched = await joinMeeting(a, null, next);
    expect('error' in switched && switched.error.code).toBe('auth.forbidden');
    const inNext = await joinMeeting(b, null, next);
    expect('data' in inNext && inNext.data.meetingId).toBe(next);
    const checkIn = await b.timeout(10_000).emitWithAck('meeting:command', { meetingId: DEMO_MEETING_ID, key: 'ci-other', command: { type: 'checkIn', mode: 'room' } });
    expect('error' in checkIn && checkIn.error.code).toBe('auth.forbidden');
    for (const id of [DEMO_MEETING_ID, next]) expect((await api(server, `/api/meetings/${id}/deadlines`, cookie)).status).toBe(200);
    a.disconnect();
    b.disconnect();
  });

  it('a person holds no role in a session → its link does not open it (join, REST); a link of a person in no session opens nothing', async () => {
    const created = await api(server, '/api/conference/invitations', office, { role: 'delegate', participantId: 'p-nobody', label: 'Niemand' });
    expect(created.status).toBe(201);
    const cookie = await redeem(server.url, created.body.token);
    expect((await me(cookie)).status).toBe(403);
    const s = connect(server.url, { cookie });
    await connected(s);
    const join = await joinMeeting(s, null, DEMO_MEETING_ID);
    expect('error' in join && join.error.code).toBe('auth.forbidden');
    expect((await api(server, `/api/meetings/${DEMO_MEETING_ID}/deadlines`, cookie)).status).toBe(403);
    s.disconnect();
  });

  it('one invitation per person: a second one for the same person is refused (409 invitation.exists)', async () => {
    const again = await api(server, '/api/conference/invitations', office, { role: 'delegate', participantId: 'p-BW-member', label: 'BW zwei' });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'invitation.exists', details: { id: bw().id } });
  });

  it('F10: the office sees how often and when each link was redeemed; a redemption tells the holder\'s open sessions', async () => {
    const before = (await rows()).find((r) => r.id === bw().id)!;
    expect(before.redemptions).toBe(2);
    expect(before.firstRedeemedAt! <= before.lastRedeemedAt!).toBe(true);
    const open = connect(server.url, { cookie: await redeem(server.url, tokenOf(bw())) });
    await connected(open);
    const told = new Promise<string>((r) => open.once('invitation:redeemed', (m) => r(m.at)));
    await redeem(server.url, tokenOf(bw()));
    const at = await told;
    const after = (await rows()).find((r) => r.id === bw().id)!;
    expect(after).toMatchObject({ redemptions: 4, firstRedeemedAt: before.firstRedeemedAt, lastRedeemedAt: at });
    expect((await rows()).find((r) => r.participantId === 'p-BY-member')).toMatchObject({ redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null });
    open.disconnect();
  });

  it('the office shows an existing link again; the secret is sealed in the database, never stored in the clear', async () => {
    const shown = await api(server, `/api/conference/invitations/${bw().id}/link`, office);
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ id: bw().id, url: bw().url });
    const file = readFileSync(dbFile(server.dataDir));
    expect(file.includes(Buffer.from(tokenOf(bw())))).toBe(false);
    expect((await api(server, `/api/conference/invitations/${bw().id}/link`, await redeem(server.url, tokenOf(bw())))).status).toBe(403);
    const meetingOnly = await server.invitations.create(DEMO_MEETING_ID, { role: 'screen', participantId: null, label: 'Saal 2' });
    const notKept = await api(server, `/api/conference/invitations/${meetingOnly.id}/link`, office);
    expect([notKept.status, notKept.body.error.code]).toEqual([404, 'invitation.notKept']);
  });

  it('reissue: a new link for the same person; the old link and its sessions die; revoke ends the new one', async () => {
    const oldCookie = await redeem(server.url, tokenOf(bw()));
    const oldSocket = connect(server.url, { cookie: oldCookie });
    await connected(oldSocket);
    const revokedNotice = new Promise<string>((r) => oldSocket.once('session:revoked', (m) => r(m.code)));
    const reissued = await api(server, `/api/conference/invitations/${bw().id}/reissue`, office, {});
    expect(reissued.status).toBe(201);
    expect(reissued.body.replaces).toBe(bw().id);
    expect(reissued.body.url).not.toBe(bw().url);
    expect(await revokedNotice).toBe('auth.revoked');
    expect((await me(oldCookie)).status).toBe(401);
    expect((await fetch(bw().url, { redirect: 'manual' })).headers.get('location')).toBe('/invalid-link');
    expect((await api(server, `/api/conference/invitations/${bw().id}/link`, office)).status).toBe(404);
    const list = await rows();
    expect(list.find((r) => r.id === bw().id)!.revokedAt).not.toBeNull();
    expect(list.find((r) => r.id === reissued.body.id)).toMatchObject({ participantId: 'p-BW-member', label: bw().label, scope: 'conference', revokedAt: null, redemptions: 0 });

    const newCookie = await redeem(server.url, reissued.body.token);
    expect((await me(newCookie)).body.sessions.map((s) => s.id)).toEqual([DEMO_MEETING_ID, next]);
    expect((await api(server, `/api/conference/invitations/${reissued.body.id}/link`, office)).body.url).toBe(reissued.body.url);
    expect((await del(`/api/invitations/${reissued.body.id}`, office)).status).toBe(200);
    expect((await me(newCookie)).status).toBe(401);
    expect((await api(server, `/api/conference/invitations/${reissued.body.id}/reissue`, office, {})).status).toBe(404);
    oldSocket.disconnect();
  });

  it('only the conference\'s office manages conference invitations', async () => {
    const delegate = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    expect((await api(server, '/api/conference/invitations', delegate)).status).toBe(403);
    expect((await api(server, '/api/conference/invitations', delegate, { role: 'office', participantId: null, label: 'x' })).status).toBe(403);
    const by = linkFor(server.links, 'delegate', 'p-BY-member');
    expect((await api(server, `/api/conference/invitations/${by.id}/link`, delegate)).status).toBe(403);
    expect((await del(`/api/invitations/${by.id}`, delegate)).status).toBe(403);
    expect((await api(server, '/api/conference/invitations', null)).status).toBe(401);
  });
});
