import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DMK_PROFILE, evolveAll, type EventOf } from '@plenum/shared';
import { SQLITE_SCHEMA_VERSION } from '../src/store/sqlite/migrations.ts';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import { MEETING, readMeeting, startTestServer, tmpDataDir, type TestServer } from './helpers.ts';

/** A data folder written by the version before one table for all streams (see fixtures/README.md). */
const FIXTURE = fileURLToPath(new URL('./fixtures/v1-data/plenum.sqlite', import.meta.url));

interface HashRow { stream: string; seq: number; prev_hash: string; hash: string }
const rowsOf = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try { return db.prepare(sql).all() as HashRow[]; } finally { db.close(); }
};

describe('migrations: a data folder written by the previous version opens with everything intact', () => {
  const dirs: string[] = [];
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.stop(false);
    server = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const copyOfFixture = () => {
    const dir = tmpDataDir();
    dirs.push(dir);
    copyFileSync(FIXTURE, join(dir, 'plenum.sqlite'));
    return dir;
  };

  it('meeting, votes, between-sessions streams, keys, invitations and sessions survive; hashes unchanged; npm run verify passes', async () => {
    const dir = copyOfFixture();
    const file = join(dir, 'plenum.sqlite');
    const meetingBefore = rowsOf(file, 'SELECT meeting_id AS stream, seq, prev_hash, hash FROM events ORDER BY seq');
    const betweenBefore = rowsOf(file, 'SELECT stream, seq, prev_hash, hash FROM between_events ORDER BY stream, seq');
    expect(meetingBefore).toHaveLength(84);
    expect(betweenBefore).toHaveLength(4);

    server = await startTestServer({ dataDir: dir });
    // The state is rebuilt by replay (the old snapshot has no version) and equals the fold of the log.
    const rt = (await server.registry.get(MEETING))!;
    const events = await readMeeting(server);
    expect(rt.seq).toBe(84);
    expect(rt.current).toEqual({ ...evolveAll(events.map((e) => e.event)), seq: 84 });
    expect(rt.current.session?.status).toBe('closed');
    const closed = events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(closed.explanation).toMatchObject({ yes: 12, no: 4, outcome: 'adopted' });
    // Between sessions: the circular procedure and the follow-up record.
    const circular = (await server.between.service.state('circular', 'circ-fixture'));
    expect(circular.seq).toBe(3);
    expect(circular.state.answers.BY?.choice).toBe('yes');
    expect(Object.keys((await server.between.service.state('followup', 'dmk')).state.resolutions)).toHaveLength(1);
    // Invitations and sessions kept (the demo is not seeded again).
    expect(server.demoLinks).toBeNull();
    expect(await server.stores.invitations.listInvitations(MEETING)).toHaveLength(19);

    // Idempotency keys of both old tables still answer a retry with the first answer.
    const firstVote = events.find((e) => e.event.type === 'VoteCast')!.event as EventOf<'VoteCast'>;
    const retried = await rt.execute({
      key: 'fixture-vote-0', command: { type: 'castVote', voteId: firstVote.voteId, land: firstVote.land, choice: firstVote.choice },
      actor: { role: 'delegate', participantId: `p-${firstVote.land}-member` }, context: {},
    });
    expect(retried.ack).toMatchObject({ data: { duplicate: true } });
    const office = (await server.stores.invitations.listInvitations(MEETING)).find((i) => i.role === 'office')!;
    const circRetry = await server.between.service.execute('circular', 'circ-fixture',
      { type: 'startCircular', title: 'Fixture', text: 'Die DMK stimmt zu.', proposingLand: 'HE', roster: [] },
      { role: 'office', participantId: office.participantId }, 'fixture-circ-start');
    expect(circRetry).toMatchObject({ data: { stream: 'circular:circ-fixture', seq: 1, duplicate: true } });
    await server.stop(false);
    server = null;

    // Rows written before the upgrade are unchanged (the conference records the meeting in a stream of its own,
    // and the invitations and sessions are chained in theirs).
    const after = rowsOf(file, "SELECT stream, seq, prev_hash, hash FROM events WHERE stream NOT LIKE 'conference:%' AND stream <> 'invitations:all' ORDER BY stream, seq");
    expect(after).toEqual([...betweenBefore, ...meetingBefore].sort((a, b) => a.stream.localeCompare(b.stream) || a.seq - b.seq));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('between_events', 'between_idempotency')").all()).toEqual([]);
    // The invitations and sessions that were there are carried into their chain as its first event.
    const carried = JSON.parse((db.prepare("SELECT json FROM events WHERE stream = 'invitations:all' AND seq = 1").get() as { json: string }).json) as {
      type: string; invitations: unknown[]; sessions: unknown[];
    };
    expect(carried.type).toBe('InvitationsCarried');
    expect(carried.invitations).toHaveLength(19);
    db.close();

    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('ok: the invitations and sessions tables match their chain');
    expect(cli.stdout).toMatch(/^ok: 1 meeting\(s\), 84 events, 1 closed votes recounted; \d+ between-sessions stream\(s\), \d+ events/);
  });

  it('a log from before the between-sessions chain (no hash columns) is chained by the migration to the same hashes', async () => {
    const dir = copyOfFixture();
    const file = join(dir, 'plenum.sqlite');
    const expected = rowsOf(file, 'SELECT stream, seq, prev_hash, hash FROM between_events ORDER BY stream, seq');
    const db = new Database(file);
    db.exec('ALTER TABLE between_events DROP COLUMN hash; ALTER TABLE between_events DROP COLUMN prev_hash;');
    db.close();
    const report = await verifyDatabase(file, DMK_PROFILE);
    // The 4 between-sessions events, and the invitations and sessions carried into their own chain (one event).
    expect(report).toMatchObject({ ok: true, betweenEvents: 5, events: 84, failure: null });
    expect(rowsOf(file, "SELECT stream, seq, prev_hash, hash FROM events WHERE instr(stream, ':') > 0 AND stream <> 'invitations:all' ORDER BY stream, seq")).toEqual(expected);
  });

  it('a data folder written by a newer version is refused, not misread', async () => {
    const dir = copyOfFixture();
    const db = new Database(join(dir, 'plenum.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/schema version 99/);
  });
});
