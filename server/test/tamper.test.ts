import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { MEETING_STATE_VERSION, type EventOf } from '@plenum/shared';
import { SNAPSHOT_SCHEMA_VERSION } from '../src/pipeline/snapshots.ts';
import { dbFile, startServer } from '../src/app.ts';
import { TamperedLogError } from '../src/verify/start-check.ts';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import {
  closeAll, delegateLinks, joinMeeting, rehashInFile, landOf, linkFor, login, MEETING, must, openAndCheckIn, send, startTestServer, tmpDataDir, type Client,
} from './helpers.ts';

interface Row { rowid: number; stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null; type: string; json: string; prev_hash: string; hash: string }

let recorded: string;
/** A data folder with a closed vote (12 yes, 0 no) and a snapshot, its log checkpointed by the server that wrote it. */
beforeAll(async () => {
  const server = await startTestServer();
  const chair = await login(server, linkFor(server.links, 'chair'));
  const delegates = await Promise.all(delegateLinks(server.links).slice(0, 12).map((l) => login(server, l)));
  await openAndCheckIn(chair, delegates);
  const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
  const voteId = (opened.events[0].event as EventOf<'VoteOpened'>).voteId;
  const links = delegateLinks(server.links);
  await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: 'yes' })));
  await must(chair, { type: 'closeVote', voteId });
  closeAll([chair, ...delegates] as Client[]);
  // A genuine snapshot (the server writes one every 500 events): what the log's fold is.
  const rt = (await server.registry.get(MEETING))!;
  await server.stores.events.saveSnapshot(MEETING, { seq: rt.seq, stateVersion: MEETING_STATE_VERSION, schemaVersion: SNAPSHOT_SCHEMA_VERSION, stateJson: JSON.stringify(rt.current) });
  recorded = server.dataDir;
  await server.stop(false);
}, 120_000);
afterAll(() => rmSync(recorded, { recursive: true, force: true }));

/** A copy of the recorded data folder, changed behind the server's back. */
function tamperedCopy(change: (db: Database.Database) => void): string {
  const dir = tmpDataDir();
  cpSync(recorded, dir, { recursive: true });
  const db = new Database(dbFile(dir));
  try { change(db); } finally { db.close(); }
  return dir;
}
const start = (dataDir: string, readOnlyOnTamper = false) =>
  startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir, readOnlyOnTamper });

async function refusal(dataDir: string): Promise<TamperedLogError> {
  try {
    const s = await start(dataDir);
    await s.close();
  } catch (err) {
    if (err instanceof TamperedLogError) return err;
    throw err;
  }
  throw new Error('the server started on a tampered log');
}
const rows = (db: Database.Database) => db.prepare('SELECT rowid, * FROM events WHERE stream = ? ORDER BY seq').all(MEETING) as Row[];

const rehash = (db: Database.Database, fromSeq: number) => rehashInFile(db, MEETING, fromSeq);

