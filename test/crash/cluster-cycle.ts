import { createServer } from 'node:net';
import pg from 'pg';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  DEMO_MEETING_ID, PROTOCOL_VERSION, type ClientToServerEvents, type Command, type ServerToClientEvents,
} from '@plenum/shared';
import { startStickyProxy, type StickyProxy } from '../../server/src/cluster/sticky-proxy.ts';
import { verifyLog } from '../../server/src/verify/verify-log.ts';
import { openPostgresStores } from '../../server/src/store/postgres-store.ts';
import { newKey, prepare } from './cycle.ts';
import { redeemOn, startNode, stopNode, type ClusterEnv, type NodeProcess } from '../cluster/nodes.ts';

/**
 * The cluster crash test (issue 14): 3 nodes behind the sticky proxy; the chair and 16 delegates
 * vote through the proxy as fast as they can; at a random moment a random node is killed with -9.
 * Its clients reconnect through the proxy (to another node), join with their last seq, and resend
 * the command they had no answer for, with the same key. Afterwards the log is read behind the
 * nodes' backs: every acknowledged vote is there (else: lost), and no command was applied twice
 * (VoteCast events in the cycle beyond one per stored key: double-counted).
 */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const MEETING = DEMO_MEETING_ID;

export interface ClusterWorld {
  env: ClusterEnv;
  ports: number[];
  nodes: (NodeProcess | null)[];
  /** A node killed in the last cycle, starting again in the background. */
  restarting: Map<number, Promise<NodeProcess>>;
  proxy: StickyProxy;
  chairCookie: string;
  delegates: { land: string; cookie: string }[];
  pool: pg.Pool;
}

export interface ClusterCycleResult {
  acked: number;
  lost: string[];
  doubleCounted: number;
  /** ms from the kill until each client of the killed node had joined again (through the proxy, on another node). */
  reconnectMs: number[];
  killed: number;
}

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
});

export async function startClusterWorld(env: ClusterEnv, count = 3): Promise<ClusterWorld> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const proxy = await startStickyProxy(ports.map((port) => ({ host: '127.0.0.1', port })), { downMs: 500 });
  const withProxy = { ...env, publicUrl: proxy.url };
  const nodes: NodeProcess[] = [await startNode(withProxy, 0, { port: ports[0] })];
  for (let i = 1; i < count; i++) nodes.push(await startNode(withProxy, i, { port: ports[i] }));
  const invites = nodes[0]!.invites;
  const chairCookie = await redeemOn(proxy.url, invites.find((i) => i.role === 'chair')!.token);
  const delegates = [];
  for (const inv of invites.filter((i) => i.role === 'delegate')) {
    delegates.push({ land: /^p-([A-Z]{2})-member$/.exec(inv.participant)![1]!, cookie: await redeemOn(proxy.url, inv.token) });
  }
  return { env: withProxy, ports, nodes, restarting: new Map(), proxy, chairCookie, delegates, pool: new pg.Pool({ connectionString: env.databaseUrl, max: 2 }) };
}

export async function stopClusterWorld(world: ClusterWorld) {
  for (const [i, p] of world.restarting) world.nodes[i] = await p.catch(() => null);
  await Promise.all(world.nodes.map((n) => (n ? stopNode(n) : undefined)));
  await world.proxy.close();
  await world.pool.end();
}

/** A client that talks through the proxy and comes back after its node dies: reconnect, join with its last seq, resend. */
class Voter {
  socket: Client | null = null;
  lastSeq = 0;
  /** When the socket was lost (null: connected). */
  lostAt: number | null = null;
  rejoinedAfter: number[] = [];
  constructor(private readonly url: string, private readonly cookie: string) {}

  async ensure(deadline: number): Promise<Client> {
    while (!this.socket) {
      if (Date.now() > deadline) throw new Error('could not reconnect in time');
      const s = connectClient(this.url, {
        transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: this.cookie, origin: this.url },
      }) as Client;
      const ok = await new Promise<boolean>((r) => { s.once('connect', () => r(true)); s.once('connect_error', () => r(false)); });
      if (!ok) { s.close(); await new Promise((r) => setTimeout(r, 50)); continue; }
      // Resync: join with the last seq it has (the node sends what is missing).
      const joined = await s.timeout(5_000).emitWithAck('meeting:join', { protocol: PROTOCOL_VERSION, meetingId: MEETING, lastSeq: this.lastSeq || null }).catch(() => null);
      if (!joined || 'error' in joined) { s.close(); continue; }
      const c = joined.data.catchUp;
      this.lastSeq = c.kind === 'snapshot' ? c.seq : c.kind === 'events' ? (c.events.at(-1)?.seq ?? this.lastSeq) : this.lastSeq;
      s.on('meeting:events', (m) => { this.lastSeq = Math.max(this.lastSeq, m.events.at(-1)?.seq ?? 0); });
      s.on('disconnect', () => { if (this.socket === s) { this.socket = null; this.lostAt = Date.now(); } });
      if (this.lostAt !== null) { this.rejoinedAfter.push(Date.now() - this.lostAt); this.lostAt = null; }
      this.socket = s;
    }
    return this.socket;
  }

  /** Send until answered; a lost answer is resent with the same key (the queue of a real client). */
  async command(command: Command, key = newKey(), deadline = Date.now() + 30_000): Promise<{ seq: number } | { error: string }> {
    for (;;) {
      const s = await this.ensure(deadline);
      const r = await s.timeout(3_000).emitWithAck('meeting:command', { meetingId: MEETING, key, command }).catch(() => null);
      if (r && 'data' in r) return { seq: r.data.seq };
      if (r && 'error' in r && !['store.unavailable', 'internal.error'].includes(r.error.code)) return { error: r.error.code };
      if (Date.now() > deadline) throw new Error(`no answer for ${command.type} in time`);
      if (!r) { s.close(); if (this.socket === s) { this.socket = null; this.lostAt ??= Date.now(); } }
      await new Promise((res) => setTimeout(res, 20));
    }
  }

  close() { this.socket?.close(); this.socket = null; }
}

