import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, MEETING, landOf, linkFor, login, Mirror, must, openAndCheckIn, startTestServer, waitFor,
  type Client, type TestServer,
} from '../helpers.ts';
import { createTestDatabase, dropTestDatabase } from '../storage/postgres-database.ts';
import { TcpRelay } from '../storage/tcp-relay.ts';
import { clusterAvailability, dropRedisPrefix, REDIS_TEST_URL, testRedisPrefix } from './services.ts';

/**
 * Two equal nodes in this process (each its own pool, state, Socket.IO server and Redis clients) on
 * one fresh PostgreSQL database and one Redis prefix. Node B reaches Redis through a relay the test
 * cuts. The three-process cluster test is test/cluster/cluster.test.ts.
 */
const availability = await clusterAvailability();
if (availability.kind === 'fail') {
  describe('fan-out between nodes', () => {
    it('needs PostgreSQL and Redis in CI', () => { throw new Error(availability.message); });
  });
}

const healthz = async (node: TestServer) => (await fetch(`${node.url}/healthz`)).json() as Promise<{ status: string; fanout: string }>;

describe.skipIf(availability.kind !== 'found')('fan-out between nodes (Redis streams adapter)', () => {
  let db: { name: string; url: string };
  const prefix = testRedisPrefix();
  const relay = new TcpRelay(Number(new URL(REDIS_TEST_URL).port || 6379));
  let a: TestServer;
  let b: TestServer;
  const sockets: Client[] = [];
  let chairOnB: Mirror;
  let screenOnA: Mirror;
  let delegatesA: { socket: Client; land: string }[];
  let delegatesB: { socket: Client; land: string }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await relay.up();
    const viaRelay = new URL(REDIS_TEST_URL);
    viaRelay.port = String(relay.port);
    const common = { store: 'postgres' as const, databaseUrl: db.url, redisPrefix: prefix };
    a = await startTestServer({ ...common, redisUrl: REDIS_TEST_URL });
    b = await startTestServer({ ...common, redisUrl: viaRelay.toString(), demo: false });
    const links = delegateLinks(a.links);
    // Invitations and sessions are in PostgreSQL: a link redeemed on one node works on the other.
    const chair = await login(b, linkFor(a.links, 'chair'));
    const screen = await login(a, linkFor(a.links, 'screen'));
    chairOnB = new Mirror(chair);
    screenOnA = new Mirror(screen);
    delegatesA = await Promise.all(links.slice(0, 8).map(async (l) => ({ socket: await login(a, l), land: landOf(l) })));
    delegatesB = await Promise.all(links.slice(8).map(async (l) => ({ socket: await login(b, l), land: landOf(l) })));
    sockets.push(chair, screen, ...delegatesA.map((d) => d.socket), ...delegatesB.map((d) => d.socket));
    await chairOnB.join();
    await screenOnA.join();
  });
  afterAll(async () => {
    closeAll(sockets);
    await b?.stop();
    await a?.stop();
    await relay.down();
    if (db) await dropTestDatabase(db.name);
    await dropRedisPrefix(prefix);
  });

  const allDelegates = () => [...delegatesA, ...delegatesB];
  const openVote = async (chair: Client, motion: Record<string, unknown>) =>
    (await must(chair, { type: 'openVote', motion } as never)).events.map((e) => e.event).find((e): e is EventOf<'VoteOpened'> => e.type === 'VoteOpened')!.voteId;
  const headOf = async (node: TestServer) => (await node.registry.get(MEETING))!.seq;

  it('a commit on either node reaches the live room and the public followers of the other, in seq order; each node folds it', async () => {
    expect(await healthz(a)).toMatchObject({ status: 'ok', fanout: 'ok' });
    await openAndCheckIn(chairOnB.socket, allDelegates().map((d) => d.socket));
    const voteId = await openVote(chairOnB.socket, { kind: 'setPublic', public: true });
    await Promise.all(allDelegates().map((d) => must(d.socket, { type: 'castVote', voteId, land: d.land, choice: 'yes' })));
    const closed = await must(chairOnB.socket, { type: 'closeVote', voteId });
    await waitFor(() => screenOnA.state.seq === closed.seq, 'node A\'s screen at the close made on node B');

    const followerOnA = connect(a.url);
    const followerOnB = connect(b.url);
    sockets.push(followerOnA, followerOnB);
    await Promise.all([connected(followerOnA), connected(followerOnB)]);
    const publicA = new Mirror(followerOnA);
    const publicB = new Mirror(followerOnB);
    await publicA.join();
    await publicB.join();

    const round = await openVote(chairOnB.socket, { kind: 'resolution', itemId: 'top-2a', paragraph: null });
    const acks = await Promise.all(allDelegates().map((d, i) => must(d.socket, { type: 'castVote', voteId: round, land: d.land, choice: i % 3 === 0 ? 'no' : 'yes' })));
    const last = Math.max(...acks.map((r) => r.seq));
    await waitFor(() => chairOnB.state.seq === last && screenOnA.state.seq === last, 'both live rooms at the last cast');
    // Mirror.apply throws on a gap: both got every event, in order, once.
    expect(chairOnB.received.map((e) => e.seq)).toEqual(screenOnA.received.map((e) => e.seq));
    expect(await headOf(a)).toBe(last);
    expect(await headOf(b)).toBe(last);
    // Each node computes its own public projection for its own followers.
    await waitFor(() => publicA.projection?.seq === last && publicB.projection?.seq === last, 'both nodes\' followers at the last cast');
    expect(publicB.projection).toEqual(publicA.projection);
    expect(publicB.projection?.vote).toMatchObject({ id: round });
    expect(publicB.projection?.vote?.voted).toHaveLength(16);
  });

  it('Redis away: /healthz says degraded, commands on both nodes still commit, and each node\'s clients catch up (from the log, and at once when Redis is back)', async () => {
    const voteId = chairOnB.state.openVoteId!;
    await relay.down();
    await waitFor(async () => (await healthz(b)).status === 'degraded', 'node B degraded', 10_000);
    expect(await healthz(b)).toMatchObject({ fanout: 'degraded' });
    expect(await healthz(a)).toMatchObject({ status: 'ok' });

    // Committed on A while B cannot hear of it: B's chair gets it from B's sweep of the log.
    const onA = await must(delegatesA[0]!.socket, { type: 'castVote', voteId, land: delegatesA[0]!.land, choice: 'abstain' });
    await waitFor(() => chairOnB.state.seq >= onA.seq, 'B\'s chair catches up from the log', 10_000);
    // Committed on B while it cannot tell anyone.
    const onB = await must(delegatesB[0]!.socket, { type: 'castVote', voteId, land: delegatesB[0]!.land, choice: 'abstain' });
    expect(onB.seq).toBe(onA.seq + 1);

    await relay.up();
    await waitFor(async () => (await healthz(b)).status === 'ok', 'node B ok again', 15_000);
    // B announces what it committed meanwhile; A sees the gap and reads the log.
    await waitFor(() => screenOnA.state.seq === onB.seq, 'A\'s screen gets the vote committed on B during the outage', 15_000);
    const after = await must(delegatesA[1]!.socket, { type: 'castVote', voteId, land: delegatesA[1]!.land, choice: 'no' });
    await waitFor(() => chairOnB.state.seq === after.seq, 'notices flow again');
    expect(chairOnB.state.votes[voteId]).toEqual(screenOnA.state.votes[voteId]);
  });
});
