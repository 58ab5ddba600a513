import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbFile } from '../src/app.ts';
import { rowHash } from '../src/store/hash.ts';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import { linkFor, redeem, rehashInFile, rowsInFile, startTestServer, tokenOf, type TestServer } from './helpers.ts';

const STREAM = 'circular:circ-verify';

async function post(server: TestServer, path: string, cookie: string, body: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

interface BetweenRowInFile { stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null; type: string; json: string; prev_hash: string; hash: string }
const betweenRows = (file: string): BetweenRowInFile[] => {
  const db = new Database(file, { readonly: true });
  try { return db.prepare("SELECT * FROM events WHERE instr(stream, ':') > 0 ORDER BY stream, seq").all() as BetweenRowInFile[]; } finally { db.close(); }
};

describe('verifier: the between-sessions streams checked behind the server\'s back', () => {
  let server: TestServer;
  let file: string;
  let pristine: string; // a copy of the data folder before any tampering

  beforeAll(async () => {
    server = await startTestServer();
    const office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const by = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    const he = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-HE-member')));
    const started = await post(server, '/api/between/circular/circ-verify', office, {
      command: { type: 'startCircular', title: 'Eilbeschluss Verwaltungsportal', text: 'Die DMK unterstützt das gemeinsame Portal.', proposingLand: 'HE', roster: [] },
    });
    expect(started.status).toBe(200);
    // seq 2: BY's answer (with seq 3 its declaration), seq 4: HE's answer.
    expect((await post(server, '/api/between/circular/circ-verify', by, { command: { type: 'answerCircular', choice: 'yes', declaration: 'Bayern unterstützt das Portal.' } })).status).toBe(200);
    expect((await post(server, '/api/between/circular/circ-verify', he, { command: { type: 'answerCircular', choice: 'yes' } })).status).toBe(200);
    await server.stop(false);
    file = dbFile(server.dataDir);
    pristine = mkdtempSync(join(tmpdir(), 'plenum-verify-between-'));
    cpSync(server.dataDir, pristine, { recursive: true });
  });

  afterAll(() => {
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(pristine, { recursive: true, force: true });
  });

  it('each row written by the server carries prev_hash and hash, chained per stream from the genesis hash', async () => {
    const db = new Database(file, { readonly: true });
    const rows = rowsInFile(db, STREAM);
    db.close();
    expect(rows.map((r) => r.type)).toEqual(['CircularStarted', 'CircularAnswered', 'CircularDeclarationAdded', 'CircularAnswered']);
    expect(rows[0].prevHash).toBe('0'.repeat(64));
    for (const [i, r] of rows.entries()) {
      expect(r.hash).toBe(rowHash(r.prevHash, r));
      if (i > 0) expect(r.prevHash).toBe(rows[i - 1].hash);
    }
  });

  it('an intact log verifies, with the between-sessions streams counted', async () => {
    const rows = betweenRows(file);
    const report = await verifyDatabase(file);
    expect(report).toMatchObject({ ok: true, meetings: 2, failure: null });
    expect(report.betweenEvents).toBe(rows.length);
    expect(report.betweenEvents).toBeGreaterThanOrEqual(4);
    expect(report.betweenStreams).toBe(new Set(rows.map((r) => r.stream)).size);
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', file], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`${report.betweenStreams} between-sessions stream(s), ${report.betweenEvents} events`);
  });

  it('R-CIR-3: an answer edited in the SQLite file is named by stream and seq', async () => {
    const db = new Database(file);
    const row = db.prepare('SELECT json FROM events WHERE stream = ? AND seq = 2').get(STREAM) as { json: string };
    expect(row.json).toContain('"choice":"yes"');
    db.prepare('UPDATE events SET json = ? WHERE stream = ? AND seq = 2').run(row.json.replace('"choice":"yes"', '"choice":"no"'), STREAM);
    db.close();
    const report = await verifyDatabase(file);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ log: 'between', stream: STREAM, seq: 2, reason: expect.stringContaining('hash') });
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', file], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN: stream ${STREAM}, seq 2: hash does not match`);
  });

  it('a forger who also rewrites the later hashes is caught by the event schema', async () => {
    const db = new Database(file);
    rehashInFile(db, STREAM, 1, (r) => (r.seq === 2 ? r.json.replace(/"choice":"\w+"/, '"choice":"maybe"') : r.json));
    db.close();
    expect((await verifyDatabase(file)).failure).toMatchObject({ stream: STREAM, seq: 2, reason: expect.stringContaining('schema') });
  });

  it('a deleted row breaks seq continuity at that row', async () => {
    const db = new Database(file);
    const restore = db.prepare('UPDATE events SET json = ?, prev_hash = ?, hash = ? WHERE stream = ? AND seq = ?');
    for (const r of betweenRows(dbFile(pristine))) restore.run(r.json, r.prev_hash, r.hash, r.stream, r.seq);
    expect((await verifyDatabase(file)).ok).toBe(true); // the forgeries above undone
    db.prepare('DELETE FROM events WHERE stream = ? AND seq = 3').run(STREAM);
    db.close();
    expect((await verifyDatabase(file)).failure).toMatchObject({ stream: STREAM, seq: 4, reason: expect.stringContaining('seq') });
  });
});
