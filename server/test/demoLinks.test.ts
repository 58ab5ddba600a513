import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFromEnv } from '../src/config.ts';
import { tmpDataDir } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Start the real server process; collect stdout and stderr until it is ready, then stop it. */
function startOutput(env: Record<string, string>): Promise<string> {
  const dataDir = tmpDataDir();
  return new Promise((resolveOut, reject) => {
    const proc = spawn('node', ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const collect = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('PLENUM_READY')) proc.kill('SIGTERM');
    };
    proc.stdout.on('data', collect);
    proc.stderr.on('data', collect);
    proc.once('exit', () => { rmSync(dataDir, { recursive: true, force: true }); out.includes('PLENUM_READY') ? resolveOut(out) : reject(new Error(out)); });
  });
}

describe('F10: demo invitation links are not printed in production', () => {
  it('NODE_ENV=production: the demo is created, but no link (no secret) reaches stdout or the log', async () => {
    const out = await startOutput({ NODE_ENV: 'production' });
    expect(out).not.toContain('PLENUM_INVITE');
    expect(out).not.toMatch(/\/i\/[A-Za-z0-9_-]{20,}/);
    expect(out).toContain('not printed');
  }, 60_000);

  it('development: the links are printed for the demo (as before)', async () => {
    const out = await startOutput({ NODE_ENV: 'development' });
    expect(out).toMatch(/PLENUM_INVITE role=office participant=\S+ url=http:\/\/\S+\/i\/[A-Za-z0-9_-]{20,}/);
  }, 60_000);

  it('DEMO=0: no demo meeting, so nothing to print', () => {
    expect(configFromEnv({ DEMO: '0' })).toMatchObject({ demo: false });
    expect(configFromEnv({ NODE_ENV: 'production' })).toMatchObject({ printDemoLinks: false });
  });
});
