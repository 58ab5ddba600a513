import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Choice, EventOf } from '@plenum/shared';
import {
  connect, connected, delegateLinks, landOf, MEETING, linkFor, login, Mirror, must, openAndCheckIn, send, startTestServer, type Client, type TestServer,
} from '../server/test/helpers.ts';
import { createTestDatabase, dropTestDatabase } from '../server/test/storage/postgres-database.ts';
import { dropRedisPrefix, REDIS_TEST_URL, testRedisPrefix } from '../server/test/cluster/services.ts';

/**
 * Cluster figures beside a single node, in one run (docs/performance.md, issue 14):
 *
 *   node --import tsx bench/cluster.ts [--followers 500] [--casts 40] [--rate 4] [--seconds 5]
 *
 * Every node runs in this process (each its own pool, state, Socket.IO server and Redis clients),
 * and so do the clients: on a 2-core machine shared with others, this is a comparison of the
 * same work done three ways, not a capacity figure.
 *
 * 1. Fan-out: `--followers` public followers and the screen, `--casts` casts at `--rate`/s (open
 *    loop): 1 node (PostgreSQL, no Redis) vs 2 nodes (PostgreSQL + Redis), followers and delegates
 *    split over the nodes. Ack latency (cast → ack), follower latency (cast → the first projection
 *    at or after its seq), the other node's live room (cast → the event on a screen on the other
 *    node), and the process CPU per cast.
 * 2. Durable votes/s: 16 delegates back to back for `--seconds`: SQLite, PostgreSQL, PostgreSQL on 2 nodes.
 */
const { values } = parseArgs({
  options: {
    followers: { type: 'string', default: '500' }, casts: { type: 'string', default: '40' }, rate: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '5' },
  },
});
const FOLLOWERS = Number(values.followers);
const CASTS = Number(values.casts);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);

const pct = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN; };
const ms = (x: number) => x.toFixed(1);

interface Setup { nodes: TestServer[]; cleanup: () => Promise<void> }

async function setup(kind: 'sqlite' | 'pg1' | 'pg2'): Promise<Setup> {
  if (kind === 'sqlite') {
    const n = await startTestServer({ rateLimit: { perSecond: 10_000, burst: 10_000 }, limits: { socketsPerIp: 100_000, snapshotsPerMinute: 100_000 } });
    return { nodes: [n], cleanup: () => n.stop() };
  }
  const db = await createTestDatabase();
  const prefix = testRedisPrefix();
  const common = {
    store: 'postgres' as const, databaseUrl: db.url, rateLimit: { perSecond: 10_000, burst: 10_000 },
    limits: { socketsPerIp: 100_000, snapshotsPerMinute: 100_000 },
    ...(kind === 'pg2' ? { redisUrl: REDIS_TEST_URL, redisPrefix: prefix } : {}),
  };
  const nodes = [await startTestServer(common)];
  if (kind === 'pg2') nodes.push(await startTestServer({ ...common, demo: false }));
  return {
    nodes,
    async cleanup() { for (const n of nodes.reverse()) await n.stop(); await dropTestDatabase(db.name); await dropRedisPrefix(prefix); },
  };
}

