import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onChildLines } from '../../server/src/cli/child-lines.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Invite { role: string; participant: string; token: string }

/** One node of a test cluster: a server process of its own on PostgreSQL and Redis. */
export interface NodeProcess {
  index: number;
  proc: ChildProcess;
  port: number;
  url: string;
  /** The demo invitations (the first node only, on an empty database). */
  invites: Invite[];
  exited: Promise<void>;
  dataDir: string;
}

export interface ClusterEnv {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** How to start a node, e.g. the bundle from test/crash/cycle.ts bundledCommand(). */
  command: string[];
  /** The address clients use (a proxy): allowed as an origin on every node. */
  publicUrl?: string;
}

/**
 * Start node `index` (the demo is seeded by node 0 only) on a fixed or free port; resolves on its
 * ready line. Each node has its own data folder (its signed checkpoints).
 */
export function startNode(env: ClusterEnv, index: number, options: { port?: number; dataDir?: string } = {}): Promise<NodeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `plenum-node${index}-`));
  return new Promise((resolveStart, reject) => {
    const [cmd, ...args] = env.command;
    const proc = spawn(cmd!, args, {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env, DATA_DIR: dataDir, PORT: String(options.port ?? 0), HOST: '127.0.0.1', LOG_LEVEL: 'error',
        STORE: 'postgres', DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, REDIS_PREFIX: env.redisPrefix,
        // The harness asks for whole snapshots many times a minute (the crash test reads the state
        // before every cycle); a node that survives many cycles would otherwise refuse the chair's
        // 31st join of the minute as rate.limited, as it should refuse an abusive client.
        DEMO: index === 0 ? '1' : '0', RATE_PER_SECOND: '1000', RATE_BURST: '1000', SNAPSHOTS_PER_MINUTE: '1000',
        ...(env.publicUrl ? { PUBLIC_URL: env.publicUrl } : {}),
      },
    });
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const invites: Invite[] = [];
    let stderr = '';
    proc.stderr!.on('data', (d) => { stderr = (stderr + String(d)).slice(-4000); });
    onServerLines(proc, (line) => {
      if (process.env.PLENUM_NODE_LOG) console.log(`[node ${index}] ${line}`);
    }, invites, (port) => resolveStart({ index, proc, port, url: `http://127.0.0.1:${port}`, invites, exited, dataDir }));
    proc.once('exit', (code, signal) => reject(new Error(`node ${index} exited (${code ?? signal}) before ready: ${stderr}`)));
  });
}

/** Read a server's stdout by line: its demo invitations (PLENUM_INVITE) and its ready line (PLENUM_READY port=…). */
export function onServerLines(proc: ChildProcess, onLine: (line: string) => void, invites: Invite[], onReady: (port: number) => void) {
  onChildLines(proc.stdout!, (line) => {
    onLine(line);
    const inv = /^PLENUM_INVITE role=(\S+) participant=(\S+) url=\S+\/i\/([A-Za-z0-9_-]+)/.exec(line);
    if (inv) invites.push({ role: inv[1]!, participant: inv[2]!, token: inv[3]! });
    const ready = /^PLENUM_READY port=(\d+)/.exec(line);
    if (ready) onReady(Number(ready[1]));
  });
}

/** Stop a node: SIGKILL (a crash) or SIGTERM (a clean stop). */
export async function stopNode(node: NodeProcess, signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
  if (node.proc.exitCode === null && node.proc.signalCode === null) node.proc.kill(signal);
  await node.exited;
}

export function removeNodeData(node: NodeProcess) {
  rmSync(node.dataDir, { recursive: true, force: true });
}

/** Redeem an invitation on any node (the sessions are in PostgreSQL): the cookie. */
export async function redeemOn(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/i/${token}`, { method: 'POST', redirect: 'manual', headers: { origin: new URL(baseUrl).origin } });
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`redeem failed (${res.status})`);
  return cookie.split(';').find((c) => c.startsWith('plenum_session='))?.trim() ?? cookie.split(';')[0]!;
}
