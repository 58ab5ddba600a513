import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { EventOf } from '@plenum/shared';
import { dbFile } from '../src/app.ts';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import { closeAll, delegateLinks, rehashInFile, landOf, linkFor, login, must, openAndCheckIn, startTestServer, type TestServer } from './helpers.ts';

describe('verifier: the log checked behind the server\'s back', () => {
  let server: TestServer;
  let file: string;
  let castSeq: number;

  beforeAll(async () => {
    server = await startTestServer();
    const chair = await login(server, linkFor(server.links, 'chair'));
    const links = delegateLinks(server.links);
    const delegates = await Promise.all(links.map((l) => login(server, l)));
    await openAndCheckIn(chair, delegates);
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-7', paragraph: null } });
    const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
    const casts = await Promise.all(delegates.map((d, i) => must(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: i < 10 ? 'yes' : 'no' })));
    castSeq = casts[0].seq;
    await must(chair, { type: 'closeVote', voteId });
    closeAll([chair, ...delegates]);
    file = dbFile(server.dataDir);
    await server.stop(false);
  });

  afterAll(() => rmSync(server.dataDir, { recursive: true, force: true }));

  it('an untouched log verifies, with its closed vote recounted', async () => {
    const report = await verifyDatabase(file);
    // The demo meeting and the next session the demo conference holds.
    expect(report).toMatchObject({ ok: true, meetings: 2, votesChecked: 1, failure: null });
  });

  it('a row edited in the SQLite file is named by meeting and seq', async () => {
    const db = new Database(file);
    const row = db.prepare('SELECT json FROM events WHERE stream = ? AND seq = ?').get('dmk-2024-1', castSeq) as { json: string };
    const flipped = row.json.includes('"yes"') ? row.json.replace('"yes"', '"no"') : row.json.replace('"no"', '"yes"');
    db.prepare('UPDATE events SET json = ? WHERE stream = ? AND seq = ?').run(flipped, 'dmk-2024-1', castSeq);
    db.close();
    const report = await verifyDatabase(file);
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ stream: 'dmk-2024-1', seq: castSeq, reason: expect.stringContaining('hash') });
    // npm run verify: the same verdict on the console, exit code 1.
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', file], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`meeting dmk-2024-1, seq ${castSeq}`);
  });

  it('a forger who also rewrites every later hash is caught by the independent recount of the vote', async () => {
    const db = new Database(file);
    rehashInFile(db, 'dmk-2024-1', 1);
    db.close();
    const report = await verifyDatabase(file);
    expect(report.ok).toBe(false);
    expect(report.failure?.reason).toMatch(/VoteClosed .*(recounted|choice)/);
  });

  it('a deleted row breaks seq continuity at that row', async () => {
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream = 'dmk-2024-1' AND seq = 3").run();
    db.close();
    expect((await verifyDatabase(file)).failure).toMatchObject({ seq: 4, reason: expect.stringContaining('seq') });
  });
});
