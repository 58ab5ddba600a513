import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Choice, type EventEnvelope, type EventOf, type LandCode } from '@plenum/shared';
import { connect, connected, joinMeeting, must, send, waitFor, type Client } from '../../server/test/helpers.ts';
import { createTestDatabase, dropTestDatabase } from '../../server/test/storage/postgres-database.ts';
import { clusterAvailability, dropRedisPrefix, REDIS_TEST_URL, testRedisPrefix } from '../../server/test/cluster/services.ts';
import { bundledCommand } from '../crash/cycle.ts';
import { redeemOn, removeNodeData, startNode, stopNode, type NodeProcess } from './nodes.ts';

/**
 * Issue 14, "Done when": a cluster of 3 equal nodes, each a process of its own, on a fresh
 * PostgreSQL database and a Redis prefix of this run. 16 delegates spread over the nodes vote at
 * once (each changes its vote twice, so commits race across nodes) → one correct outcome; the
 * chair, the screen, every delegate and a public follower on every node receive every event, in
 * seq order, with no gap.
 */
const availability = await clusterAvailability();
if (availability.kind === 'fail') {
  describe('cluster of 3 nodes', () => {
    it('needs PostgreSQL and Redis in CI', () => { throw new Error(availability.message); });
  });
}

/** What one client received: every event's seq (must be contiguous) and the public pictures' seqs. */
class Received {
  seqs: number[] = [];
  gaps: string[] = [];
  projectionSeq = 0;
  constructor(readonly socket: Client, readonly node: number, from: number) {
    let last = from;
    socket.on('meeting:events', (msg) => {
      for (const e of msg.events as EventEnvelope[]) {
        if (e.seq <= last) continue;
        if (e.seq !== last + 1) this.gaps.push(`have ${last}, got ${e.seq}`);
        last = e.seq;
        this.seqs.push(e.seq);
      }
    });
    socket.on('meeting:public', (msg) => { this.projectionSeq = Math.max(this.projectionSeq, msg.projection.seq); });
  }
  get last() { return this.seqs.at(-1) ?? 0; }
}

