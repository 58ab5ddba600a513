import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect, connected, joinMeeting, linkFor, MEETING, redeem, send, startTestServer, tokenOf, waitFor, type TestServer,
} from './helpers.ts';

const logout = (server: TestServer, cookie: string) =>
  fetch(`${server.url}/api/logout`, { method: 'POST', headers: { cookie, origin: server.url } });

describe('logout ends the live socket of that session', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server?.stop(); });

  it('POST /api/logout: the session\'s socket hears session:revoked and is disconnected; nothing is appended', async () => {
    const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    const socket = connect(server.url, { cookie });
    await connected(socket);
    expect('data' in (await joinMeeting(socket))).toBe(true);
    const revoked: string[] = [];
    socket.on('session:revoked', (m) => revoked.push(m.code));
    const before = (await server.registry.get(MEETING))!.seq;
    expect((await logout(server, cookie)).status).toBe(204);
    await waitFor(() => !socket.connected, 'the logged-out socket to be disconnected');
    expect(revoked).toEqual(['auth.revoked']);
    expect((await server.registry.get(MEETING))!.seq).toBe(before);
    socket.close();
  });

  it('a command on a socket whose session has ended is refused auth.revoked, even before it is disconnected', async () => {
    const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-HE-member')));
    const socket = connect(server.url, { cookie });
    await connected(socket);
    expect('data' in (await joinMeeting(socket))).toBe(true);
    // End the session in the store only (no socket notice), as a logout racing an in-flight command would.
    await server.invitations.logout(cookie.split('=')[1]);
    const before = (await server.registry.get(MEETING))!.seq;
    const res = await send(socket, { type: 'giveRecordingConsent' });
    expect('error' in res && res.error.code).toBe('auth.revoked');
    expect((await server.registry.get(MEETING))!.seq).toBe(before);
    socket.close();
  });
});
