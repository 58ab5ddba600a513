import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { EventEnvelope } from '@plenum/shared';
import type { PlenumServer } from './types.ts';

/**
 * Public followers can be many thousands. One emit to all of them writes every socket in one
 * go (≈ 18 µs per socket here, ≈ 180 ms at 10,000), and for that long no delegate gets an ack
 * and the chair no tally. So followers are served after the ack and the live room, in slices of
 * `slice` sockets, one slice per macrotask, so commands run in between (docs/performance.md:
 * 250 sockets ≈ 5 ms of loop time; 500 gave an event-loop delay p99 of 25 ms vs 17–19 ms).
 *
 * Broadcasts that arrive while a pass is running wait for the next pass and are sent together,
 * as one message with all their envelopes in seq order: a busy server sends fewer, larger
 * messages instead of falling behind. An idle server sends at once (no fixed tick).
 */
interface Pending {
  events: EventEnvelope[];
  /** Run after the pass that carried these events (R-SES-4: tell and disconnect followers). */
  after: (() => void)[];
}

export class FollowerFanout {
  private readonly pending = new Map<string, Pending>();
  private running: Promise<void> | null = null;

  constructor(private readonly io: () => PlenumServer | null, private readonly slice = 250) {}

  /** Queue events for the followers of `room`; `after` runs once they have been sent. */
  push(room: string, meetingId: string, events: EventEnvelope[], after?: () => void) {
    const key = `${meetingId}\n${room}`;
    const p = this.pending.get(key) ?? { events: [], after: [] };
    p.events.push(...events);
    if (after) p.after.push(after);
    this.pending.set(key, p);
    this.running ??= this.drain().finally(() => { this.running = null; });
  }

  /** Resolves when everything queued so far has been sent (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain() {
    // Let the ack and the live room go out first.
    await nextMacrotask();
    while (this.pending.size > 0) {
      const [key, batch] = this.pending.entries().next().value as [string, Pending];
      this.pending.delete(key);
      const [meetingId, room] = key.split('\n') as [string, string];
      await this.pass(room, meetingId, batch);
    }
  }

  private async pass(room: string, meetingId: string, batch: Pending) {
    const server = this.io();
    if (!server) return;
    const members = batch.events.length > 0 ? server.of('/').adapter.rooms.get(room) : undefined;
    const ids = members ? [...members] : [];
    const msg = { meetingId, events: batch.events, serverTime: new Date().toISOString() };
    for (let i = 0; i < ids.length; i += this.slice) {
      if (i > 0) await nextMacrotask();
      // A socket id is also a room: this reaches exactly the followers of this slice who are still connected.
      server.to(ids.slice(i, i + this.slice)).emit('meeting:events', msg);
    }
    for (const f of batch.after) f();
  }
}
