import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  DEMO_MEETING_ID, PROTOCOL_VERSION, type Ack, type MeetingEvent, type ClientToServerEvents, type Command, type CommandResult, type EventOf,
  type MeetingState, type ServerToClientEvents,
} from '@plenum/shared';
import { verifyDatabase } from '../../server/src/verify/verify-log.ts';
import { openSqliteStores } from '../../server/src/store/sqlite-store.ts';
import { onServerLines } from '../cluster/nodes.ts';

/**
 * One crash cycle: start the server as a child process on a data folder, let the 16 delegates
 * vote as fast as they can for a random 0–300 ms, SIGKILL the server, then check behind its back
 * that every acknowledged vote is in the log and the hash chain verifies.
 */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const ROOT = resolve(import.meta.dirname, '../..');
const MEETING = DEMO_MEETING_ID;
const ITEMS = ['top-2a', 'top-5', 'top-6', 'top-7', 'top-8', 'top-10'];
const CHOICES = ['yes', 'no', 'abstain'] as const;

export interface CrashWorld {
  dataDir: string;
  /** How to start the server: e.g. ['node', '--import', 'tsx', 'server/src/main.ts']. */
  command: string[];
  /** Session cookies, redeemed on the first start (sessions survive restarts). */
  chairCookie?: string;
  delegates?: { land: string; cookie: string }[];
}

export interface AckedVote { key: string; seq: number; voteId: string; land: string; choice: string }
export interface CycleResult { acked: AckedVote[]; lost: AckedVote[]; verified: boolean; reason?: string; events: number }

interface Child { proc: ChildProcess; port: number; invites: { role: string; participant: string; token: string }[] }

export const tsxCommand = ['node', '--import', 'tsx', 'server/src/main.ts'];

/** The production bundle (server/build.ts) starts several times faster than tsx: used by the vitest cycles. */
export async function bundledCommand(): Promise<string[]> {
  const { buildServer } = await import('../../server/build.ts');
  // Its own file, so a crash run never replaces dist/server/main.js under a running `npm start`.
  return ['node', await buildServer(join(ROOT, 'node_modules/.cache/plenum-crash/main.mjs'))];
}

function startChild(world: CrashWorld): Promise<Child> {
  return new Promise((resolveStart, reject) => {
    const [cmd, ...args] = world.command;
    const proc = spawn(cmd, args, {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATA_DIR: world.dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', RATE_PER_SECOND: '1000', RATE_BURST: '1000' },
    });
    const invites: Child['invites'] = [];
    let stderr = '';
    proc.stderr!.on('data', (d) => { stderr += String(d); });
    onServerLines(proc, () => {}, invites, (port) => resolveStart({ proc, port, invites }));
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) before ready: ${stderr.slice(0, 2000)}`)));
  });
}

async function redeem(port: number, token: string): Promise<string> {
  // The link's page asks; its button POSTs from our own origin.
  const res = await fetch(`http://127.0.0.1:${port}/i/${token}`, { method: 'POST', redirect: 'manual', headers: { origin: `http://127.0.0.1:${port}` } });
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`redeem failed (${res.status})`);
  return cookie.split(';')[0];
}

function connect(port: number, cookie: string): Promise<Client> {
  const s = connectClient(`http://127.0.0.1:${port}`, {
    transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin: `http://127.0.0.1:${port}` },
  }) as Client;
  return new Promise((res, rej) => { s.once('connect', () => res(s)); s.once('connect_error', rej); });
}

let keyCounter = 0;
export const newKey = () => `crash-${process.pid}-${Date.now().toString(36)}-${(keyCounter++).toString(36)}`;
export const send = (s: Client, command: Command, key = newKey()): Promise<Ack<CommandResult>> =>
  s.timeout(10_000).emitWithAck('meeting:command', { meetingId: MEETING, key, command });

async function must(s: Client, command: Command) {
  const r = await send(s, command);
  if ('error' in r) throw new Error(`${command.type} refused: ${r.error.code}`);
  return r.data;
}

