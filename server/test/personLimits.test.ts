import { DEMO_MEETING_ID } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, handshakeOutcome, linkFor, login, redeem, send, startTestServer, tokenOf,
  openAndCheckIn, waitFor, type Client, type TestServer,
} from './helpers.ts';

type Answer = { data?: unknown; error?: { code: string } };
const garbage = (socket: Client): Promise<Answer> =>
  socket.timeout(20_000).emitWithAck('meeting:command', { not: 'a command' } as never) as Promise<Answer>;

async function openMany(server: TestServer, cookie: string | undefined, n: number): Promise<{ sockets: Client[]; outcomes: string[] }> {
  const sockets: Client[] = [];
  const outcomes: string[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => connect(server.url, { cookie }));
    sockets.push(...batch);
    outcomes.push(...(await Promise.all(batch.map(handshakeOutcome))));
  }
  return { sockets, outcomes };
}
const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

describe('F5: limits per person and per address, not per socket', () => {
  it('one cookie cannot open 1,000 sockets: 10 connect, 990 are refused with limit.connections; closing one frees a place', async () => {
    const server = await startTestServer();
    try {
      const cookie = await redeem(server.url, tokenOf(delegateLinks(server.links)[0]));
      const { sockets, outcomes } = await openMany(server, cookie, 1_000);
      expect(count(outcomes, 'connected')).toBe(10);
      expect(count(outcomes, 'limit.connections')).toBe(990);
      const open = sockets.filter((s) => s.connected);
      open[0].disconnect();
      await waitFor(() => server.metrics.sockets === 9, 'the server to see the close');
      const again = connect(server.url, { cookie });
      expect(await handshakeOutcome(again)).toBe('connected');
      closeAll([...sockets, again]);
    } finally { await server.stop(); }
  }, 180_000);

  it('one address is capped too (public followers without a cookie): socketsPerIp', async () => {
    const server = await startTestServer({ limits: { socketsPerIp: 25 } });
    try {
      const { sockets, outcomes } = await openMany(server, undefined, 60);
      expect(count(outcomes, 'connected')).toBe(25);
      expect(count(outcomes, 'limit.connections')).toBe(35);
      closeAll(sockets);
    } finally { await server.stop(); }
  });

  it('five sockets of one person share one allowance: 100 messages over 5 sockets → about one burst accepted, the rest rate.limited', async () => {
    const server = await startTestServer({ rateLimit: { perSecond: 1, burst: 10 } });
    try {
      const cookie = await redeem(server.url, tokenOf(delegateLinks(server.links)[0]));
      const sockets = Array.from({ length: 5 }, () => connect(server.url, { cookie }));
      await Promise.all(sockets.map(connected));
      const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => garbage(sockets[i % 5])));
      const passed = answers.filter((a) => a.error?.code === 'command.invalid').length;
      const limited = answers.filter((a) => a.error?.code === 'rate.limited').length;
      expect(passed + limited).toBe(100);
      // Per socket the old limit let 5 × 10 through; per person it is one burst of 10 (plus a refill at most).
      expect(passed).toBeGreaterThanOrEqual(10);
      expect(passed).toBeLessThan(20);
      // Another person is not affected.
      const other = await login(server, delegateLinks(server.links)[1]);
      expect((await garbage(other)).error?.code).toBe('command.invalid');
      closeAll([...sockets, other]);
    } finally { await server.stop(); }
  });

  it('snapshot requests (join, resync) are capped per person: 3 sockets × 20 joins → snapshotsPerMinute answered, the rest rate.limited', async () => {
    const server = await startTestServer({ limits: { snapshotsPerMinute: 12 }, rateLimit: { perSecond: 1000, burst: 1000 } });
    try {
      const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'screen')));
      const sockets = Array.from({ length: 3 }, () => connect(server.url, { cookie }));
      await Promise.all(sockets.map(connected));
      const join = (s: Client) => s.timeout(20_000).emitWithAck('meeting:join', { protocol: 1, meetingId: DEMO_MEETING_ID, lastSeq: null }) as Promise<Answer>;
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => join(sockets[i % 3])));
      expect(answers.filter((a) => a.data).length).toBe(12);
      expect(answers.filter((a) => a.error?.code === 'rate.limited').length).toBe(48);
      closeAll(sockets);
    } finally { await server.stop(); }
  });

  it('large messages do not starve others: a flood of 60 KB messages is cut off with rate.bytes, unparsed, while every request of the others is answered', async () => {
    const server = await startTestServer({ rateLimit: { perSecond: 1000, burst: 1000 } });
    try {
      const chair = await login(server, linkFor(server.links, 'chair'));
      const links = delegateLinks(server.links);
      const delegates = await Promise.all(links.slice(0, 12).map((l) => login(server, l)));
      await openAndCheckIn(chair, delegates);
      const attacker = await login(server, linkFor(server.links, 'screen'));
      const refusals: string[] = [];
      attacker.on('meeting:error', (e) => refusals.push(e.code));
      let answered = 0;
      const big = { meetingId: DEMO_MEETING_ID, key: 'x'.repeat(60_000), command: { type: 'checkIn', mode: 'room' } };
      for (let i = 0; i < 200; i++) attacker.emit('meeting:command', big as never, () => { answered += 1; });
      const disconnected = new Promise<string>((r) => attacker.once('disconnect', (reason) => r(reason)));
      // Meanwhile the others keep working: every request is answered with data.
      const acks = await Promise.all(delegates.flatMap((d) => [send(d, { type: 'requestFloor' })]));
      expect(await disconnected).toBe('io server disconnect');
      expect(refusals).toContain('rate.bytes');
      // 200 × 60 KB = 12 MB were sent; the budget (512 KB burst) let about 8 through to the parser.
      expect(answered).toBeLessThan(20);
      expect(acks.filter((a) => 'data' in a)).toHaveLength(12);
      closeAll([chair, ...delegates, attacker]);
    } finally { await server.stop(); }
  });

  it('REST is limited per address and per session: beyond the allowance → 429 rate.limited', async () => {
    const server = await startTestServer({ restPerMinute: { perIp: 1000, perSession: 20 } });
    try {
      const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
      const codes = await Promise.all(Array.from({ length: 30 }, () => fetch(`${server.url}/api/me`, { headers: { cookie } }).then((r) => r.status)));
      expect(codes.filter((c) => c === 200)).toHaveLength(20);
      const limited = await fetch(`${server.url}/api/me`, { headers: { cookie } });
      expect(limited.status).toBe(429);
      expect(await limited.json()).toEqual({ error: { code: 'rate.limited' } });
      // Without the cookie, the address still has its own allowance.
      expect((await fetch(`${server.url}/api/me`)).status).toBe(401);
    } finally { await server.stop(); }
    const byIp = await startTestServer({ restPerMinute: { perIp: 15, perSession: 1000 } });
    try {
      const codes = await Promise.all(Array.from({ length: 20 }, () => fetch(`${byIp.url}/api/me`).then((r) => r.status)));
      expect(codes.filter((c) => c === 401)).toHaveLength(15);
      expect(codes.filter((c) => c === 429)).toHaveLength(5);
    } finally { await byIp.stop(); }
  });
});
