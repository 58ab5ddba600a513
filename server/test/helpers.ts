import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  DEMO_MEETING_ID, PROTOCOL_VERSION, evolve, initialState, type Ack, type ClientToServerEvents, type Command, type CommandResult,
  type EventEnvelope, type JoinResult, type MeetingState, type PublicProjection, type ServerToClientEvents,
} from '@plenum/shared';
import { startServer, type RunningServer } from '../src/app.ts';
import type { ConfigInput } from '../src/config.ts';
import type Database from 'better-sqlite3';
import type { AppendEntry, StoredRow } from '../src/store/event-log.ts';
import { rowHash } from '../src/store/hash.ts';
import { READ_COLUMNS, READ_FROM, storedRowOf, type EventColumns } from '../src/store/row-columns.ts';
import type { DemoLink } from '../src/demo/seed-demo.ts';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const MEETING = DEMO_MEETING_ID;

export interface TestServer extends RunningServer {
  dataDir: string;
  links: DemoLink[];
  /** Stop the server; keep the data folder unless `wipe`. */
  stop(wipe?: boolean): Promise<void>;
}

export function tmpDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'plenum-test-'));
}

/** A real server on port 0 with a real SQLite file in a fresh (or given) data folder. */
export async function startTestServer(options: Partial<ConfigInput> & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tmpDataDir();
  const server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, ...options, dataDir });
  return {
    ...server, dataDir, links: server.demoLinks ?? [],
    async stop(wipe = true) {
      await server.close();
      if (wipe) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const tokenOf = (link: DemoLink | { url: string }) => link.url.split('/i/')[1];
export const linkFor = (links: DemoLink[], role: string, participantId?: string) => {
  const l = links.find((x) => x.role === role && (participantId === undefined || x.participantId === participantId));
  if (!l) throw new Error(`no demo link for ${role} ${participantId ?? ''}`);
  return l;
};
export const delegateLinks = (links: DemoLink[]) => links.filter((l) => l.role === 'delegate');
export const landOf = (link: DemoLink) => /^p-([A-Z]{2})-member$/.exec(link.participantId ?? '')?.[1] ?? '';

/** Redeem an invitation like a browser: GET /i/:token shows the page, its button POSTs (with Origin) → 303 with the session cookie. */
export async function redeem(baseUrl: string, token: string): Promise<string> {
  const page = await fetch(`${baseUrl}/i/${token}`, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`redeem failed: ${page.status} ${page.headers.get('location')}`);
  const res = await fetch(`${baseUrl}/i/${token}`, { method: 'POST', redirect: 'manual', headers: { origin: new URL(baseUrl).origin } });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !setCookie) throw new Error(`redeem failed: ${res.status} ${res.headers.get('location')}`);
  return setCookie.split(';')[0];
}

export interface ConnectOptions { cookie?: string; origin?: string | null; reconnect?: boolean; auth?: Record<string, unknown> }

/** A real Socket.IO client over WebSocket, cookie and Origin set like a browser would. */
export function connect(baseUrl: string, opts: ConnectOptions = {}): Client {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  const origin = opts.origin === undefined ? new URL(baseUrl).origin.replace('127.0.0.1', 'localhost') : opts.origin;
  if (origin) headers.origin = origin;
  return connectClient(baseUrl, { transports: ['websocket'], extraHeaders: headers, reconnection: opts.reconnect ?? false, reconnectionDelay: 50, forceNew: true, ...(opts.auth ? { auth: opts.auth } : {}) }) as Client;
}

export function connected(socket: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** connect_error's code (the handshake refusal), or 'connected'. */
export function handshakeOutcome(socket: Client): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve((err as Error & { data?: { code?: string } }).data?.code ?? err.message));
  });
}

export async function login(server: { url: string }, link: DemoLink | { url: string }): Promise<Client> {
  const cookie = await redeem(server.url, tokenOf(link));
  const s = connect(server.url, { cookie });
  await connected(s);
  return s;
}

export const newKey = () => `k-${randomUUID()}`;

export function send(socket: Client, command: Command | unknown, key = newKey(), meetingId = MEETING): Promise<Ack<CommandResult>> {
  return socket.timeout(20_000).emitWithAck('meeting:command', { meetingId, key, command: command as Command });
}

export async function must(socket: Client, command: Command): Promise<CommandResult> {
  const res = await send(socket, command);
  if ('error' in res) throw new Error(`${(command as { type: string }).type} refused: ${JSON.stringify(res.error)}`);
  return res.data;
}

