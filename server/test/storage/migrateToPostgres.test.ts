import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evolveAll } from '@plenum/shared';
import { openPostgresStores } from '../../src/store/postgres-store.ts';
import { openSqliteStores } from '../../src/store/sqlite-store.ts';
import { MEETING, readMeeting, startTestServer, tmpDataDir, type TestServer } from '../helpers.ts';
import { createTestDatabase, dropTestDatabase, postgresAvailability } from './postgres-database.ts';

/** The upgrade fixture (see fixtures/README.md): a demo meeting with a closed vote, a circular procedure, keys, invitations, sessions. */
const FIXTURE = fileURLToPath(new URL('../fixtures/v1-data/plenum.sqlite', import.meta.url));
const availability = await postgresAvailability();

if (availability.kind === 'fail') {
  describe('npm run migrate-store', () => {
    it('needs PostgreSQL in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('npm run migrate-store: a SQLite data folder copied into PostgreSQL, then served and verified there', () => {
  let db: { name: string; url: string };
  let dir: string;
  let server: TestServer | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = tmpDataDir();
    copyFileSync(FIXTURE, join(dir, 'plenum.sqlite'));
  });
  afterAll(async () => {
    await server?.stop(false);
    if (db) await dropTestDatabase(db.name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('events with their hashes unchanged, snapshots, keys, invitations and sessions; verify passes on PostgreSQL; a second copy is refused', async () => {
    const cli = spawnSync('node', ['--import', 'tsx', 'server/src/cli/migrate-store.ts', '--from', dir, '--to', db.url], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    // 88 events of the fixture and one more: its invitations and sessions carried into their chain by the SQLite migration.
    expect(cli.stdout).toContain('1 meetings, 89 events, 84 command_keys, 1 snapshots, 19 invitations, 19 sessions');

    const sqlite = openSqliteStores(join(dir, 'plenum.sqlite'));
    const pg = await openPostgresStores(db.url);
    try {
      const streams = await sqlite.events.streams();
      expect(await pg.events.streams()).toEqual(streams);
      for (const stream of streams) {
        expect(await pg.events.read(stream, 0)).toEqual(await sqlite.events.read(stream, 0));
        expect(await pg.events.latestSnapshot(stream)).toEqual(await sqlite.events.latestSnapshot(stream));
      }
      expect(await pg.events.findIdempotency(MEETING, 'fixture-vote-3')).toEqual(await sqlite.events.findIdempotency(MEETING, 'fixture-vote-3'));
      expect(await pg.events.findIdempotency(MEETING, 'fixture-vote-3')).not.toBeNull();
      expect(await pg.meetings.meetings()).toEqual(await sqlite.meetings.meetings());
      const invitations = await sqlite.invitations.listInvitations(MEETING);
      expect(await pg.invitations.listInvitations(MEETING)).toEqual(invitations);
      const sessionHash = (sqlite.db.prepare('SELECT id_hash FROM sessions LIMIT 1').get() as { id_hash: string }).id_hash;
      expect(await pg.sessions.sessionInvitation(sessionHash)).toEqual(await sqlite.sessions.sessionInvitation(sessionHash));
    } finally {
      await sqlite.close();
      await pg.close();
    }

    const verify = spawnSync('node', ['--import', 'tsx', 'server/src/cli/verify.ts'], {
      encoding: 'utf8', env: { ...process.env, STORE: 'postgres', DATABASE_URL: db.url },
    });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('ok: 1 meeting(s), 84 events, 1 closed votes recounted; 3 between-sessions stream(s), 5 events');
    expect(verify.stdout).toContain('ok: the invitations and sessions tables match their chain');

    const again = spawnSync('node', ['--import', 'tsx', 'server/src/cli/migrate-store.ts', '--from', dir, '--to', db.url], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('STORE=postgres: a server started on the copy serves the meeting from PostgreSQL and answers a retried key with the first answer', async () => {
    server = await startTestServer({ dataDir: tmpDataDir(), store: 'postgres', databaseUrl: db.url });
    expect(server.demoLinks).toBeNull();
    const rt = (await server.registry.get(MEETING))!;
    const events = await readMeeting(server);
    expect(rt.seq).toBe(84);
    expect(rt.current).toEqual({ ...evolveAll(events.map((e) => e.event)), seq: 84 });
    expect(server.sqliteDb).toBeNull();
    const firstVote = events.find((e) => e.event.type === 'VoteCast')!.event as { voteId: string; land: string; choice: string };
    const retried = await rt.execute({
      key: 'fixture-vote-0', command: { type: 'castVote', voteId: firstVote.voteId, land: firstVote.land, choice: firstVote.choice },
      actor: { role: 'delegate', participantId: `p-${firstVote.land}-member` }, context: {},
    });
    expect(retried.ack).toMatchObject({ data: { duplicate: true } });
    expect((await server.stores.events.head(MEETING)).seq).toBe(84);
  });
});
