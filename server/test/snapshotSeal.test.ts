import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DMK_PROFILE, type Actor } from '@plenum/shared';
import { dbFile, startServer } from '../src/app.ts';
import { configFromEnv } from '../src/config.ts';
import { TamperedLogError } from '../src/verify/start-check.ts';
import { SnapshotSeals } from '../src/verify/snapshot-seals.ts';
import { MEETING, rehashInFile, startTestServer, tmpDataDir } from './helpers.ts';

interface Row { rowid: number; seq: number; type: string; json: string }

/**
 * A data folder written by the server itself: a vote closed early (before the snapshot), speakers-list
 * traffic past 500 events so the runtime writes a snapshot (and seals it), and a vote that is open
 * across the snapshot and closed after it (its recount after the snapshot needs the ballots the
 * snapshot's state holds).
 */
let recorded: string;
let snapSeq = 0;
const chair: Actor = { role: 'chair', participantId: 'p-chair' };
const lands = DMK_PROFILE.lands.map((l) => l.code);
const delegate = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });

beforeAll(async () => {
  const server = await startTestServer();
  const rt = (await server.registry.get(MEETING))!;
  let n = 0;
  const run = async (command: Record<string, unknown>, actor: Actor, allow: string[] = []) => {
    const { ack } = await rt.execute({ key: `seal-test-${n++}`, command, actor, context: {} });
    if ('error' in ack && !allow.includes(ack.error.code)) throw new Error(`${String(command.type)}: ${JSON.stringify(ack.error)}`);
    return ack;
  };
  const openVote = async (publicNow: boolean) => {
    const ack = await run({ type: 'openVote', motion: { kind: 'setPublic', public: publicNow } }, chair);
    return ('data' in ack ? ack.data.events.find((e) => e.event.type === 'VoteOpened')!.event as { voteId: string } : null)!.voteId;
  };
  const cast = (voteId: string, some: string[]) => Promise.all(some.map((land) => run({ type: 'castVote', voteId, land, choice: 'yes' }, delegate(land))));
  const speakerRound = async () => {
    await Promise.all(lands.map((land) => run({ type: 'requestFloor' }, delegate(land))));
    await Promise.all(lands.map((land) => run({ type: 'withdrawFloorRequest' }, delegate(land))));
  };
  await run({ type: 'openSession' }, chair, ['session.alreadyOpen']);
  await Promise.all(lands.map((land) => run({ type: 'checkIn', mode: 'room' }, delegate(land), ['attendance.alreadyPresent', 'participant.alreadyPresent'])));
  const early = await openVote(true);
  await cast(early, lands);
  await run({ type: 'closeVote', voteId: early }, chair);
  while (rt.seq < 440) await speakerRound();
  const across = await openVote(false);
  await cast(across, lands.slice(0, 8));
  while (rt.seq < 520) await speakerRound();
  await cast(across, lands.slice(8));
  await run({ type: 'closeVote', voteId: across }, chair);
  await speakerRound();
  recorded = server.dataDir;
  await server.stop(false);
  const db = new Database(dbFile(recorded), { readonly: true });
  snapSeq = (db.prepare('SELECT seq FROM snapshots WHERE stream = ?').get(MEETING) as { seq: number }).seq;
  db.close();
}, 180_000);
afterAll(() => rmSync(recorded, { recursive: true, force: true }));

/** A copy of the recorded data folder, its database and files changed behind the server's back. */
function copyWith(change: (db: Database.Database, dir: string) => void = () => {}): string {
  const dir = tmpDataDir();
  cpSync(recorded, dir, { recursive: true });
  const db = new Database(dbFile(dir));
  try { change(db, dir); } finally { db.close(); }
  return dir;
}
const rows = (db: Database.Database) => db.prepare('SELECT rowid, seq, type, json FROM events WHERE stream = ? ORDER BY seq').all(MEETING) as Row[];
const start = (dataDir: string, verifyOnStart?: 'full' | 'snapshot') =>
  startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir, ...(verifyOnStart ? { verifyOnStart } : {}) });
async function refusal(dataDir: string, verifyOnStart?: 'full' | 'snapshot'): Promise<TamperedLogError> {
  try {
    const s = await start(dataDir, verifyOnStart);
    await s.close();
  } catch (err) {
    if (err instanceof TamperedLogError) return err;
    throw err;
  }
  throw new Error('the server started on a tampered log');
}
const verifyCli = (dir: string) => spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });

