import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActorClient } from '../lib/actor.ts';
import { now, sleep, withTimeout } from '../lib/clock.ts';
import { cpuShare, sampleProc } from '../lib/procstat.ts';
import { round, roundSummary, summarize, type Summary } from '../lib/stats.ts';
import { FollowerPool } from '../load/pool.ts';
import type { Cast } from '../load/messages.ts';
import { prepareSession, redeem, redeemPrintedLinks, startPlenum } from './plenum.ts';
import { createSessionsAsOffice, mapLimit } from './office-sessions.ts';

export interface SessionsOptions {
  count: number;
  /** Public followers per session. */
  followers: number;
  /** Casts per second per session (open loop), sessions offset evenly within a second. */
  rate: number;
  /** Casts per session. */
  casts: number;
  perWorker: number;
  log?: (s: string) => void;
}

export interface SessionsResult {
  note: string;
  sessions: number;
  followersPerSession: number;
  connected: number;
  ratePerSession: number;
  casts: number;
  castsAcked: number;
  ack: Summary;
  chair: Summary;
  follower: Summary;
  delivery: { expected: number; missing: number; outOfOrder: number; complete: number };
  serverCpu: number;
  eldP99: number;
  load: number;
  /** The office's createSession, agenda item and 17 invitations per session, over the API. */
  createSeconds: number;
  prepareSeconds: number;
}

/**
 * Many sessions on one node: `count` meetings, each with its chair and 16 delegates (real
 * invitations, redeemed over HTTP), made public by their own R-SES-4 vote, a resolution vote open,
 * `followers` public followers each; then every session's delegates cast in turn at `rate` per
 * second. Measures cast → ack over all sessions, cast → chair, cast → follower picture.
 */
export async function runSessions(o: SessionsOptions): Promise<SessionsResult> {
  const log = o.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-bench-sessions-'));
  let pool: FollowerPool | undefined;
  const actors: ActorClient[] = [];
  let server: Awaited<ReturnType<typeof startPlenum>>['server'] | undefined;
  try {
    // All followers and delegates connect from 127.0.0.1: lift the per-address caps (sockets, messages,
    // snapshots, and REST for the 850 invitations created and redeemed), as the fan-out bench does.
    // The demo is on: its printed links include the conference office's, which creates the sessions.
    const started = await startPlenum({
      dataDir,
      env: {
        SOCKETS_PER_IP: '1000000', SNAPSHOTS_PER_MINUTE: '1000000', RATE_PER_SECOND: '1000000', RATE_BURST: '1000000',
        REST_PER_MINUTE_IP: '1000000', REST_PER_MINUTE_SESSION: '1000000',
      },
    });
    server = started.server;
    const { url } = started;
    const office = (await redeemPrintedLinks(url, server.lines)).find((p) => p.me.role === 'office');
    if (!office) throw new Error('no office link printed');
    const t0 = now();
    const created = await createSessionsAsOffice(url, office, o.count);
    const createSeconds = round((now() - t0) / 1000);
    const tp = now();
    const sessions = await mapLimit(created, 4, async (s) => {
      const connectAs = async (token: string, label: string) => {
        const r = await redeem(url, token);
        if (!r) throw new Error(`${s.meetingId}: ${label} invitation not redeemed`);
        const a = await ActorClient.connect({ url, meetingId: s.meetingId, headers: { cookie: r.cookie, origin: url }, label });
        actors.push(a);
        return a;
      };
      const chair = await connectAs(s.chair, 'chair');
      const delegates = [];
      for (const d of s.delegates) delegates.push({ land: d.land, actor: await connectAs(d.token, `delegate-${d.land}`) });
      const voteId = await prepareSession({ delegates, chair, screen: chair, url });
      return { meetingId: s.meetingId, chair, delegates, voteId };
    });
    const prepareSeconds = round((now() - tp) / 1000);
    log(`sessions: ${o.count} created by the office in ${createSeconds} s, prepared in ${prepareSeconds} s`);

    const total = o.count * o.followers;
    pool = await FollowerPool.start(total, Math.min(o.perWorker, Math.ceil(total / 2 / o.count) * o.count));
    const meetingIds = sessions.map((s) => s.meetingId);
    const connect = await pool.connect({ url, meetingId: meetingIds[0]!, meetingIds, headers: { origin: url }, concurrency: 64 }, total, 60_000 + total * 30);
    log(`sessions: ${connect.report.ok} followers connected in ${round(connect.report.ms / 1000)} s, ${connect.report.failed} failed`);
    await sleep(1_000);

    await server.probe('reset');
    const load = loadavg()[0]!;
    const cpuA = sampleProc(server.pid);
    const start = now() + 50;
    const pending: Promise<{ meeting: number; seq: number; t0: number; tAck: number; ok: boolean }>[] = [];
    const schedule = sessions.flatMap((s, m) => Array.from({ length: o.casts }, (_, k) => ({ m, k, due: start + (k + m / o.count) * (1000 / o.rate) })))
      .sort((a, b) => a.due - b.due);
    for (const { m, k, due } of schedule) {
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      const s = sessions[m]!;
      const d = s.delegates[k % s.delegates.length]!;
      pending.push(d.actor.command({ type: 'castVote', voteId: s.voteId, land: d.land, choice: k % 2 ? 'no' : 'yes' })
        .then(({ t0: c0, tAck, res }) => ({ meeting: m, seq: (res.data as { seq?: number } | undefined)?.seq ?? -1, t0: c0, tAck, ok: !!res.data }))
        .catch(() => ({ meeting: m, seq: -1, t0: due, tAck: NaN, ok: false })));
    }
    const samples = await withTimeout(Promise.all(pending), 120_000, 'session casts acked');
    const acked = samples.filter((x) => x.ok && x.seq > 0);
    const lastSeqs = sessions.map((_, m) => Math.max(0, ...acked.filter((x) => x.meeting === m).map((x) => x.seq)));
    const deadline = now() + 30_000;
    while (now() < deadline && (await pool.have(lastSeqs)) < connect.report.ok) await sleep(200);
    const cpuB = sampleProc(server.pid);
    const eld = await server.probe('read');
    const casts: Cast[] = acked.map((x) => [x.seq, x.t0, x.meeting]);
    const delivered = await pool.collect(casts);
    const chair = Float64Array.from(acked.map((x) => (sessions[x.meeting]!.chair.seen.get(x.seq) ?? NaN) - x.t0).filter(Number.isFinite));
    return {
      note: 'sessions created by the conference office through the running server (createSession, the proposal added to each agenda, 17 invitations per session; bench/scenarios/office-sessions.ts), then the real path as in the fan-out bench',
      sessions: o.count,
      followersPerSession: o.followers,
      connected: connect.report.ok,
      ratePerSession: o.rate,
      casts: schedule.length,
      castsAcked: acked.length,
      ack: roundSummary(summarize(acked.map((x) => x.tAck - x.t0))),
      chair: roundSummary(summarize(chair)),
      follower: roundSummary(summarize(delivered.latencies)),
      delivery: { expected: acked.length * o.followers, missing: delivered.missing, outOfOrder: delivered.outOfOrder, complete: delivered.complete },
      serverCpu: round(cpuShare(cpuA, cpuB), 2),
      eldP99: round(eld.eld.p99, 2),
      load: round(load, 2),
      createSeconds,
      prepareSeconds,
    };
  } finally {
    await pool?.close();
    for (const a of actors) a.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
