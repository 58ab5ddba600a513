import {
  closeAll, connect, connected, delegateLinks, handshakeOutcome, joinMeeting, landOf, linkFor, login, MEETING, must, newKey, redeem, send,
  startTestServer, tokenOf, type Client, type TestServer,
} from './helpers.ts';
import type { EventOf } from '@plenum/shared';

describe('refusals: coded, and nothing appended', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  const track = (s: Client) => { sockets.push(s); return s; };
  const seq = async () => (await server.registry.get(MEETING))!.seq;

  beforeAll(async () => { server = await startTestServer({ rateLimit: { perSecond: 5, burst: 10 } }); });
  afterAll(async () => { closeAll(sockets); await server.stop(); });

  it('a foreign Origin is refused at the handshake (auth.origin)', async () => {
    const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'chair')));
    const s = track(connect(server.url, { cookie, origin: 'https://evil.example' }));
    expect(await handshakeOutcome(s)).toBe('auth.origin');
  });

  it('an unknown session cookie is refused (auth.required); no cookie can follow but not act', async () => {
    const s = track(connect(server.url, { cookie: 'plenum_session=not-a-session' }));
    expect(await handshakeOutcome(s)).toBe('auth.required');
    const anon = track(connect(server.url));
    await connected(anon);
    const before = await seq();
    expect(await send(anon, { type: 'openSession' })).toEqual({ error: { code: 'auth.required' } });
    // R-SES-4: the demo session is not public, so a follower gets nothing.
    const joined = await joinMeeting(anon);
    expect(joined).toMatchObject({ error: { code: 'session.notPublic' } });
    expect(await seq()).toBe(before);
  });

  it('GET /i/<bad> redirects to /invalid-link; /api/me needs a session', async () => {
    const res = await fetch(`${server.url}/i/${'x'.repeat(43)}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/invalid-link');
    const me = await fetch(`${server.url}/api/me`);
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: { code: 'auth.required' } });
  });

  it('a revoked invitation: its socket is told session:revoked and disconnected; its cookie is refused (auth.revoked)', async () => {
    const officeCookie = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const created = await fetch(`${server.url}/api/meetings/${MEETING}/invitations`, {
      method: 'POST', headers: { cookie: officeCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'guest', participantId: 'p-guest-bund', label: 'Bund' }),
    });
    expect(created.status).toBe(201);
    const inv = (await created.json()) as { id: string; url: string; token: string };
    const list = (await (await fetch(`${server.url}/api/meetings/${MEETING}/invitations`, { headers: { cookie: officeCookie } })).json()) as { id: string }[];
    expect(list.map((i) => i.id)).toContain(inv.id);
    expect(JSON.stringify(list)).not.toContain(inv.token);

    const guestCookie = await redeem(server.url, inv.token);
    const guest = track(connect(server.url, { cookie: guestCookie }));
    await connected(guest);
    const me = await (await fetch(`${server.url}/api/me`, { headers: { cookie: guestCookie } })).json();
    expect(me).toMatchObject({ role: 'guest', meetingId: MEETING, label: 'Bund' });

    const told = new Promise<string>((resolve) => guest.on('session:revoked', (m) => resolve(m.code)));
    const gone = new Promise<void>((resolve) => guest.on('disconnect', () => resolve()));
    const del = await fetch(`${server.url}/api/invitations/${inv.id}`, { method: 'DELETE', headers: { cookie: officeCookie } });
    expect(del.status).toBe(200);
    expect(await told).toBe('auth.revoked');
    await gone;
    const again = track(connect(server.url, { cookie: guestCookie }));
    expect(await handshakeOutcome(again)).toBe('auth.revoked');
    const redeemAgain = await fetch(`${server.url}/i/${inv.token}`, { method: 'POST', redirect: 'manual', headers: { origin: server.url } });
    expect(redeemAgain.headers.get('location')).toBe('/invalid-link');
  });

  it('R-GST-1: a delegate sending a chair command is refused auth.forbidden; a guest voting is refused', async () => {
    const links = delegateLinks(server.links);
    const chair = track(await login(server, linkFor(server.links, 'chair')));
    const delegates = await Promise.all(links.slice(0, 11).map((l) => login(server, l)));
    delegates.forEach(track);
    await must(chair, { type: 'openSession' });
    for (const d of delegates) await must(d, { type: 'checkIn', mode: 'room' });
    const before = await seq();
    const forbidden = await send(delegates[0], { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    expect(forbidden).toMatchObject({ error: { code: 'auth.forbidden' } });

    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
    const afterOpen = await seq();
    const officeCookie = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const inv = (await (await fetch(`${server.url}/api/meetings/${MEETING}/invitations`, {
      method: 'POST', headers: { cookie: officeCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'guest', participantId: 'p-guest-bund', label: 'Bund 2' }),
    })).json()) as { url: string };
    const guest = track(await login(server, inv));
    const vote = await send(guest, { type: 'castVote', voteId, land: 'BE', choice: 'yes' });
    expect(vote).toMatchObject({ error: { code: 'auth.notEntitled', rule: 'R-GST-1' } });
    // A delegate voting for another Land.
    const other = await send(delegates[0], { type: 'castVote', voteId, land: landOf(links[5]), choice: 'yes' });
    expect('error' in other).toBe(true);
    expect(await seq()).toBe(afterOpen);
    expect(afterOpen).toBe(before + 1);
  });

  it('malformed and unknown messages get command.invalid / command.unknown; an oversized one closes only that socket', async () => {
    const d = track(await login(server, delegateLinks(server.links)[12]));
    const bystander = track(await login(server, delegateLinks(server.links)[13]));
    const before = await seq();
    const bad = await d.timeout(5000).emitWithAck('meeting:command', { meetingId: MEETING, key: 'short', command: {} } as never);
    expect(bad).toEqual({ error: { code: 'command.invalid' } });
    const invalidCommand = await send(d, { type: 'castVote', voteId: 7, land: 'XX', choice: 'maybe' });
    expect(invalidCommand).toMatchObject({ error: { code: 'command.invalid' } });
    const unknown = await (d as unknown as { timeout(ms: number): { emitWithAck(ev: string, x: unknown): Promise<unknown> } })
      .timeout(5000).emitWithAck('meeting:drop', {});
    expect(unknown).toMatchObject({ error: { code: 'command.unknown' } });
    const noAck = new Promise<string>((resolve) => d.once('meeting:error', (e) => resolve(e.code)));
    d.emit('meeting:command', 42 as never, undefined as never);
    expect(await noAck).toBe('command.invalid');

    const closed = new Promise<string>((resolve) => d.once('disconnect', (reason) => resolve(reason)));
    // Over MAX_MESSAGE_BYTES (64 KB): the server closes this connection, and only this one.
    d.emit('meeting:command', { meetingId: MEETING, key: newKey(), command: { type: 'addDeclaration', itemId: 'top-2a', text: 'x'.repeat(70_000) } }, () => undefined);
    expect(await closed).toMatch(/close/);
    expect(bystander.connected).toBe(true);
    expect((await joinMeeting(bystander, await seq())).hasOwnProperty('data')).toBe(true);
    expect(await seq()).toBe(before);
  });

  it('flooding is refused rate.limited, nothing appended', async () => {
    const d = track(await login(server, delegateLinks(server.links)[14]));
    const before = await seq();
    const acks = await Promise.all(Array.from({ length: 40 }, () => send(d, { type: 'requestFloor', participantId: 'someone-else' })));
    const codes = acks.map((a) => ('error' in a ? a.error.code : 'ok'));
    expect(codes).toContain('rate.limited');
    expect(codes.filter((c) => c !== 'rate.limited' && c !== 'auth.forbidden')).toEqual([]);
    expect(await seq()).toBe(before);
  });
});
