import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { now, withTimeout } from './clock.ts';
import type { ProbeReading } from '../probe/server-probe.ts';
import { onChildLines } from '../../server/src/cli/child-lines.ts';

const PROBE = fileURLToPath(new URL('../probe/server-probe.ts', import.meta.url));

export interface ServerSpec {
  entry: string;
  env: Record<string, string>;
  /** Matches the ready line; group 1 is the port. */
  ready: RegExp;
  readyTimeoutMs?: number;
  cwd?: string;
  /** Node flags; default: tsx and the probe preloaded. [] runs a built bundle as `npm start` does (no probe). */
  execArgv?: string[];
}

/**
 * A server (ours or bare) as a child process of the bench, with the probe preloaded. Keeps its
 * stdout lines (ours prints invitation links on first start) and always dies with the bench.
 */
export class ServerProcess {
  readonly lines: string[] = [];
  port = 0;
  /** Spawn → ready line, ms. */
  startMs = 0;
  private nextId = 1;
  private pending = new Map<number, (r: ProbeReading) => void>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: { bench?: string; id?: number; reading?: ProbeReading }) => {
      if (m?.bench === 'probe' && m.id !== undefined) { this.pending.get(m.id)?.(m.reading!); this.pending.delete(m.id); }
    });
  }

  get pid(): number { return this.child.pid!; }

  static async start(spec: ServerSpec): Promise<ServerProcess> {
    const t0 = now();
    const child = fork(spec.entry, [], {
      cwd: spec.cwd,
      execArgv: spec.execArgv ?? ['--import', 'tsx', '--import', PROBE, '--expose-gc',
        // BENCH_CPU_PROF=<dir>: write a V8 CPU profile of the server on exit (for finding levers).
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new ServerProcess(child);
    const onExit = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
    process.once('exit', onExit);
    child.once('exit', () => process.off('exit', onExit));
    const ready = new Promise<number>((resolve, reject) => {
      onChildLines(child.stdout!, (line) => {
        if (server.lines.length < 2_000) server.lines.push(line); // the head holds the links
        const m = spec.ready.exec(line);
        if (m) resolve(Number(m[1]));
      });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); if (process.env.BENCH_DEBUG) process.stderr.write(d); });
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before ready: ${err}`)));
    });
    try {
      server.port = await withTimeout(ready, spec.readyTimeoutMs ?? 30_000, `${spec.entry} ready`);
    } catch (e) {
      child.kill('SIGKILL');
      throw e;
    }
    server.startMs = now() - t0;
    return server;
  }

  probe(op: 'read' | 'reset' | 'gc' = 'read'): Promise<ProbeReading> {
    const id = this.nextId++;
    const p = new Promise<ProbeReading>((resolve) => this.pending.set(id, resolve));
    this.child.send({ bench: 'probe', op, id });
    return withTimeout(p, 10_000, `probe ${op}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => { this.child.kill('SIGKILL'); resolve(); }, 5_000);
      this.child.once('exit', () => { clearTimeout(t); resolve(); });
      this.child.kill('SIGTERM');
    });
  }
}