describe.skipIf(availability.kind !== 'found')('cluster of 3 nodes (separate processes, PostgreSQL + Redis)', () => {
  let db: { name: string; url: string };
  const prefix = testRedisPrefix();
  const nodes: NodeProcess[] = [];
  const sockets: Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { databaseUrl: db.url, redisUrl: REDIS_TEST_URL, redisPrefix: prefix, command: await bundledCommand() };
    // Node 0 seeds the demo; the others start on the same database.
    const t0 = Date.now();
    nodes.push(await startNode(env, 0));
    nodes.push(...await Promise.all([startNode(env, 1), startNode(env, 2)]));
    console.log(`cluster: bundle + 3 nodes up in ${Date.now() - t0} ms`);
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all(nodes.map((n) => stopNode(n)));
    nodes.forEach(removeNodeData);
    if (db) await dropTestDatabase(db.name);
    await dropRedisPrefix(prefix);
  });

  const login = async (node: NodeProcess, token: string) => {
    const s = connect(node.url, { cookie: await redeemOn(node.url, token) });
    sockets.push(s);
    await connected(s);
    return s;
  };
  const joined = async (s: Client, node: number) => {
    const r = await joinMeeting(s, null);
    if ('error' in r) throw new Error(`join refused: ${r.error.code}`);
    const c = r.data.catchUp;
    return new Received(s, node, c.kind === 'snapshot' ? c.seq : c.kind === 'public' ? c.projection.seq : 0);
  };

  it('16 delegates spread over 3 nodes vote at once (and change their votes): one correct outcome; everyone on every node gets every event in seq order', async () => {
    const invites = nodes[0]!.invites;
    const token = (role: string) => invites.find((i) => i.role === role)!.token;
    const chair = await login(nodes[0]!, token('chair'));
    const screen = await login(nodes[1]!, token('screen'));
    const delegates = await Promise.all(invites.filter((i) => i.role === 'delegate').map(async (inv, k) => ({
      land: /^p-([A-Z]{2})-member$/.exec(inv.participant)![1] as LandCode, node: k % 3, socket: await login(nodes[k % 3]!, inv.token),
    })));
    expect(delegates).toHaveLength(16);

    const received = [await joined(chair, 0), await joined(screen, 1), ...await Promise.all(delegates.map((d) => joined(d.socket, d.node)))];
    await must(chair, { type: 'openSession' });
    await Promise.all(delegates.map((d) => must(d.socket, { type: 'checkIn', mode: 'room' })));
    // R-SES-4: made public by a recorded vote, so public followers can join on every node.
    const openVote = async (motion: Record<string, unknown>) =>
      (await must(chair, { type: 'openVote', motion } as never)).events.map((e) => e.event).find((e): e is EventOf<'VoteOpened'> => e.type === 'VoteOpened')!.voteId;
    const setPublic = await openVote({ kind: 'setPublic', public: true });
    await Promise.all(delegates.map((d) => must(d.socket, { type: 'castVote', voteId: setPublic, land: d.land, choice: 'yes' })));
    await must(chair, { type: 'closeVote', voteId: setPublic });
    const followers = await Promise.all(nodes.map(async (n) => {
      const s = connect(n.url);
      sockets.push(s);
      await connected(s);
      return joined(s, n.index);
    }));

    const voteId = await openVote({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
    const finalChoice = (i: number): Choice => (i < 10 ? 'yes' : i < 14 ? 'no' : 'abstain');
    const other = (c: Choice): Choice => (c === 'yes' ? 'no' : 'yes');
    // All at once; each delegate's own casts in order (its last is what counts).
    const acks = await Promise.all(delegates.map(async (d, i) => {
      const seqs: number[] = [];
      for (const choice of [other(finalChoice(i)), finalChoice(i), other(finalChoice(i)), finalChoice(i)]) {
        const r = await send(d.socket, { type: 'castVote', voteId, land: d.land, choice });
        if ('error' in r) throw new Error(`cast refused on node ${d.node}: ${r.error.code}`);
        seqs.push(r.data.seq);
      }
      return seqs;
    }));
    expect(new Set(acks.flat()).size).toBe(64); // every cast its own seq, whichever node took it
    const closed = await must(chair, { type: 'closeVote', voteId });
    const closeEvent = closed.events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(Object.fromEntries(delegates.map((d, i) => [d.land, finalChoice(i)]))).toEqual(closeEvent.choices);
    // R-VOT-2: 16 present, 10 yes, 4 no, 2 abstentions; 11 needed → rejected.
    expect(closeEvent.explanation).toMatchObject({ yes: 10, no: 4, abstain: 2, notVoted: 0, needed: 11, outcome: 'rejected' });

    const head = closed.seq;
    await waitFor(() => received.every((r) => r.last === head) && followers.every((f) => f.projectionSeq === head), 'every client on every node at the head', 30_000);
    for (const r of received) {
      expect(r.gaps, `a client on node ${r.node}`).toEqual([]);
      // Contiguous from the join to the head: every event, once, in order.
      expect(r.seqs).toEqual(Array.from({ length: r.seqs.length }, (_, k) => head - r.seqs.length + 1 + k));
    }
    // Every node folded the same state (a fresh join on each node returns the same snapshot).
    const snapshots = await Promise.all(nodes.map(async (n) => {
      const s = await login(n, token('office'));
      const r = await joinMeeting(s, null);
      return 'data' in r && r.data.catchUp.kind === 'snapshot' ? r.data.catchUp.state : null;
    }));
    expect(snapshots[0]?.seq).toBe(head);
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
    expect(snapshots[0]?.votes[voteId]?.status).toBe('closed');
  }, 120_000);
});
