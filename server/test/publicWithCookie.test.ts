import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, handshakeOutcome, joinMeeting, landOf, linkFor, login, MEETING, must, openAndCheckIn, redeem,
  startTestServer, tokenOf, type Client, type TestServer,
} from './helpers.ts';

/**
 * The public page (/public/:meetingId) connects with `auth: {public: true}`. A browser may still
 * hold a cookie: of another role (a delegate opening the public link) or a revoked one. The page
 * shows what its URL says: the public view, under R-SES-4, never the cookie's role.
 */
describe('R-SES-4: a public viewer with a cookie in the browser', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  afterAll(async () => { closeAll(sockets); await server.stop(); });

  it('joins as public (refused while not public, public once decided), acts as nobody, and a bad cookie does not block it', async () => {
    server = await startTestServer();
    const links = delegateLinks(server.links);
    const delegateCookie = await redeem(server.url, tokenOf(links[0]));

    // Not public yet: the delegate's cookie does not let the public page in as the delegate.
    const early = connect(server.url, { cookie: delegateCookie, auth: { public: true } });
    sockets.push(early);
    await connected(early);
    expect(await joinMeeting(early)).toMatchObject({ error: { code: 'session.notPublic' } });

    // The same cookie without the flag is the delegate (the delegate's own page).
    const own = connect(server.url, { cookie: delegateCookie });
    sockets.push(own);
    await connected(own);
    expect(await joinMeeting(own)).toMatchObject({ data: { role: 'delegate' } });

    // A cookie the server does not know is refused for a participant, not for the public page.
    expect(await handshakeOutcome(connect(server.url, { cookie: 'plenum_session=stale-or-revoked' }))).not.toBe('connected');
    const stale = connect(server.url, { cookie: 'plenum_session=stale-or-revoked', auth: { public: true } });
    sockets.push(stale);
    expect(await handshakeOutcome(stale)).toBe('connected');

    // Made public by a recorded decision: the public page joins as 'public' and cannot act.
    const chair = await login(server, linkFor(server.links, 'chair'));
    const delegates = await Promise.all(links.map((l) => login(server, l)));
    sockets.push(chair, ...delegates);
    await openAndCheckIn(chair, delegates);
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'setPublic', public: true } });
    const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
    await Promise.all(delegates.map((d, i) => must(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: 'yes' })));
    await must(chair, { type: 'closeVote', voteId });

    const viewer = connect(server.url, { cookie: delegateCookie, auth: { public: true } });
    sockets.push(viewer);
    await connected(viewer);
    expect(await joinMeeting(viewer)).toMatchObject({ data: { role: 'public', participantId: null } });
    const tried = await (viewer as unknown as { timeout(n: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } })
      .timeout(5000).emitWithAck('meeting:command', { meetingId: MEETING, key: 'public-cookie-1', command: { type: 'checkIn', mode: 'room' } });
    expect(tried).toEqual({ error: { code: 'auth.required' } });
  });
});