describe('F4: a tampered log is not served; the message names the row', () => {
  it('the untouched log starts, and keeps serving; its genuine snapshot matches the replay and is kept', async () => {
    const dir = tamperedCopy(() => {});
    const s = await start(dir);
    expect(s.discardedSnapshots).toEqual([]);
    expect(await s.stores.events.latestSnapshot(MEETING)).not.toBeNull();
    await s.close();
    expect((await verifyDatabase(dbFile(dir)))).toMatchObject({ ok: true, snapshotsChecked: 1, snapshots: [] });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a vote flipped, VoteClosed counts adjusted and the chain re-hashed: the row no longer matches the signed checkpoint', async () => {
    const dir = tamperedCopy((db) => {
      const all = rows(db);
      const cast = all.find((r) => r.type === 'VoteCast')!;
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(cast.json.replace('"choice":"yes"', '"choice":"no"'), cast.rowid);
      const land = (JSON.parse(cast.json) as { land: string }).land;
      const closed = all.find((r) => r.type === 'VoteClosed')!;
      const e = JSON.parse(closed.json) as { explanation: { yes: number; no: number }; choices: Record<string, string> };
      e.explanation.yes -= 1; e.explanation.no += 1; e.choices[land] = 'no';
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(JSON.stringify(e), closed.rowid);
      rehash(db, cast.seq);
    });
    const err = await refusal(dir);
    expect(err.problems).toContainEqual(expect.objectContaining({ stream: MEETING, reason: expect.stringContaining('re-hashed') }));
    expect(err.message).toMatch(new RegExp(`${MEETING}, seq \\d+: row hash`));
    // npm run verify says the same, from the data folder's signed checkpoints.
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: ${MEETING}, seq \\d+: row hash .* \\(the chain was re-hashed\\)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the last rows deleted (the vote reopened): truncation against the signed checkpoint, naming where the log ends', async () => {
    const dir = tamperedCopy((db) => {
      const closed = rows(db).find((r) => r.type === 'VoteClosed')!;
      db.prepare('DELETE FROM events WHERE stream = ? AND seq >= ?').run(MEETING, closed.seq);
      db.prepare('DELETE FROM snapshots').run();
    });
    const err = await refusal(dir);
    expect(err.problems[0]!.reason).toMatch(/the log ends at seq \d+, a signed checkpoint says \d+ \(rows were deleted\)/);
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(new RegExp(`BROKEN: ${MEETING}, seq \\d+: the log ends at seq \\d+`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('every event of the meeting deleted → refused, naming the meeting', async () => {
    const dir = tamperedCopy((db) => {
      db.prepare('DELETE FROM events WHERE stream = ?').run(MEETING);
      db.prepare('DELETE FROM snapshots').run();
    });
    const err = await refusal(dir);
    expect(err.problems.map((p) => p.stream)).toContain(MEETING);
    expect(err.message).toMatch(/deleted/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('F12: a time that goes backwards in the stored log (VoteClosed 2 days before the vote opened, re-hashed) → verify names stream and seq', async () => {
    let closedSeq = 0;
    const dir = tamperedCopy((db) => {
      const closed = rows(db).find((r) => r.type === 'VoteClosed')!;
      closedSeq = closed.seq;
      const at = new Date(Date.parse(closed.at) - 2 * 86_400_000).toISOString();
      db.prepare('UPDATE events SET at = ?, json = ? WHERE rowid = ?').run(at, closed.json.replace(`"at":"${closed.at}"`, `"at":"${at}"`), closed.rowid);
      rehash(db, closed.seq);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ stream: MEETING, seq: closedSeq, reason: expect.stringContaining('earlier than the previous event') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('command_keys: a stored payload hash edited → refused, naming the row its key is chained to', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const k = db.prepare('SELECT key, seq FROM command_keys WHERE stream = ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1').get(MEETING) as { key: string; seq: number };
      seq = k.seq;
      db.prepare('UPDATE command_keys SET payload_hash = ? WHERE stream = ? AND key = ?').run('0'.repeat(64), MEETING, k.key);
    });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('command key') });
    expect((await verifyDatabase(dbFile(dir))).failure).toMatchObject({ stream: MEETING, seq });
    rmSync(dir, { recursive: true, force: true });
  });

  it('command_keys: a chained key deleted (so a retry would count again) → verify names the row', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const k = db.prepare("SELECT key, seq FROM command_keys WHERE stream = ? AND seq IS NOT NULL AND response_json LIKE '%VoteCast%' LIMIT 1").get(MEETING) as { key: string; seq: number };
      seq = k.seq;
      db.prepare('DELETE FROM command_keys WHERE stream = ? AND key = ?').run(MEETING, k.key);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.failure).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('command key') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('snapshots.state_json edited (an item\'s title forged, the version kept): discarded at start, the true title served, verify names stream and seq', async () => {
    let seq = 0;
    const dir = tamperedCopy((db) => {
      const snap = db.prepare('SELECT seq, state_json FROM snapshots WHERE stream = ?').get(MEETING) as { seq: number; state_json: string };
      seq = snap.seq;
      const state = JSON.parse(snap.state_json) as { agenda: { id: string; title: string }[] };
      state.agenda.find((i) => i.id === 'top-2a')!.title = 'Gefälschter Titel';
      db.prepare('UPDATE snapshots SET state_json = ? WHERE stream = ?').run(JSON.stringify(state), MEETING);
    });
    const report = await verifyDatabase(dbFile(dir));
    expect(report.ok).toBe(true); // the log itself is intact
    expect(report.snapshots).toEqual([{ stream: MEETING, seq, reason: expect.stringMatching(/state\.agenda\[\d+\]\.title/) }]);
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN: snapshot of ${MEETING} at seq ${seq}`);

    const s = await start(dir);
    try {
      expect(s.discardedSnapshots).toEqual([expect.objectContaining({ stream: MEETING, seq })]);
      expect(await s.stores.events.latestSnapshot(MEETING)).toBeNull();
      // What a participant joining gets is the log's title, not the forged one.
      const inv = await s.invitations.create(MEETING, { role: 'chair', participantId: 'p-chair', label: 'Vorsitz' });
      const chair = await login(s, inv);
      const joined = await joinMeeting(chair);
      const served = JSON.stringify(joined);
      expect(served).not.toContain('Gefälschter Titel');
      expect((await s.registry.get(MEETING))!.current.agenda.find((i) => i.id === 'top-2a')!.title).not.toBe('Gefälschter Titel');
      chair.disconnect();
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });

  it('unparseable event JSON → a clear message naming the row, not a bare SyntaxError', async () => {
    const dir = tamperedCopy((db) => {
      const r = rows(db)[3]!;
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run('{"type": "CheckedIn", ', r.rowid);
    });
    const err = await refusal(dir);
    expect(err.name).toBe('TamperedLogError');
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq: 4 });
    rmSync(dir, { recursive: true, force: true });
  });

  it('READ_ONLY_ON_TAMPER=1: the meeting is served read-only: joins work, every command → log.tampered', async () => {
    const dir = tamperedCopy((db) => {
      const last = rows(db).at(-1)!;
      db.prepare('DELETE FROM events WHERE rowid = ?').run(last.rowid);
      db.prepare('DELETE FROM snapshots').run();
    });
    const s = await start(dir, true);
    try {
      const chair = await login(s, s.demoLinks?.find((l) => l.role === 'chair') ?? { url: '' }).catch(() => null);
      // The demo links were printed on the first start only; a new invitation for the chair:
      const inv = await s.invitations.create(MEETING, { role: 'chair', participantId: 'p-chair', label: 'Vorsitz' });
      const c = chair ?? await login(s, inv);
      const res = await send(c, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } });
      expect(res).toEqual({ error: { code: 'log.tampered' } });
      c.disconnect();
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });
});
