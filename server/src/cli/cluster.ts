import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startStickyProxy } from '../cluster/sticky-proxy.ts';
import { onChildLines } from './child-lines.ts';

/**
 * npm run cluster [-- --nodes 2 --port 3000 --database plenum_cluster]
 *
 * Tries the cluster on this machine: builds, then starts `--nodes` equal nodes (ports port+1 …)
 * on one PostgreSQL database and one Redis, and the sticky proxy on `--port` (what browsers open).
 * Node 1 seeds the demo and prints its invitation links (with the proxy's address). Needs
 * PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/plenum_cluster, created if
 * missing) and Redis (REDIS_URL, default redis://127.0.0.1:6379). Ctrl-C stops everything.
 */
const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '2' }, port: { type: 'string', default: '3000' }, database: { type: 'string', default: 'plenum_cluster' },
  },
});
const nodes = Number(values.nodes);
const port = Number(values.port);
const databaseUrl = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${values.database}`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const publicUrl = `http://localhost:${port}`;
const ROOT = resolve(import.meta.dirname, '../../..');

async function ensureDatabase(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name}: letters, digits and _ only`);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`cluster: created database ${name}`);
    }
  } finally { await client.end(); }
}

function startNode(i: number): Promise<ChildProcess> {
  const dataDir = resolve(ROOT, `data/cluster/node-${i}`);
  mkdirSync(dataDir, { recursive: true });
  const proc = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, PORT: String(port + i), HOST: '127.0.0.1', DATA_DIR: dataDir, STORE: 'postgres', DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl, PUBLIC_URL: publicUrl, ALLOWED_ORIGINS: [publicUrl, `http://127.0.0.1:${port}`].join(','), DEMO: i === 1 ? '1' : '0',
    },
  });
  return new Promise((resolveReady, reject) => {
    onChildLines(proc.stdout!, (line) => {
      console.log(`[node ${i}] ${line}`);
      if (line.startsWith('PLENUM_READY')) resolveReady(proc);
    });
    proc.once('exit', (code) => reject(new Error(`node ${i} exited (${code}) before it was ready`)));
  });
}

await ensureDatabase(databaseUrl);
const children: ChildProcess[] = [];
// Node 1 first: it migrates the schema and seeds the demo; the others join the same database.
children.push(await startNode(1));
for (let i = 2; i <= nodes; i++) children.push(await startNode(i));
const proxy = await startStickyProxy(Array.from({ length: nodes }, (_, i) => ({ host: '127.0.0.1', port: port + 1 + i })), { port, host: '127.0.0.1' });
console.log(`\nPlenum cluster: ${publicUrl} (proxy, sticky) → nodes on ports ${Array.from({ length: nodes }, (_, i) => port + 1 + i).join(', ')}`);
console.log(`  PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}, Redis ${redisUrl}. Try: kill one node (its pid below) and watch the clients move.`);
children.forEach((c, i) => console.log(`  node ${i + 1}: pid ${c.pid}, /healthz at http://127.0.0.1:${port + 1 + i}/healthz`));

const stop = async () => {
  await proxy.close();
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
