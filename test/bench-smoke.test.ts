import { describe, expect, it } from 'vitest';
import { percentile, summarize } from '../bench/lib/stats.ts';
import { runFanout } from '../bench/scenarios/fanout.ts';
import { plenumTarget } from '../bench/scenarios/plenum.ts';
import { bareTarget } from '../bench/scenarios/bare.ts';
import { runSessions } from '../bench/scenarios/sessions.ts';

/**
 * The bench, small and for correctness only: real server child, real invitations, the R-SES-4
 * vote that makes the session public, 200 public followers in worker processes, a few casts.
 * Every follower must receive a picture of every cast (the public projection at or after the
 * cast's seq), in order. No timing is asserted.
 */
describe('bench smoke', () => {
  it('percentiles use the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    const s = summarize(xs);
    expect([s.p50, s.p95, s.p99, s.max, s.n]).toEqual([50, 95, 99, 100, 100]);
    expect(percentile(Float64Array.of(7), 0.99)).toBe(7);
    expect(summarize([]).n).toBe(0);
  });

  it('R-SES-4: 200 public followers of a session made public each get a projection showing every cast, in order', async () => {
    const r = await runFanout(plenumTarget, { followers: 200, casts: 6, rate: 10, perWorker: 100 });
    expect(r.connected).toBe(200);
    expect(r.workers).toBe(2);
    expect(r.castsAcked).toBe(6);
    expect(r.delivery).toMatchObject({ expected: 1200, missing: 0, outOfOrder: 0, complete: 200, disconnected: 0 });
    expect(r.follower.n).toBe(1200);
    expect(r.chair.n).toBe(6);
    expect(r.broadcastBytes).toBeGreaterThan(100);
    // Followers get projections (coalesced: at most one per cast), never the envelopes.
    expect(r.perFollower.messages).toBeGreaterThan(0);
    expect(r.perFollower.messages).toBeLessThanOrEqual(6);
    expect(r.perFollower.messageBytes).toBeGreaterThan(100);
  }, 120_000);

  it('the bare Socket.IO baseline delivers one padded picture per cast to every follower, in order', async () => {
    const r = await runFanout(bareTarget, { followers: 200, casts: 6, rate: 10, perWorker: 200, payloadBytes: 900, followerBytes: 1500 });
    expect(r.delivery).toMatchObject({ expected: 1200, missing: 0, outOfOrder: 0, complete: 200 });
    expect(Math.abs(r.broadcastBytes - 900)).toBeLessThanOrEqual(2);
    expect(r.perFollower.messages).toBe(6);
    expect(Math.abs(r.perFollower.messageBytes - 1500)).toBeLessThanOrEqual(2);
  }, 120_000);

  it('many sessions: 3 sessions the conference office creates over the API (createSession, agenda item, invitations), each made public, 20 followers each get every cast of their own session, in order', async () => {
    const r = await runSessions({ count: 3, followers: 20, rate: 2, casts: 4, perWorker: 60 });
    expect(r.connected).toBe(60);
    expect(r.castsAcked).toBe(12);
    expect(r.delivery).toMatchObject({ expected: 240, missing: 0, outOfOrder: 0, complete: 60 });
    expect(r.chair.n).toBe(12);
  }, 240_000);
});
