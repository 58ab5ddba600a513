import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActorClient } from '../lib/actor.ts';
import { ServerProcess } from '../lib/server-process.ts';
import type { CastSample, Live, Target } from './target.ts';

export const PLENUM_MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));
export const MEETING = 'dmk-2024-1';
/** What `npm start` runs (server/build.ts). */
export const PLENUM_BUNDLE = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));
export const READY = /PLENUM_READY port=(\d+)/;
const LINK = /\/i\/([A-Za-z0-9_-]{20,100})/g;

export interface Me { role: string; participantId: string | null; meetingId: string; label: string }
export interface Redeemed { cookie: string; me: Me }

/** Our server as a child: a fresh DATA_DIR unless one is given; demo on, links printed. */
export async function startPlenum(opts: { dataDir?: string; env?: Record<string, string>; bundle?: boolean } = {}) {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  const server = await ServerProcess.start({
    entry: opts.bundle ? PLENUM_BUNDLE : PLENUM_MAIN, ready: READY, readyTimeoutMs: 60_000,
    ...(opts.bundle ? { execArgv: [] } : {}),
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO: '1', BENCH_PROBE_PLENUM: '1', ...opts.env },
  });
  return { server, dataDir, url: `http://127.0.0.1:${server.port}` };
}

/** POST /i/:token (the button of the link's page) → the `plenum_session` cookie; GET /api/me says who it is. */
export async function redeem(url: string, token: string): Promise<Redeemed | null> {
  const res = await fetch(`${url}/i/${token}`, { method: 'POST', redirect: 'manual', headers: { origin: new URL(url).origin } });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('plenum_session='));
  if (!cookie) return null;
  const me = await fetch(`${url}/api/me`, { headers: { cookie } });
  if (!me.ok) return null;
  return { cookie, me: (await me.json()) as Me };
}

/** Every invitation link the server printed on first start, redeemed and sorted by role. */
export async function redeemPrintedLinks(url: string, lines: string[]): Promise<Redeemed[]> {
  const tokens = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(LINK)) tokens.add(m[1]!);
  const out: Redeemed[] = [];
  for (const t of tokens) { const r = await redeem(url, t); if (r) out.push(r); }
  return out;
}

export interface Cast { delegates: { land: string; actor: ActorClient }[]; chair: ActorClient; screen: ActorClient; url: string }

/** Chair, screen and the 16 delegates connected with their cookies (Origin = the server). */
export async function connectCast(url: string, lines: string[]): Promise<Cast> {
  const people = await redeemPrintedLinks(url, lines);
  const headers = (cookie: string) => ({ cookie, origin: url });
  const find = (role: string) => people.find((p) => p.me.role === role);
  const chairP = find('chair');
  const screenP = find('screen');
  if (!chairP || !screenP) throw new Error(`demo links: need chair and screen, got ${people.map((p) => p.me.role).join(',')}`);
  const delegatesP = people.filter((p) => p.me.role === 'delegate' && /^p-[A-Z]{2}-member$/.test(p.me.participantId ?? ''));
  if (delegatesP.length < 16) throw new Error(`demo links: need 16 delegates, got ${delegatesP.length}`);
  const chair = await ActorClient.connect({ url, meetingId: MEETING, headers: headers(chairP.cookie), label: 'chair' });
  const screen = await ActorClient.connect({ url, meetingId: MEETING, headers: headers(screenP.cookie), label: 'screen' });
  const delegates = await Promise.all(delegatesP.map(async (p) => {
    const land = p.me.participantId!.slice(2, 4);
    return { land, actor: await ActorClient.connect({ url, meetingId: MEETING, headers: headers(p.cookie), label: `delegate-${land}` }) };
  }));
  return { delegates, chair, screen, url };
}

type EventsAck = { seq: number; events: { seq: number; event: { type: string; voteId?: string; public?: boolean } }[] };

/**
 * Bring the demo session to "public, quorate, a vote open": open the session, 16 check-ins,
 * the R-SES-4 vote to make it public (16 × yes, closed → PublicSwitched), then a resolution vote
 * on TOP 2 a. Returns the open vote's id.
 */
export async function prepareSession(cast: Cast): Promise<string> {
  const { chair, delegates } = cast;
  const state = await chair.command({ type: 'openSession' });
  if (!state.res.data && state.res.error?.code !== 'session.alreadyOpen') throw new Error(`openSession: ${JSON.stringify(state.res.error)}`);
  for (const d of delegates) await d.actor.must({ type: 'checkIn', mode: 'room' });

  const voteId = async (motion: Record<string, unknown>) => {
    const r = await chair.must<EventsAck>({ type: 'openVote', motion });
    const opened = r.events.find((e) => e.event.type === 'VoteOpened');
    if (!opened?.event.voteId) throw new Error('openVote: no VoteOpened');
    return opened.event.voteId;
  };
  const pub = await voteId({ kind: 'setPublic', public: true });
  await Promise.all(delegates.map((d) => d.actor.must({ type: 'castVote', voteId: pub, land: d.land, choice: 'yes' })));
  const closed = await chair.must<EventsAck>({ type: 'closeVote', voteId: pub });
  if (!closed.events.some((e) => e.event.type === 'PublicSwitched' && e.event.public)) throw new Error('setPublic vote did not make the session public');

  await chair.command({ type: 'setCurrentItem', itemId: 'top-2a' });
  return voteId({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
}

/** Ours: the real server, real invitations, public followers admitted by the R-SES-4 vote. */
export const plenumTarget: Target = {
  name: 'plenum',
  followerNote: 'public followers (no cookie), admitted after the session was made public by an R-SES-4 vote (16 × yes)',
  async start() {
    // Every follower connects from 127.0.0.1: lift the per-address socket, message and snapshot
    // caps (server/src/socket/person-limits.ts) that would otherwise count them as one person.
    const { server, dataDir, url } = await startPlenum({
      env: { SOCKETS_PER_IP: '1000000', SNAPSHOTS_PER_MINUTE: '1000000', RATE_PER_SECOND: '1000000', RATE_BURST: '1000000' },
    });
    let cast: Cast | undefined;
    try {
      cast = await connectCast(url, server.lines);
      const voteId = await prepareSession(cast);
      const { delegates, chair, screen } = cast;
      const castOne = async (k: number): Promise<CastSample> => {
        const d = delegates[k % delegates.length]!;
        const { t0, tAck, res } = await d.actor.command({ type: 'castVote', voteId, land: d.land, choice: k % 2 ? 'no' : 'yes' });
        return { seq: (res.data as { seq?: number } | undefined)?.seq ?? -1, t0, tAck, ok: !!res.data, error: res.error?.code };
      };
      return {
        server, chair, screen, cast: castOne,
        follower: { url, meetingId: MEETING, headers: { origin: url } },
        broadcastBytes: () => screen.voteCastBytes,
        async close() {
          for (const a of [chair, screen, ...delegates.map((d) => d.actor)]) a.close();
          await server.stop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    } catch (e) {
      for (const a of cast ? [cast.chair, cast.screen, ...cast.delegates.map((d) => d.actor)] : []) a.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  },
};