/** Chair on node 0, delegates round-robin over the nodes, the session open, public, with a round open. */
async function prepare(nodes: TestServer[]) {
  const links = nodes[0]!.links;
  const chair = await login(nodes[0]!, linkFor(links, 'chair'));
  const delegates = await Promise.all(delegateLinks(links).map(async (l, i) => ({ land: landOf(l), socket: await login(nodes[i % nodes.length]!, l) })));
  await openAndCheckIn(chair, delegates.map((d) => d.socket));
  const openVote = async (motion: Record<string, unknown>) =>
    (await must(chair, { type: 'openVote', motion } as never)).events.map((e) => e.event).find((e): e is EventOf<'VoteOpened'> => e.type === 'VoteOpened')!.voteId;
  const pub = await openVote({ kind: 'setPublic', public: true });
  await Promise.all(delegates.map((d) => must(d.socket, { type: 'castVote', voteId: pub, land: d.land, choice: 'yes' })));
  await must(chair, { type: 'closeVote', voteId: pub });
  const voteId = await openVote({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
  return { chair, delegates, voteId, sockets: [chair, ...delegates.map((d) => d.socket)] };
}

async function fanout(kind: 'pg1' | 'pg2') {
  const { nodes, cleanup } = await setup(kind);
  const sockets: Client[] = [];
  try {
    const { delegates, voteId, sockets: own } = await prepare(nodes);
    sockets.push(...own);
    // A screen on the last node: with 2 nodes it sees only what the other node announced.
    const screen = new Mirror(await login(nodes.at(-1)!, linkFor(nodes[0]!.links, 'screen')));
    sockets.push(screen.socket);
    await screen.join();
    const screenAt = new Map<number, number>();
    screen.socket.on('meeting:events', (m) => { for (const e of m.events) if (!screenAt.has(e.seq)) screenAt.set(e.seq, performance.now()); });
    const followerAt: Map<number, number>[] = [];
    for (let i = 0; i < FOLLOWERS; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, FOLLOWERS - i) }, async (_, k) => {
        const s = connect(nodes[(i + k) % nodes.length]!.url);
        sockets.push(s);
        await connected(s);
        const seen = new Map<number, number>();
        followerAt.push(seen);
        s.on('meeting:public', (m) => seen.set(m.projection.seq, performance.now()));
        await s.timeout(20_000).emitWithAck('meeting:join', { protocol: 1, meetingId: MEETING, lastSeq: null } as never);
      }));
    }
    const acks: number[] = [];
    const casts: { seq: number; t0: number }[] = [];
    const cpu0 = process.cpuUsage();
    const t00 = performance.now();
    await Promise.all(Array.from({ length: CASTS }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / RATE));
      const d = delegates[i % delegates.length]!;
      const t0 = performance.now();
      const r = await send(d.socket, { type: 'castVote', voteId, land: d.land, choice: (i % 2 ? 'no' : 'yes') as Choice });
      if ('data' in r) { acks.push(performance.now() - t0); casts.push({ seq: r.data.seq, t0 }); }
    }));
    await new Promise((r) => setTimeout(r, 1500));
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - t00;
    const followerLat: number[] = [];
    for (const seen of followerAt) {
      const entries = [...seen.entries()].sort((a, b) => a[0] - b[0]);
      for (const c of casts) {
        const first = entries.find(([seq]) => seq >= c.seq);
        if (first) followerLat.push(first[1] - c.t0);
      }
    }
    const screenLat = casts.flatMap((c) => (screenAt.has(c.seq) ? [screenAt.get(c.seq)! - c.t0] : []));
    return {
      kind, acks: acks.length, ackP50: pct(acks, 0.5), ackP99: pct(acks, 0.99), followerP50: pct(followerLat, 0.5), followerP99: pct(followerLat, 0.99),
      missing: casts.length * followerAt.length - followerLat.length, screenP50: pct(screenLat, 0.5), screenP99: pct(screenLat, 0.99),
      cpuMsPerCast: (cpu.user + cpu.system) / 1000 / casts.length, cpuShare: (cpu.user + cpu.system) / 1000 / wall,
    };
  } finally {
    sockets.forEach((s) => s.disconnect());
    await cleanup();
  }
}

async function throughput(kind: 'sqlite' | 'pg1' | 'pg2') {
  const { nodes, cleanup } = await setup(kind);
  try {
    const { delegates, voteId, sockets } = await prepare(nodes);
    const acks: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(delegates.map(async (d, i) => {
      let n = 0;
      while (performance.now() < until) {
        const t0 = performance.now();
        const r = await send(d.socket, { type: 'castVote', voteId, land: d.land, choice: ((i + n++) % 2 ? 'no' : 'yes') as Choice });
        if ('data' in r) acks.push(performance.now() - t0);
      }
    }));
    sockets.forEach((s) => s.disconnect());
    return { kind, votesPerSecond: acks.length / SECONDS, ackP50: pct(acks, 0.5), ackP99: pct(acks, 0.99) };
  } finally { await cleanup(); }
}

console.log(`bench/cluster: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}; followers ${FOLLOWERS}, casts ${CASTS} at ${RATE}/s, throughput ${SECONDS} s`);
for (const kind of ['pg1', 'pg2'] as const) {
  const r = await fanout(kind);
  console.log(`fanout ${kind === 'pg1' ? '1 node ' : '2 nodes'}: acks ${r.acks}, ack p50 ${ms(r.ackP50)} p99 ${ms(r.ackP99)} ms; follower p50 ${ms(r.followerP50)} p99 ${ms(r.followerP99)} ms (missing ${r.missing}); screen on node ${kind === 'pg1' ? 1 : 2} p50 ${ms(r.screenP50)} p99 ${ms(r.screenP99)} ms; process CPU ${ms(r.cpuMsPerCast)} ms per cast (${(r.cpuShare * 100).toFixed(0)}% of a core); load ${loadavg()[0]!.toFixed(1)}`);
}
for (const kind of ['sqlite', 'pg1', 'pg2'] as const) {
  const r = await throughput(kind);
  console.log(`durable ${kind}: ${r.votesPerSecond.toFixed(0)} votes/s, ack p50 ${ms(r.ackP50)} p99 ${ms(r.ackP99)} ms; load ${loadavg()[0]!.toFixed(1)}`);
}
process.exit(0);
