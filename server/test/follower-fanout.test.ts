import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@plenum/shared';
import { FollowerFanout } from '../src/socket/follower-fanout.ts';
import type { PlenumServer } from '../src/socket/types.ts';

const ROOM = 'm:dmk-2024-1:followers';
const envelope = (seq: number) => ({ seq, at: '2024-04-19T10:00:00.000Z', hash: `h${seq}`, event: { type: 'SessionOpened' } }) as unknown as EventEnvelope;

describe('follower fan-out (slices, coalescing)', () => {
  let io: PlenumServer;
  let clients: Socket[] = [];
  const received: number[][][] = [];

  beforeAll(async () => {
    const http = createServer();
    io = new Server(http) as unknown as PlenumServer;
    io.on('connection', (s) => { void s.join(ROOM); });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    clients = await Promise.all(Array.from({ length: 25 }, (_, i) => new Promise<Socket>((resolve) => {
      const c = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      received[i] = [];
      c.on('meeting:events', (m: { events: EventEnvelope[] }) => received[i]!.push(m.events.map((e) => e.seq)));
      c.on('connect', () => resolve(c));
    })));
    while ((io.of('/').adapter.rooms.get(ROOM)?.size ?? 0) < 25) await new Promise((r) => setTimeout(r, 10));
  });
  afterAll(() => { for (const c of clients) c.close(); io.close(); });

  it('reaches every follower across slices, coalesces what queued before the pass, keeps seq order, runs `after` last', async () => {
    const fanout = new FollowerFanout(() => io, 7); // 25 followers → 4 slices
    const order: string[] = [];
    fanout.push(ROOM, 'dmk-2024-1', [envelope(1)]);
    fanout.push(ROOM, 'dmk-2024-1', [envelope(2), envelope(3)], () => order.push('after-1'));
    order.push('pushed'); // the pass starts only after the current task (the ack goes first)
    await fanout.idle();
    fanout.push(ROOM, 'dmk-2024-1', [envelope(4)]);
    await fanout.idle();
    const all = () => received.every((r) => r.length === 2);
    for (let k = 0; k < 200 && !all(); k++) await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['pushed', 'after-1']);
    for (const r of received) expect(r).toEqual([[1, 2, 3], [4]]);
  });

  it('an empty batch sends nothing but still runs `after` once the earlier batch is out', async () => {
    const before = received.map((r) => r.length);
    const fanout = new FollowerFanout(() => io, 10);
    const order: string[] = [];
    fanout.push(ROOM, 'dmk-2024-1', [envelope(5)]);
    fanout.push(ROOM, 'dmk-2024-1', [], () => order.push('disconnect'));
    await fanout.idle();
    expect(order).toEqual(['disconnect']);
    for (let k = 0; k < 200 && received.some((r, i) => r.length === before[i]); k++) await new Promise((r) => setTimeout(r, 10));
    for (const r of received) expect(r.at(-1)).toEqual([5]);
  });
});
