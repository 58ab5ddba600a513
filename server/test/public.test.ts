import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, joinMeeting, landOf, linkFor, login, MEETING, Mirror, must, openAndCheckIn, startTestServer,
  waitFor, type Client, type TestServer,
} from './helpers.ts';

describe('R-SES-4: public followers', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  afterAll(async () => { closeAll(sockets); await server.stop(); });

  it('follow only after a recorded decision makes the session public, and are told and disconnected when it stops', async () => {
    server = await startTestServer();
    const links = delegateLinks(server.links);
    const chair = await login(server, linkFor(server.links, 'chair'));
    const delegates = await Promise.all(links.map((l) => login(server, l)));
    sockets.push(chair, ...delegates);
    await openAndCheckIn(chair, delegates);

    const decide = async (isPublic: boolean) => {
      const opened = await must(chair, { type: 'openVote', motion: { kind: 'setPublic', public: isPublic } });
      const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
      await Promise.all(delegates.map((d, i) => must(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: 'yes' })));
      return must(chair, { type: 'closeVote', voteId });
    };

    const early = connect(server.url);
    sockets.push(early);
    await connected(early);
    expect(await joinMeeting(early)).toMatchObject({ error: { code: 'session.notPublic' } });

    await decide(true);
    const follower = connect(server.url);
    sockets.push(follower);
    await connected(follower);
    const mirror = new Mirror(follower);
    const joined = await mirror.join();
    expect(joined.role).toBe('public');
    expect(mirror.state.session?.public).toBe(true);
    expect(await (follower as unknown as { timeout(n: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } })
      .timeout(5000).emitWithAck('meeting:command', { meetingId: MEETING, key: 'public-try-1', command: { type: 'openSession' } }))
      .toEqual({ error: { code: 'auth.required' } });

    const told = new Promise<string>((resolve) => follower.on('meeting:error', (e) => resolve(e.code)));
    const gone = new Promise<void>((resolve) => follower.on('disconnect', () => resolve()));
    await decide(false);
    expect(await told).toBe('session.notPublic');
    await gone;
    // The follower saw the decision that ended publicity, then nothing more.
    await waitFor(() => mirror.state.session?.public === false, 'follower to see PublicSwitched(false)');
  });
});
