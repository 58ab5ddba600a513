import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import { CommandRequest, DEMO_MEETING_ID, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '@plenum/shared';
import { startServer, type RunningServer } from '../../server/src/app.ts';
import { COMMAND_SCHEMAS, deepJson, fuzzCommand, hostileValue, pick, PROTOTYPE_KEYS, rng, type Rng, type StreamName } from './hostile.ts';

/**
 * The fuzzer against a real server (in this process, real SQLite file, real Socket.IO clients,
 * real HTTP): every role's socket sends mutated commands of every type; REST routes get
 * mutated bodies. It counts what must be 0:
 * - acceptedWhenInvalid: an answer with data for a message its schema refuses;
 * - crashes: `internal.error`, a 5xx, or a message never answered;
 * - appendedByRefused: events in the log beyond those the accepted answers reported;
 * - leaks: heap growth after GC beyond `leakMb` between the warm-up and the end.
 */
export interface FuzzReport {
  seed: number; messages: number; socketMessages: number; restRequests: number;
  accepted: number; refused: number; codes: Record<string, number>;
  acceptedWhenInvalid: number; crashes: number; unanswered: number; appendedByRefused: number;
  heapGrowthMb: number | null; leaks: number; examples: string[];
}

type Role = 'office' | 'chair' | 'delegate' | 'screen' | 'public';
type Answer = { data?: { events?: unknown[] }; error?: { code: string } };
const ROLES: Role[] = ['office', 'chair', 'delegate', 'delegate', 'screen', 'public'];
const STREAMS: Exclude<StreamName, 'meeting'>[] = ['circular', 'protocol', 'extraordinary', 'followup', 'agenda'];

async function betweenEvents(server: RunningServer): Promise<number> {
  let n = 0;
  for (const kind of STREAMS) for (const s of await Promise.resolve(server.between.service.list(kind))) n += s.seq;
  return n;
}

export async function runFuzz(opts: { messages: number; seed?: number; leakMb?: number; log?: (s: string) => void }): Promise<FuzzReport> {
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const r: Rng = rng(seed);
  const log = opts.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-fuzz-'));
  const unlimited = 1_000_000_000;
  const server = await startServer({
    port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir,
    // Every message must reach the checks behind the limits (the limits have their own tests).
    rateLimit: { perSecond: unlimited, burst: unlimited }, restPerMinute: { perIp: unlimited, perSession: unlimited },
    limits: { socketsPerSession: 100, socketsPerIp: 1000, snapshotsPerMinute: unlimited, bytesPerSecond: unlimited, bytesBurst: unlimited },
  });
  const report: FuzzReport = {
    seed, messages: opts.messages, socketMessages: 0, restRequests: 0, accepted: 0, refused: 0, codes: {},
    acceptedWhenInvalid: 0, crashes: 0, unanswered: 0, appendedByRefused: 0, heapGrowthMb: null, leaks: 0, examples: [],
  };
  const show = (v: unknown) => { try { return JSON.stringify(v).slice(0, 300); } catch { return '(too deep to print)'; } };
  const note = (what: string, detail: unknown) => { if (report.examples.length < 10) report.examples.push(`${what}: ${show(detail)}`); };
  const origin = server.url;
  const cookies: Partial<Record<Role, string>> = {};
  const sockets: { role: Role; socket: Socket }[] = [];
  try {
    for (const link of server.demoLinks ?? []) {
      const role = link.role as Role;
      if (cookies[role] && role !== 'delegate') continue;
      const res = await fetch(link.url.replace(/^http:\/\/localhost/, 'http://127.0.0.1'), { method: 'POST', redirect: 'manual', headers: { origin } });
      const cookie = res.headers.get('set-cookie')?.split(';')[0];
      if (cookie && !cookies[role]) cookies[role] = cookie;
    }
    for (const role of ROLES) {
      const headers: Record<string, string> = { origin };
      if (role !== 'public' && cookies[role]) headers.cookie = cookies[role]!;
      const socket = connectClient(server.url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
      await new Promise<void>((ok, fail) => { socket.once('connect', () => ok()); socket.once('connect_error', fail); });
      sockets.push({ role, socket });
    }
    const runtime = (await server.registry.get(DEMO_MEETING_ID))!;
    const seqBefore = runtime.seq;
    const betweenBefore = await betweenEvents(server);
    let appendedByAnswers = 0;
    let betweenByAnswers = 0;
    let heapAtWarmup: number | null = null;
    const gc = (globalThis as { gc?: () => void }).gc;

    const count = (code: string) => { report.codes[code] = (report.codes[code] ?? 0) + 1; };
    const socketMessage = async () => {
      const { role, socket } = pick(r, sockets);
      const kind = r();
      let event = 'meeting:command';
      let payload: unknown;
      if (kind < 0.7) payload = { meetingId: DEMO_MEETING_ID, key: `fz-${Math.floor(r() * 1e12).toString(36)}x`, command: fuzzCommand('meeting', r) };
      else if (kind < 0.8) payload = { meetingId: pick(r, [DEMO_MEETING_ID, ...PROTOTYPE_KEYS, '']), key: hostileValue(r), command: fuzzCommand('meeting', r), ...(r() < 0.5 ? { extra: 1 } : {}) };
      else if (kind < 0.9) { event = pick(r, ['meeting:join', 'meeting:resync']); payload = r() < 0.5 ? { protocol: PROTOCOL_VERSION, meetingId: DEMO_MEETING_ID, lastSeq: pick(r, [null, 0, 3, -1, 1e12]) } : hostileValue(r); }
      else { event = pick(r, ['meeting:commandx', '__proto__', 'constructor', 'x'.repeat(200), 'meeting:command:', 'hasOwnProperty']); payload = hostileValue(r); }
      report.socketMessages += 1;
      let answer: Answer;
      try {
        answer = (await socket.timeout(30_000).emitWithAck(event as never, payload as never)) as Answer;
      } catch {
        report.unanswered += 1; report.crashes += 1; note('unanswered', { role, event, payload });
        return;
      }
      if (answer?.data) {
        report.accepted += 1;
        if (event === 'meeting:command') {
          appendedByAnswers += (answer.data as { duplicate?: boolean }).duplicate ? 0 : (answer.data.events?.length ?? 0);
          // Judge what went over the wire (an assignment to `__proto__` changes the object, not the JSON).
          const parsed = CommandRequest.safeParse(JSON.parse(JSON.stringify(payload)));
          if (!parsed.success || !COMMAND_SCHEMAS.meeting.safeParse(parsed.data.command).success) {
            report.acceptedWhenInvalid += 1; note('accepted when invalid', { role, payload });
          }
        }
      } else {
        report.refused += 1;
        const code = answer?.error?.code ?? 'no-code';
        count(code);
        if (code === 'internal.error' || code === 'no-code') { report.crashes += 1; note(code, { role, event, payload }); }
      }
    };

    const restRequest = async () => {
      report.restRequests += 1;
      const role = pick(r, ROLES);
      const headers: Record<string, string> = { origin };
      if (role !== 'public' && cookies[role]) headers.cookie = cookies[role]!;
      const kind = pick(r, STREAMS);
      const id = pick(r, [DEMO_MEETING_ID, 'circ-1', 'm-x', ...PROTOTYPE_KEYS]);
      const route = r();
      let res: Response;
      let command: unknown = null;
      if (route < 0.6) {
        command = fuzzCommand(kind, r);
        const body = r() < 0.9 ? JSON.stringify({ command, key: r() < 0.5 ? `fzr-${Math.floor(r() * 1e12).toString(36)}` : hostileValue(r) }) : deepJson(pick(r, [100, 3_000, 30_000]), r() < 0.5);
        res = await fetch(`${server.url}/api/between/${kind}/${encodeURIComponent(id)}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      } else if (route < 0.75) {
        res = await fetch(`${server.url}/api/between/${pick(r, [kind, ...PROTOTYPE_KEYS])}${r() < 0.5 ? `/${encodeURIComponent(id)}` : ''}`, { headers });
      } else if (route < 0.85) {
        res = await fetch(`${server.url}/api/meetings/${encodeURIComponent(id)}/invitations`, {
          method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(r() < 0.5 ? { role: pick(r, ['delegate', 'office', 'public', 'system', '__proto__']), label: hostileValue(r), participantId: hostileValue(r) } : hostileValue(r)),
        });
      } else {
        const path = pick(r, ['/api/me', `/api/meetings/${id}/deadlines`, `/api/meetings/${id}/export`, `/api/meetings/${id}/protocol.md`, `/api/meetings/${id}/protocol.json`,
          '/api/publications?q=%3Cscript%3E', `/api/${pick(r, PROTOTYPE_KEYS)}`, `/i/${pick(r, PROTOTYPE_KEYS)}`]);
        res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
      }
      const text = await res.text();
      if (res.status >= 500) { report.crashes += 1; note(`HTTP ${res.status}`, { role, kind, id, text: text.slice(0, 100) }); return; }
      if (res.status >= 200 && res.status < 300 && route < 0.6) {
        const body = JSON.parse(text) as Answer;
        report.accepted += 1;
        betweenByAnswers += (body.data as { duplicate?: boolean } | undefined)?.duplicate ? 0 : (body.data?.events?.length ?? 0);
        if (!COMMAND_SCHEMAS[kind].safeParse(JSON.parse(JSON.stringify(command ?? null))).success) { report.acceptedWhenInvalid += 1; note('REST accepted when invalid', { kind, command }); }
      } else if (res.status >= 400) {
        report.refused += 1;
        count(`HTTP ${res.status}`);
      }
    };

    /** A frame over the transport limit: Socket.IO closes that connection (the only answer it can give). */
    const oversized = async () => {
      report.socketMessages += 1;
      const socket = connectClient(server.url, { transports: ['websocket'], extraHeaders: { origin, cookie: cookies.delegate ?? '' }, reconnection: false, forceNew: true });
      await new Promise<void>((ok) => socket.once('connect', () => ok()));
      const closed = new Promise<string>((ok) => socket.once('disconnect', (reason) => ok(reason)));
      socket.emit('meeting:command', { meetingId: DEMO_MEETING_ID, key: 'fz-oversized-1', command: { type: 'checkIn', mode: 'room', pad: 'a'.repeat(MAX_MESSAGE_BYTES) } } as never);
      const reason = await closed;
      report.refused += 1;
      count(`transport closed: ${reason}`);
    };

    const batch = 20;
    for (let sent = 0; sent < opts.messages; sent += batch) {
      const n = Math.min(batch, opts.messages - sent);
      await Promise.all(Array.from({ length: n }, () => { const x = r(); return x < 0.002 ? oversized() : x < 0.8 ? socketMessage() : restRequest(); }));
      if (heapAtWarmup === null && sent >= opts.messages / 10) { gc?.(); heapAtWarmup = process.memoryUsage().heapUsed; }
      if (sent % 10_000 < batch) log(`${sent + n} / ${opts.messages}`);
      // A socket the server closed (it must not) is reopened so the run goes on, and counted.
      for (const s of sockets) if (s.socket.disconnected) { report.crashes += 1; note('socket closed by server', s.role); s.socket.connect(); await new Promise<void>((ok) => s.socket.once('connect', () => ok())); }
    }
    report.appendedByRefused = (runtime.seq - seqBefore - appendedByAnswers) + (await betweenEvents(server) - betweenBefore - betweenByAnswers);
    if (gc && heapAtWarmup !== null) {
      gc();
      report.heapGrowthMb = Math.round(((process.memoryUsage().heapUsed - heapAtWarmup) / 1e6) * 10) / 10;
      if (report.heapGrowthMb > (opts.leakMb ?? 64)) report.leaks = 1;
    }
    const health = await fetch(`${server.url}/healthz`);
    if (health.status !== 200) report.crashes += 1;
    return report;
  } finally {
    for (const s of sockets) s.socket.disconnect();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
