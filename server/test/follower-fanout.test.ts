import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicUpdate } from '@plenum/shared';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { FollowerFanout, textFrame, writeFollowerFrame } from '../src/socket/follower-fanout.ts';
import type { PlenumServer } from '../src/socket/types.ts';
import { batchesInFlight } from '../src/pipeline/batches-in-flight.ts';
import { chair, landCodes, openSessionWith } from '../../shared/test/support/scenario.ts';

const ROOM = 'm:dmk-2024-1:followers';
const MEETING = 'dmk-2024-1';
const N = 25;

/** A session made public by its decision (R-SES-4), with a round open for casting. */
function publicSession() {
  const s = openSessionWith(16);
  s.voteOn('', Object.fromEntries(landCodes().map((l) => [l, 'yes' as const])), { kind: 'setPublic', public: true });
  const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal', paragraph: null });
  return { s, voteId };
}

describe('follower fan-out: one coalesced projection, the same bytes to all', () => {
  let io: PlenumServer;
  let clients: Socket[] = [];
  const received: PublicUpdate[][] = [];
  const raw: string[][] = [];
  let events = 0;

  beforeAll(async () => {
    const http = createServer();
    io = new Server(http, { perMessageDeflate: false }) as unknown as PlenumServer;
    io.on('connection', (s) => { void s.join(ROOM); });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    clients = await Promise.all(Array.from({ length: N }, (_, i) => new Promise<Socket>((resolve) => {
      const c = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      received[i] = [];
      raw[i] = [];
      c.on('meeting:public', (m: PublicUpdate) => received[i]!.push(m));
      c.on('meeting:events', () => { events += 1; });
      c.on('connect', () => {
        c.io.engine.on('message', (d: unknown) => { if (typeof d === 'string' && d.includes('meeting:public')) raw[i]!.push(d); });
        resolve(c);
      });
    })));
    while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < N) await new Promise((r) => setTimeout(r, 10));
  });
  afterAll(() => { for (const c of clients) c.close(); io.close(); });

  const settle = async (count: number) => {
    for (let k = 0; k < 500 && received.some((r) => r.length < count); k++) await new Promise((r) => setTimeout(r, 10));
  };

  it('R-SES-4: changes recorded before a pass become ONE projection of the newest state, identical bytes for every follower across slices', async () => {
    const fanout = new FollowerFanout(() => io, { slice: 7, intervalMs: 0 }); // 25 followers → 4 slices
    const { s, voteId } = publicSession();
    const lands = landCodes().slice(0, 5);
    for (const land of lands) {
      s.cast(voteId, land, 'yes');
      fanout.update(ROOM, MEETING, { ...s.state, seq: s.events.length });
    }
    await fanout.idle();
    await settle(1);
    for (const r of received) {
      expect(r).toHaveLength(1);
      expect(r[0]!.projection.seq).toBe(s.events.length);
      expect(r[0]!.projection.vote).toMatchObject({ id: voteId, status: 'open', voted: lands, choices: null });
    }
    for (const r of raw) expect(r).toHaveLength(1);
    expect(new Set(raw.map((r) => r[0])).size).toBe(1);
    expect(events).toBe(0);
  });

  it('a newer change is sent once more, each follower only what is newer than what it has; at most one pass per interval', async () => {
    const fanout = new FollowerFanout(() => io, { slice: 10, intervalMs: 0 });
    const { s, voteId } = publicSession();
    const seqOf = () => 1000 + s.events.length; // above the first test's seqs
    s.cast(voteId, 'BW', 'yes');
    fanout.update(ROOM, MEETING, { ...s.state, seq: seqOf() });
    await fanout.idle();
    s.cast(voteId, 'BY', 'no');
    fanout.update(ROOM, MEETING, { ...s.state, seq: seqOf() });
    fanout.update(ROOM, MEETING, { ...s.state, seq: seqOf() }); // the same seq again: nobody gets it twice
    await fanout.idle();
    await settle(3);
    for (const r of received) {
      const seqs = r.slice(1).map((u) => u.projection.seq);
      expect(seqs).toEqual([seqOf() - 1, seqOf()]);
      expect(r.at(-1)!.projection.vote!.voted).toEqual(['BW', 'BY']);
    }
  });

  it('a change during a pass: the followers not yet served get it in the same pass, those already served in the next one', async () => {
    const fanout = new FollowerFanout(() => io, { slice: 7, intervalMs: 0 }); // 4 slices
    const { s, voteId } = publicSession();
    const seqOf = () => 2000 + s.events.length;
    s.cast(voteId, 'BW', 'yes');
    fanout.update(ROOM, MEETING, { ...s.state, seq: seqOf() });
    const first = seqOf();
    // After the first slice has been written, a cast commits.
    let slices = 0;
    const onSlice = () => {
      if (++slices !== 1) return;
      s.cast(voteId, 'BY', 'no');
      fanout.update(ROOM, MEETING, { ...s.state, seq: seqOf() });
    };
    subscribe('plenum:fanout:slice', onSlice);
    try {
      await fanout.idle();
    } finally {
      unsubscribe('plenum:fanout:slice', onSlice);
    }
    const before = received.map((r) => r.length);
    await settle(Math.max(...before));
    for (let k = 0; k < 500 && received.some((r) => r.at(-1)!.projection.seq !== seqOf()); k++) await new Promise((r) => setTimeout(r, 10));
    const got = received.map((r) => r.filter((u) => u.projection.seq >= first).map((u) => u.projection.seq));
    // Every follower ends with the newest picture; the first slice got the older one first.
    for (const seqs of got) expect(seqs.at(-1)).toBe(seqOf());
    expect(got.filter((seqs) => seqs.length === 2)).toHaveLength(7);
    expect(got.filter((seqs) => seqs.length === 1)).toHaveLength(N - 7);
  });

  it('the delegate first: while a command batch is in flight, the pass waits (a bounded number of turns) before its next slice', async () => {
    const fanout = new FollowerFanout(() => io, { slice: 7, intervalMs: 0 }); // 4 slices
    const { s, voteId } = publicSession();
    s.cast(voteId, 'HB', 'yes');
    // A command batch begins right after the first slice; count the loop turns until the second.
    let slices = 0;
    let turns = 0;
    let counting = true;
    const tick = () => { turns += 1; if (counting) setImmediate(tick); };
    let turnsBeforeSecond = -1;
    const onSlice = () => {
      slices += 1;
      if (slices === 1) { batchesInFlight.begin(); setImmediate(tick); }
      if (slices === 2) { turnsBeforeSecond = turns; counting = false; batchesInFlight.end(); }
    };
    subscribe('plenum:fanout:slice', onSlice);
    try {
      fanout.update(ROOM, MEETING, { ...s.state, seq: 3000 + s.events.length });
      await fanout.idle();
    } finally {
      unsubscribe('plenum:fanout:slice', onSlice);
      counting = false;
      if (slices < 2) batchesInFlight.end();
    }
    expect(slices).toBe(4);
    // Without the yield the second slice follows the first after one turn.
    expect(turnsBeforeSecond).toBeGreaterThanOrEqual(8);
  });

  it('R-SES-4: when the session stops being public, followers get no projection of it, are told and disconnected', async () => {
    const fanout = new FollowerFanout(() => io, { intervalMs: 0 });
    const { s } = publicSession();
    fanout.update(ROOM, MEETING, { ...s.state, seq: 5000 });
    await fanout.idle();
    await settle(4);
    const told = Promise.all(clients.map((c) => new Promise<string>((r) => c.once('meeting:error', (e: { code: string }) => r(e.code)))));
    const gone = Promise.all(clients.map((c) => new Promise<void>((r) => c.once('disconnect', () => r()))));
    s.run({ type: 'cancelVote', voteId: s.state.openVoteId! }, chair);
    s.voteOn('', Object.fromEntries(landCodes().map((l) => [l, 'yes' as const])), { kind: 'setPublic', public: false });
    fanout.update(ROOM, MEETING, { ...s.state, seq: 5001 });
    await fanout.idle();
    expect(new Set(await told)).toEqual(new Set(['session.notPublic']));
    await gone;
    for (const r of received) expect(r.every((u) => u.projection.seq !== 5001)).toBe(true);
  });

  it('textFrame builds the header ws builds: 7-bit, 16-bit and 64-bit lengths', () => {
    expect([...textFrame('x'.repeat(5))[0]!]).toEqual([0x81, 5]);
    expect([...textFrame('x'.repeat(300))[0]!]).toEqual([0x81, 126, 1, 44]);
    const big = textFrame('x'.repeat(70_000))[0]!;
    expect([big[0], big[1], Number(big.readBigUInt64BE(2))]).toEqual([0x81, 127, 70_000]);
  });
});