async function currentState(s: Client): Promise<MeetingState> {
  const r = await s.timeout(10_000).emitWithAck('meeting:join', { protocol: PROTOCOL_VERSION, meetingId: MEETING, lastSeq: null });
  if ('error' in r || r.data.catchUp.kind !== 'snapshot') throw new Error('join failed');
  return r.data.catchUp.state;
}

/** Bring the meeting to an open vote with everyone present (whatever the last cycle left). */
export async function prepare(chair: Client, delegates: { land: string; socket: Client }[], rng: () => number): Promise<string> {
  let state = await currentState(chair);
  if (state.session?.status === 'planned') await must(chair, { type: 'openSession' });
  const present = new Set(Object.values(state.participants).filter((p) => p.presence).map((p) => p.land));
  await Promise.all(delegates.filter((d) => !present.has(d.land)).map((d) => must(d.socket, { type: 'checkIn', mode: 'room' })));
  state = await currentState(chair);
  if (state.openVoteId && rng() < 0.3) await must(chair, { type: 'closeVote', voteId: state.openVoteId });
  state = await currentState(chair);
  if (state.openVoteId) return state.openVoteId;
  const itemId = ITEMS[Math.floor(rng() * ITEMS.length)];
  const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId, paragraph: null } });
  return (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
}

export async function runCycle(world: CrashWorld, rng: () => number = Math.random): Promise<CycleResult> {
  const child = await startChild(world);
  const exited = new Promise<void>((r) => child.proc.once('exit', () => r()));
  const sockets: Client[] = [];
  const acked: AckedVote[] = [];
  try {
    if (!world.chairCookie || !world.delegates) {
      const chairInvite = child.invites.find((i) => i.role === 'chair');
      if (!chairInvite) throw new Error('first start printed no invitations');
      world.chairCookie = await redeem(child.port, chairInvite.token);
      world.delegates = [];
      for (const inv of child.invites.filter((i) => i.role === 'delegate')) {
        world.delegates.push({ land: /^p-([A-Z]{2})-member$/.exec(inv.participant)![1], cookie: await redeem(child.port, inv.token) });
      }
    }
    const chair = await connect(child.port, world.chairCookie);
    const delegates = await Promise.all(world.delegates.map(async (d) => ({ land: d.land, socket: await connect(child.port, d.cookie) })));
    sockets.push(chair, ...delegates.map((d) => d.socket));
    const voteId = await prepare(chair, delegates, rng);

    // Vote as fast as possible; the kill comes at a random moment.
    let killed = false;
    const voters = delegates.map(async (d) => {
      while (!killed) {
        const key = newKey();
        const choice = CHOICES[Math.floor(rng() * 3)];
        let res: Ack<CommandResult>;
        try { res = await send(d.socket, { type: 'castVote', voteId, land: d.land, choice }, key); } catch { return; }
        if ('data' in res) acked.push({ key, seq: res.data.seq, voteId, land: d.land, choice });
      }
    });
    await new Promise((r) => setTimeout(r, Math.floor(rng() * 300)));
    child.proc.kill('SIGKILL');
    killed = true;
    await exited;
    sockets.forEach((s) => s.disconnect());
    await Promise.all(voters);
  } finally {
    if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
    await exited;
    sockets.forEach((s) => s.disconnect());
  }
  return checkLog(world.dataDir, acked);
}

/** After the kill, read the log directly: every acknowledged vote is there, and the chain verifies. */
export async function checkLog(dataDir: string, acked: AckedVote[]): Promise<CycleResult> {
  const file = join(dataDir, 'plenum.sqlite');
  const report = await verifyDatabase(file);
  const stores = openSqliteStores(file);
  try {
    const bySeq = new Map((await stores.events.read(MEETING, 0)).map((r) => [r.seq, JSON.parse(r.json) as MeetingEvent]));
    const lost = acked.filter((a) => {
      const e = bySeq.get(a.seq);
      return !(e && e.type === 'VoteCast' && e.voteId === a.voteId && e.land === a.land && e.choice === a.choice);
    });
    return { acked, lost, verified: report.ok, reason: report.failure?.reason, events: bySeq.size };
  } finally {
    await stores.close();
  }
}

/** A small seeded PRNG (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
