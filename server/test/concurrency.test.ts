import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, landOf, linkFor, login, MEETING, must, newKey, openAndCheckIn, redeem, send, startTestServer,
  tokenOf, type Client, type TestServer,
  readMeeting,
} from './helpers.ts';

describe('concurrency: one command at a time per meeting', () => {
  let server: TestServer;
  let chair: Client;
  let delegates: Client[];
  const sockets: Client[] = [];

  beforeAll(async () => {
    // 100 messages of one person at once: above the per-person rate limit, which is not what this tests.
    server = await startTestServer({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
    chair = await login(server, linkFor(server.links, 'chair'));
    delegates = await Promise.all(delegateLinks(server.links).map((l) => login(server, l)));
    sockets.push(chair, ...delegates);
    await openAndCheckIn(chair, delegates);
  });
  afterAll(async () => {
    closeAll(sockets);
    await server.stop();
  });

  const openVote = async (itemId: string) => {
    const r = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId, paragraph: null } });
    return (r.events[0].event as EventOf<'VoteOpened'>).voteId;
  };
  const runtime = async () => (await server.registry.get(MEETING))!;

  it('R-MEM-2: 100 concurrent repeats of one idempotency key append exactly one event', async () => {
    const voteId = await openVote('top-2a');
    const link = delegateLinks(server.links)[0];
    // Four sockets of the same delegate session, 25 sends each, all at once.
    const cookie = await redeem(server.url, tokenOf(link));
    const extra = Array.from({ length: 4 }, () => connect(server.url, { cookie }));
    sockets.push(...extra);
    await Promise.all(extra.map(connected));
    const before = (await runtime()).seq;
    const key = newKey();
    const command = { type: 'castVote', voteId, land: landOf(link), choice: 'yes' } as const;
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => send(extra[i % 4], command, key)));

    expect(acks.every((a) => 'data' in a)).toBe(true);
    const data = acks.map((a) => ('data' in a ? a.data : null)!);
    expect(data.filter((d) => !d.duplicate)).toHaveLength(1);
    expect(data.filter((d) => d.duplicate)).toHaveLength(99);
    expect(new Set(data.map((d) => d.seq))).toEqual(new Set([before + 1]));
    expect((await runtime()).seq).toBe(before + 1);
    const rows = await readMeeting(server, before);
    expect(rows.map((r) => r.event.type)).toEqual(['VoteCast']);

    // Same key, different payload: refused, nothing appended.
    const reused = await send(extra[0], { ...command, choice: 'no' }, key);
    expect(reused).toEqual({ error: { code: 'idempotency.keyReused' } });
    expect((await runtime()).seq).toBe(before + 1);
    await must(chair, { type: 'closeVote', voteId });
  });

  it('R-VOT-5: 50 votes racing a close are each either counted and acked, or refused vote.closed', async () => {
    const voteId = await openVote('top-5');
    const links = delegateLinks(server.links);
    const choices = ['yes', 'no', 'abstain'] as const;
    const casts = Array.from({ length: 50 }, (_, i) => {
      const d = i % 16;
      return { socket: delegates[d], command: { type: 'castVote', voteId, land: landOf(links[d]), choice: choices[(i * 7) % 3] } as const };
    });
    // Sent without waiting: the close goes out among the casts, so some land before and some after it.
    const first = casts.slice(0, 25).map((c) => send(c.socket, c.command));
    await Promise.race(first);
    const closeAck = send(chair, { type: 'closeVote', voteId });
    const rest = casts.slice(25).map((c) => send(c.socket, c.command));
    const settled = await Promise.all([...first, ...rest]);
    const close = await closeAck;
    expect('data' in close).toBe(true);

    const acked = settled.filter((a) => a && 'data' in a).map((a) => (a as { data: { seq: number } }).data.seq);
    const refused = settled.filter((a) => a && 'error' in a).map((a) => (a as { error: { code: string } }).error.code);
    expect(acked.length + refused.length).toBe(50);
    expect(new Set(refused)).toEqual(refused.length ? new Set(['vote.closed']) : new Set());

    const log = await readMeeting(server, 0);
    const counted = log.filter((e) => e.event.type === 'VoteCast' && e.event.voteId === voteId).map((e) => e.seq);
    expect(counted.sort((a, b) => a - b)).toEqual([...acked].sort((a, b) => a - b));
    const closedAt = log.find((e) => e.event.type === 'VoteClosed' && e.event.voteId === voteId)!.seq;
    expect(counted.every((s) => s < closedAt)).toBe(true);
    // The closed tally is the last acknowledged choice per Land.
    const last: Record<string, string> = {};
    for (const e of log) if (e.event.type === 'VoteCast' && e.event.voteId === voteId) last[e.event.land] = e.event.choice;
    const closed = log.find((e) => e.seq === closedAt)!.event as EventOf<'VoteClosed'>;
    for (const [land, choice] of Object.entries(closed.choices)) expect(choice).toBe(last[land] ?? null);
    console.log(`race: ${acked.length} acked and counted, ${refused.length} refused vote.closed`);
  });
});