export async function runClusterCycle(world: ClusterWorld, rng: () => number): Promise<ClusterCycleResult> {
  // The node killed in the last cycle is back before the next kill.
  for (const [i, p] of world.restarting) world.nodes[i] = await p;
  world.restarting.clear();
  const chair = new Voter(world.proxy.url, world.chairCookie);
  const voters = world.delegates.map((d) => ({ land: d.land, v: new Voter(world.proxy.url, d.cookie) }));
  const acked: { key: string; seq: number; voteId: string; land: string; choice: string }[] = [];
  const sentKeys: string[] = [];
  try {
    await chair.ensure(Date.now() + 30_000);
    await Promise.all(voters.map((d) => d.v.ensure(Date.now() + 30_000)));
    const voteId = await prepare(chair.socket!, voters.map((d) => ({ land: d.land, socket: d.v.socket! })), rng);
    const { rows: [head0] } = await world.pool.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM events WHERE stream = $1', [MEETING]);

    let stopAt = Infinity;
    const choices = ['yes', 'no', 'abstain'] as const;
    const voting = voters.map(async (d) => {
      while (Date.now() < stopAt) {
        const key = newKey();
        const choice = choices[Math.floor(rng() * 3)]!;
        sentKeys.push(key);
        const r = await d.v.command({ type: 'castVote', voteId, land: d.land, choice }, key);
        if ('seq' in r) acked.push({ key, seq: r.seq, voteId, land: d.land, choice });
      }
    });
    await new Promise((r) => setTimeout(r, Math.floor(rng() * 300)));
    const killed = Math.floor(rng() * world.nodes.length);
    await stopNode(world.nodes[killed]!, 'SIGKILL');
    world.nodes[killed] = null;
    const killedAt = Date.now();
    // It starts again at once (the proxy skips it until it answers), so the next cycle need not wait.
    world.restarting.set(killed, startNode(world.env, killed, { port: world.ports[killed] }));
    // Keep voting until every client that lost its node is back (or 15 s), plus a little.
    const everyone = [chair, ...voters.map((d) => d.v)];
    while (Date.now() - killedAt < 15_000 && everyone.some((v) => v.lostAt !== null)) await new Promise((r) => setTimeout(r, 20));
    stopAt = Date.now() + 200;
    await Promise.all(voting);
    const reconnectMs = everyone.flatMap((v) => v.rejoinedAfter);
    return { ...(await checkCycle(world, head0!.seq, acked, sentKeys)), reconnectMs, killed };
  } finally {
    chair.close();
    voters.forEach((d) => d.v.close());
  }
}

async function checkCycle(world: ClusterWorld, fromSeq: number, acked: { key: string; seq: number; voteId: string; land: string; choice: string }[], sentKeys: string[]) {
  const { rows } = await world.pool.query<{ seq: number; json: string }>('SELECT seq, json FROM events WHERE stream = $1 AND seq > $2 ORDER BY seq', [MEETING, fromSeq]);
  const bySeq = new Map(rows.map((r) => [r.seq, JSON.parse(r.json) as { type: string; voteId?: string; land?: string; choice?: string }]));
  const lost = acked.filter((a) => {
    const e = bySeq.get(a.seq);
    return !(e && e.type === 'VoteCast' && e.voteId === a.voteId && e.land === a.land && e.choice === a.choice);
  }).map((a) => a.key);
  const { rows: [stored] } = await world.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM command_keys WHERE stream = $1 AND key = ANY($2)', [MEETING, sentKeys]);
  const casts = rows.filter((r) => bySeq.get(r.seq)!.type === 'VoteCast').length;
  // Every VoteCast of the cycle came from one stored key; more casts than keys: a command counted twice.
  return { acked: acked.length, lost, doubleCounted: Math.max(0, casts - stored!.n) };
}

/** The whole record re-checked at the end: every chain and every closed vote's tally. */
export async function verifyCluster(world: ClusterWorld): Promise<{ ok: boolean; reason?: string }> {
  const stores = await openPostgresStores(world.env.databaseUrl, { max: 2 });
  try {
    const report = await verifyLog(stores.events);
    return { ok: report.ok, reason: report.failure?.reason };
  } finally { await stores.close(); }
}