describe('follower fan-out: the direct write keeps engine.io\'s order and falls back where it must', () => {
  it('a long-polling follower gets the picture through engine.io; a WebSocket follower with engine.io packets queued gets them first, then the picture', async () => {
    const http = createServer();
    const io = new Server(http, { perMessageDeflate: false }) as unknown as PlenumServer;
    io.on('connection', (s) => { void s.join(ROOM); });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const order: string[][] = [[], []];
    const clients = await Promise.all((['polling', 'websocket'] as const).map((transport, i) => new Promise<Socket>((resolve) => {
      const c = connect(url, { transports: [transport], forceNew: true, reconnection: false });
      c.on('meeting:events', (m: { n: number }) => order[i]!.push(`events ${m.n}`));
      c.on('meeting:public', (m: PublicUpdate) => order[i]!.push(`picture ${m.projection.seq}`));
      c.on('connect', () => resolve(c));
    })));
    try {
      while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < 2) await new Promise((r) => setTimeout(r, 10));
      // Three emits and then the picture, all in one tick: the first emit goes out at once, the
      // other two wait in engine.io's buffer until that write completes — the picture must not
      // overtake them.
      const plain = io as unknown as Server;
      for (const n of [1, 2, 3]) plain.to(ROOM).emit('meeting:events', { n });
      const packet = io.encoder.encode({ type: 2, nsp: '/', data: ['meeting:public', { meetingId: MEETING, projection: { seq: 7 } }] })[0] as string;
      const frame = [Buffer.concat(textFrame(`4${packet}`))];
      for (const socket of io.of('/').sockets.values()) writeFollowerFrame(socket as never, packet, frame);
      for (let k = 0; k < 500 && order.some((o) => o.length < 4); k++) await new Promise((r) => setTimeout(r, 10));
      expect(order).toEqual([['events 1', 'events 2', 'events 3', 'picture 7'], ['events 1', 'events 2', 'events 3', 'picture 7']]);
    } finally {
      for (const c of clients) c.close();
      io.close();
    }
  });
});
