import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** One invitation link the server printed on first start (`PLENUM_INVITE role=… participant=… url=… label=…`). */
export interface PrintedLink {
  role: string;
  participantId: string | null;
  url: string;
  label: string;
}

const READY_LINE = /PLENUM_READY\s+port=(\d+)/;
const INVITE_LINE = /^PLENUM_INVITE role=(\S+) participant=(\S+) url=(\S+\/i\/[A-Za-z0-9_-]+) label=(.*)$/;

export function parsePrintedLinks(text: string): PrintedLink[] {
  const links: PrintedLink[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = INVITE_LINE.exec(line.trim());
    if (m) links.push({ role: m[1], participantId: m[2] === '-' ? null : m[2], url: m[3], label: m[4].trim() });
  }
  return links;
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  links: PrintedLink[];
  /** Everything the server wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
  /** Ends the server with the signal, runs `whileDown`, and starts it again on the same port and data folder. */
  restart(signal: 'SIGTERM' | 'SIGKILL', whileDown?: () => Promise<void>): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitFor(check: () => boolean, timeoutMs: number, child: ChildProcess, what: string, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) return done(resolve);
      if (child.exitCode !== null) return done(() => reject(new Error(`server exited (${child.exitCode}) before ${what}:\n${output()}`)));
      if (Date.now() - started > timeoutMs) return done(() => reject(new Error(`timed out waiting for ${what}:\n${output()}`)));
    }, 50);
    const done = (fn: () => void) => { clearInterval(timer); fn(); };
  });
}

/** The server as a child process, started as a user starts it, with its output collected. */
function spawnServer(port: number, dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
  return { child, output: () => out };
}

/** Ends the process with `signal` and waits for its exit (SIGTERM: the server's graceful shutdown; SIGKILL after 5 s). */
async function ending(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(killer);
}

/**
 * Starts the server exactly as a user does (`node --import tsx server/src/main.ts`) on a free port
 * with a fresh, empty data folder, so it creates the demo session and prints its invitation links.
 * `restart` ends it (SIGTERM: planned; SIGKILL: a crash) and starts it again on the same port and
 * data folder, as an operator would; the pages stay open.
 */
export async function startServer(options: { expectedLinks?: number; timeoutMs?: number } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  const port = await freePort();
  let current = spawnServer(port, dataDir);
  let earlier = '';
  const output = () => (earlier + current.output()).slice(-8000);

  const stop = async () => {
    await ending(current.child, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const restart = async (signal: 'SIGTERM' | 'SIGKILL', whileDown?: () => Promise<void>) => {
    await ending(current.child, signal);
    earlier += current.output() + `\n--- ${signal}, restarting ---\n`;
    await whileDown?.();
    current = spawnServer(port, dataDir);
    await waitFor(() => READY_LINE.test(current.output()), timeoutMs, current.child, 'the PLENUM_READY line after a restart', output);
  };

  try {
    await waitFor(() => READY_LINE.test(current.output()), timeoutMs, current.child, 'the PLENUM_READY line', output);
    const out = current.output();
    const boundPort = Number(READY_LINE.exec(out)![1]);
    // Links may be printed just after the ready line; wait until all are there.
    const expected = options.expectedLinks ?? 1;
    await waitFor(() => parsePrintedLinks(current.output()).length >= expected, 10_000, current.child, `${expected} invitation links`, output);
    // The server prints links with its public URL; talk to it where it listens (same host name,
    // so the session cookie set by /i/:token belongs to the pages that follow).
    const baseUrl = `http://localhost:${boundPort}`;
    const links = parsePrintedLinks(current.output()).map((l) => ({ ...l, url: baseUrl + new URL(l.url).pathname }));
    return { baseUrl, port: boundPort, dataDir, links, output, stop, restart };
  } catch (error) {
    await stop();
    throw error;
  }
}