export function joinMeeting(socket: Client, lastSeq: number | null = null, meetingId = MEETING): Promise<Ack<JoinResult>> {
  return socket.timeout(20_000).emitWithAck('meeting:join', { protocol: PROTOCOL_VERSION, meetingId, lastSeq });
}

/**
 * A client-side mirror: joins, applies the catch-up, then every broadcast by seq (as the real client
 * must). A public follower gets projections instead: the newest is kept, older ones are ignored.
 */
export class Mirror {
  state: MeetingState = initialState();
  received: EventEnvelope[] = [];
  projection: PublicProjection | null = null;
  projections: PublicProjection[] = [];
  constructor(readonly socket: Client) {
    socket.on('meeting:events', (msg) => { for (const e of msg.events) this.apply(e); });
    socket.on('meeting:public', (msg) => this.take(msg.projection));
  }
  take(p: PublicProjection) {
    this.projections.push(p);
    if (!this.projection || p.seq > this.projection.seq) this.projection = p;
  }
  apply(e: EventEnvelope) {
    if (e.seq <= this.state.seq) return;
    if (e.seq !== this.state.seq + 1) throw new Error(`gap: have ${this.state.seq}, got ${e.seq}`);
    this.received.push(e);
    this.state = { ...evolve(this.state, e.event), seq: e.seq };
  }
  async join(): Promise<JoinResult> {
    const res = await joinMeeting(this.socket, this.state.seq);
    if ('error' in res) throw new Error(`join refused: ${res.error.code}`);
    const c = res.data.catchUp;
    if (c.kind === 'snapshot') this.state = c.state;
    else if (c.kind === 'public') this.take(c.projection);
    else for (const e of c.events) this.apply(e);
    return res.data;
  }
}

export const waitFor = async (cond: () => boolean | Promise<boolean>, what: string, ms = 20_000) => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Open the session, check in the given delegates (room), return when done. */
export async function openAndCheckIn(chair: Client, delegates: Client[]) {
  await must(chair, { type: 'openSession' });
  await Promise.all(delegates.map((d) => must(d, { type: 'checkIn', mode: 'room' })));
}

export const closeAll = (sockets: Client[]) => sockets.forEach((s) => s.disconnect());

/** A meeting's stored events after `afterSeq`, read through its runtime (parsed with the event schema). */
export async function readMeeting(server: RunningServer, afterSeq = 0, meetingId = MEETING): Promise<EventEnvelope[]> {
  const rt = await server.registry.get(meetingId);
  if (!rt) throw new Error(`no meeting ${meetingId}`);
  return rt.read(afterSeq);
}

/** Events written as history (as an earlier run would have): one append entry per event, its actor from `by`. */
export function historyEntries(events: { type: string; at: string; by: { role: string; participantId: string | null } }[]): AppendEntry[] {
  return events.map((e) => ({ events: [e], actor: e.by, idempotency: null }));
}

/** A REST call with the session cookie as a browser sends it: GET, or POST with JSON and our Origin. */
export async function api(server: { url: string }, path: string, cookie: string | null, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) as any }; // the tests read what they expect of each route
}

/** A stream's rows straight from a SQLite file, each with the command key chained to it (what rowHash covers), and its rowid. */
export function rowsInFile(db: Database.Database, stream: string): (StoredRow & { rowid: number })[] {
  return (db.prepare(`SELECT e.rowid AS rowid, ${READ_COLUMNS} FROM ${READ_FROM} WHERE e.stream = ? ORDER BY e.seq`).all(stream) as (EventColumns & { rowid: number })[])
    .map((r) => ({ ...storedRowOf(r), rowid: r.rowid }));
}

/**
 * Rewrite a stream's rows from `fromSeq` on with a new chain, `edit` applied to each row's JSON
 * first: what an attacker with the file and the code can do.
 */
export function rehashInFile(db: Database.Database, stream: string, fromSeq: number, edit: (r: StoredRow) => string = (r) => r.json) {
  const all = rowsInFile(db, stream);
  let prev = all.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  const update = db.prepare('UPDATE events SET json = ?, prev_hash = ?, hash = ? WHERE rowid = ?');
  for (const r of all.filter((x) => x.seq >= fromSeq)) {
    const json = edit(r);
    const hash = rowHash(prev, { ...r, json });
    update.run(json, prev, hash, r.rowid);
    prev = hash;
  }
}
