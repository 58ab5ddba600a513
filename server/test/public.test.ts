import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, joinMeeting, landOf, linkFor, login, MEETING, Mirror, must, openAndCheckIn, startTestServer,
  waitFor, type Client, type TestServer,
} from './helpers.ts';

describe('R-SES-4: public followers', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  afterAll(async () => { closeAll(sockets); await server.stop(); });

  it('follow only after a recorded decision makes the session public, get the projection (never events), and are told and disconnected when it stops', async () => {
    server = await startTestServer();
    const links = delegateLinks(server.links);
    const chair = await login(server, linkFor(server.links, 'chair'));
    const delegates = await Promise.all(links.map((l) => login(server, l)));
    sockets.push(chair, ...delegates);
    await openAndCheckIn(chair, delegates);

    const openVote = async (motion: Record<string, unknown>) =>
      (await must(chair, { type: 'openVote', motion } as never)).events.map((e) => e.event).find((e): e is EventOf<'VoteOpened'> => e.type === 'VoteOpened')!.voteId;
    const decide = async (isPublic: boolean) => {
      const voteId = await openVote({ kind: 'setPublic', public: isPublic });
      await Promise.all(delegates.map((d, i) => must(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: 'yes' })));
      return { voteId, closed: await must(chair, { type: 'closeVote', voteId }) };
    };

    const early = connect(server.url);
    sockets.push(early);
    await connected(early);
    expect(await joinMeeting(early)).toMatchObject({ error: { code: 'session.notPublic' } });

    // A round before the switch: its result stays non-public.
    const before = await openVote({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
    await Promise.all(delegates.map((d, i) => must(d, { type: 'castVote', voteId: before, land: landOf(links[i]), choice: 'no' })));
    await must(chair, { type: 'closeVote', voteId: before });
    const switched = await decide(true);

    const follower = connect(server.url);
    sockets.push(follower);
    await connected(follower);
    let events = 0;
    follower.on('meeting:events', () => { events += 1; });
    const mirror = new Mirror(follower);
    const joined = await mirror.join();
    expect(joined.role).toBe('public');
    expect(joined.catchUp.kind).toBe('public');
    const joinBytes = JSON.stringify(joined.catchUp);
    expect(joinBytes).not.toContain(before);
    expect(joinBytes).not.toContain(switched.voteId);
    expect(mirror.projection).toMatchObject({ seq: switched.closed.seq, vote: null, outcomes: [], attendance: { presentLands: 16, quorate: true } });
    expect(await (follower as unknown as { timeout(n: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } })
      .timeout(5000).emitWithAck('meeting:command', { meetingId: MEETING, key: 'public-try-1', command: { type: 'openSession' } }))
      .toEqual({ error: { code: 'auth.required' } });

    // A round of the public part: the follower sees who has voted, never how, until the close.
    const open = await openVote({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
    let last = 0;
    for (const [i, d] of delegates.slice(0, 3).entries()) last = (await must(d, { type: 'castVote', voteId: open, land: landOf(links[i]), choice: 'yes' })).seq;
    await waitFor(() => (mirror.projection?.seq ?? 0) >= last, 'the projection with the third cast');
    expect(mirror.projection!.vote).toMatchObject({ id: open, status: 'open', voted: links.slice(0, 3).map(landOf), choices: null, explanation: null });
    const seqs = mirror.projections.map((p) => p.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events).toBe(0);

    // A follower that comes (back) later gets the latest projection at once.
    const late = new Mirror(connect(server.url));
    sockets.push(late.socket);
    await connected(late.socket);
    await late.join();
    expect(late.projection).toEqual(mirror.projection);

    await must(chair, { type: 'cancelVote', voteId: open });
    const told = new Promise<string>((resolve) => follower.on('meeting:error', (e) => resolve(e.code)));
    const gone = new Promise<void>((resolve) => follower.on('disconnect', () => resolve()));
    const off = await decide(false);
    expect(await told).toBe('session.notPublic');
    await gone;
    // Nothing computed after publicity ended reached the follower.
    expect(mirror.projections.every((p) => p.seq < off.closed.seq)).toBe(true);
    expect(events).toBe(0);
  });
});