/** A vote flipped in a row before the snapshot, without re-hashing: that row's hash no longer matches its content. */
function flipEarlyVote(db: Database.Database): number {
  const r = rows(db).find((x) => x.type === 'VoteCast' && x.seq < snapSeq)!;
  db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(r.json.replace('"choice":"yes"', '"choice":"no"'), r.rowid);
  return r.seq;
}
const sealsFile = (dir: string) => join(dir, 'snapshot-seals.jsonl');

describe('F4 / restart: a sealed snapshot spares the start check the rows below it', () => {
  it('the server seals the snapshot it writes; a start trusts it and verifies only the rows after it; npm run verify checks everything', async () => {
    expect(snapSeq).toBeGreaterThanOrEqual(500);
    const seal = JSON.parse(readFileSync(sealsFile(recorded), 'utf8').trim().split('\n').at(-1)!) as { stream: string; seq: number; sig: string };
    expect(seal).toMatchObject({ stream: MEETING, seq: snapSeq, sig: expect.any(String) });
    const dir = copyWith();
    const s = await start(dir);
    try {
      expect(s.startCheck.sealed).toContainEqual({ stream: MEETING, seq: snapSeq });
      expect(s.startCheck.unsealed).toEqual([]);
      expect(s.discardedSnapshots).toEqual([]);
      // The state served is the snapshot plus the rows after it: both votes closed and adopted.
      const state = (await s.registry.get(MEETING))!.current;
      expect(Object.values(state.votes).map((v) => [v.status, v.explanation?.yes])).toEqual([['closed', 16], ['closed', 16]]);
    } finally { await s.close(); }
    const cli = verifyCli(dir);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^ok: \d+ meeting\(s\), \d+ events, 2 closed votes recounted/m);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a vote flipped before the snapshot (no re-hash): the start from the sealed snapshot does not read that row, npm run verify names it', async () => {
    let seq = 0;
    const dir = copyWith((db) => { seq = flipEarlyVote(db); });
    const s = await start(dir);
    expect(s.startCheck.sealed).toContainEqual({ stream: MEETING, seq: snapSeq });
    await s.close();
    const cli = verifyCli(dir);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`BROKEN: meeting ${MEETING}, seq ${seq}: hash does not match the row content`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('VERIFY_ON_START=full: the same edit before the snapshot is refused at start', async () => {
    expect(configFromEnv({ VERIFY_ON_START: 'full' }).verifyOnStart).toBe('full');
    let seq = 0;
    const dir = copyWith((db) => { seq = flipEarlyVote(db); });
    const err = await refusal(dir, 'full');
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('hash does not match') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a row after the snapshot edited (no re-hash) → refused at start, naming the row', async () => {
    let seq = 0;
    const dir = copyWith((db) => {
      const r = rows(db).find((x) => x.type === 'VoteCast' && x.seq > snapSeq)!;
      seq = r.seq;
      db.prepare('UPDATE events SET json = ? WHERE rowid = ?').run(r.json.replace('"choice":"yes"', '"choice":"no"'), r.rowid);
    });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq, reason: expect.stringContaining('hash does not match') });
    rmSync(dir, { recursive: true, force: true });
  });

  it('the vote open across the snapshot: its close after it re-hashed with a forged count, checkpoints deleted → the recount (ballots from the sealed state) refuses it', async () => {
    let seq = 0;
    const dir = copyWith((db, d) => {
      const closed = rows(db).filter((x) => x.type === 'VoteClosed').at(-1)!;
      expect(closed.seq).toBeGreaterThan(snapSeq);
      seq = closed.seq;
      rehashInFile(db, MEETING, closed.seq, (r) => (r.seq === closed.seq ? r.json.replace('"yes":16', '"yes":15').replace('"notVoted":0', '"notVoted":1') : r.json));
      rmSync(join(d, 'checkpoints.jsonl'));
    });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq, reason: expect.stringMatching(/yes recorded 15, recounted 16/) });
    rmSync(dir, { recursive: true, force: true });
  });

  it('no seal (the seals file deleted) → the stream is verified from its first row: the edit before the snapshot is refused', async () => {
    let seq = 0;
    const dir = copyWith((db, d) => { seq = flipEarlyVote(db); rmSync(sealsFile(d)); });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a seal edited (its digest changed) → its signature does not verify: verified in full, the edit before the snapshot refused', async () => {
    let seq = 0;
    const dir = copyWith((db, d) => {
      seq = flipEarlyVote(db);
      const lines = readFileSync(sealsFile(d), 'utf8').trim().split('\n');
      const last = JSON.parse(lines.at(-1)!) as { digest: string };
      last.digest = 'f'.repeat(64);
      writeFileSync(sealsFile(d), `${[...lines.slice(0, -1), JSON.stringify(last)].join('\n')}\n`);
    });
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, seq });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a seal signed with another key (a well-formed seal of the same snapshot and chain row) → not trusted: verified in full', async () => {
    const dir = copyWith((db, d) => {
      const snap = db.prepare('SELECT seq, state_json, state_version, schema_version FROM snapshots WHERE stream = ?')
        .get(MEETING) as { seq: number; state_json: string; state_version: number; schema_version: number };
      const row = rows(db).find((x) => x.seq === snap.seq)!;
      const hash = (db.prepare('SELECT hash FROM events WHERE rowid = ?').get(row.rowid) as { hash: string }).hash;
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      rmSync(sealsFile(d));
      new SnapshotSeals(sealsFile(d), { privateKey, publicKey })
        .seal(MEETING, { seq: snap.seq, stateJson: snap.state_json, stateVersion: snap.state_version, schemaVersion: snap.schema_version }, hash);
    });
    const s = await start(dir);
    try {
      expect(s.startCheck.sealed).toEqual([]);
      expect(s.startCheck.unsealed).toContainEqual({ stream: MEETING, seq: snapSeq, reason: 'signature' });
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });

  it('snapshots.state_json edited, its seal kept → the digest differs: verified in full, the forged snapshot discarded and the log\'s state served', async () => {
    const dir = copyWith((db) => {
      const snap = db.prepare('SELECT state_json FROM snapshots WHERE stream = ?').get(MEETING) as { state_json: string };
      const state = JSON.parse(snap.state_json) as { agenda: { id: string; title: string }[] };
      state.agenda.find((i) => i.id === 'top-2a')!.title = 'Gefälschter Titel';
      db.prepare('UPDATE snapshots SET state_json = ? WHERE stream = ?').run(JSON.stringify(state), MEETING);
    });
    const s = await start(dir);
    try {
      expect(s.startCheck.unsealed).toContainEqual({ stream: MEETING, seq: snapSeq, reason: 'digest' });
      expect(s.discardedSnapshots).toEqual([expect.objectContaining({ stream: MEETING, seq: snapSeq })]);
      expect((await s.registry.get(MEETING))!.current.agenda.find((i) => i.id === 'top-2a')!.title).not.toBe('Gefälschter Titel');
    } finally { await s.close(); }
    rmSync(dir, { recursive: true, force: true });
  });

  it('the chain re-hashed below the snapshot (checkpoints deleted too) → the chain row no longer has the sealed hash: verified in full and refused', async () => {
    let seq = 0;
    const dir = copyWith((db, d) => {
      const r = rows(db).find((x) => x.type === 'VoteCast' && x.seq < snapSeq)!;
      seq = r.seq;
      rehashInFile(db, MEETING, r.seq, (x) => (x.seq === r.seq ? x.json.replace('"choice":"yes"', '"choice":"no"') : x.json));
      rmSync(join(d, 'checkpoints.jsonl'));
    });
    // The flipped ballot no longer matches the VoteClosed record: only a check from the first row sees it.
    const err = await refusal(dir);
    expect(err.problems[0]).toMatchObject({ stream: MEETING, reason: expect.stringContaining('VoteClosed') });
    expect(err.problems[0]!.seq).toBeGreaterThan(seq);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a seal cut off by a kill in the middle of its write: the next seal starts a new line and is the one a start reads', async () => {
    const dir = tmpDataDir();
    const file = sealsFile(dir);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const snapshot = { seq: 500, stateJson: '{"seq":500}', stateVersion: 1, schemaVersion: 1 };
    new SnapshotSeals(file, { privateKey, publicKey }).seal(MEETING, snapshot, 'a'.repeat(64));
    appendFileSync(file, '{"stream":"dmk-2024-1","seq":1000,"hash":"bb'); // the process died here
    const next = { ...snapshot, seq: 1500, stateJson: '{"seq":1500}' };
    new SnapshotSeals(file, { privateKey, publicKey }).seal(MEETING, next, 'c'.repeat(64));
    const seal = new SnapshotSeals(file, { privateKey, publicKey }).vouch(MEETING, next, { seq: 1500, hash: 'c'.repeat(64) });
    expect(seal).toMatchObject({ stream: MEETING, seq: 1500 });
    rmSync(dir, { recursive: true, force: true });
  });
});
