import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, joinMeeting, landOf, linkFor, login, MEETING, Mirror, must, newKey, redeem, send,
  startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

describe('reconnect and resync: the client state equals the server state', () => {
  let server: TestServer;
  const sockets: Client[] = [];
  afterAll(async () => { closeAll(sockets); await server.stop(); });

  it('mid-vote transport loss, then a server restart: catch-up by lastSeq, and a retried key gets its first answer', async () => {
    server = await startTestServer();
    const links = delegateLinks(server.links);
    const chairLink = linkFor(server.links, 'chair');
    const chair = await login(server, chairLink);
    const delegates = await Promise.all(links.map((l) => login(server, l)));
    sockets.push(chair, ...delegates);
    await must(chair, { type: 'openSession' });
    await Promise.all(delegates.map((d) => must(d, { type: 'checkIn', mode: 'remote' })));
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-6', paragraph: null } });
    const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;

    // A delegate phone with automatic reconnection, mirroring the state by evolve.
    const cookie = await redeem(server.url, tokenOf(links[0]));
    const phone = connect(server.url, { cookie, reconnect: true });
    sockets.push(phone);
    await connected(phone);
    const mirror = new Mirror(phone);
    await mirror.join();
    phone.on('connect', () => { void mirror.join(); }); // on every reconnect: say lastSeq, get what is missing

    // Cut the transport, vote while it is down, let it reconnect.
    const reconnected = new Promise<void>((resolve) => phone.io.once('reconnect', () => resolve()));
    phone.io.engine.close();
    await Promise.all(delegates.slice(1, 9).map((d, i) => must(d, { type: 'castVote', voteId, land: landOf(links[i + 1]), choice: 'yes' })));
    await reconnected;
    const runtime = (await server.registry.get(MEETING))!;
    await waitFor(() => mirror.state.seq === runtime.seq, 'mirror to catch up after reconnect');
    expect(mirror.state).toEqual(runtime.current);

    // A vote acknowledged before the restart, retried with the same key after it.
    const key = newKey();
    const cast = { type: 'castVote', voteId, land: landOf(links[0]), choice: 'no' } as const;
    const first = await send(phone, cast, key);
    expect('data' in first).toBe(true);
    await waitFor(() => mirror.state.seq === runtime.seq, 'mirror to see own vote');

    // Restart on the same data folder (new port); the server rebuilds state from the log.
    closeAll(sockets);
    const dataDir = server.dataDir;
    await server.stop(false);
    server = await startTestServer({ dataDir });
    expect(server.links).toEqual([]); // the demo is not recreated
    const chair2 = await login(server, chairLink);
    const again = connect(server.url, { cookie }); // sessions survive the restart
    sockets.push(chair2, again);
    await connected(again);
    const mirror2 = new Mirror(again);
    mirror2.state = mirror.state;
    await must(chair2, { type: 'closeVote', voteId }); // happens while the phone is away
    await mirror2.join();
    const runtime2 = (await server.registry.get(MEETING))!;
    expect(mirror2.state.seq).toBe(runtime2.seq);
    expect(mirror2.state).toEqual(runtime2.current);
    expect(mirror2.state.votes[voteId].status).toBe('closed');

    const retried = await send(again, cast, key);
    expect(retried).toEqual({ data: { ...(first as { data: object }).data, duplicate: true } });
    expect(runtime2.seq).toBe(mirror2.state.seq);
  });

  it('a client ahead of the server (server data reset) gets a snapshot', async () => {
    const fresh = await startTestServer();
    try {
      const d = await login(fresh, delegateLinks(fresh.links)[3]);
      sockets.push(d);
      const res = await joinMeeting(d, 1_000_000);
      expect('data' in res && res.data.catchUp.kind).toBe('snapshot');
      const runtime = (await fresh.registry.get(MEETING))!;
      if ('data' in res && res.data.catchUp.kind === 'snapshot') expect(res.data.catchUp.state).toEqual(runtime.current);
      const resync = await d.timeout(5000).emitWithAck('meeting:resync', { meetingId: MEETING, lastSeq: runtime.seq - 2 });
      expect('data' in resync && resync.data.catchUp.kind === 'events' && resync.data.catchUp.events.map((e: { seq: number }) => e.seq)).toEqual([runtime.seq - 1, runtime.seq]);
    } finally {
      await fresh.stop();
    }
  });
});
