import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { dbFile } from '../src/app.ts';
import { closeAll, linkFor, login, MEETING, Mirror, must, send, startTestServer, waitFor, type Client, type TestServer } from './helpers.ts';

/**
 * After the commit a command has happened: a failure of the snapshot that follows every 500th
 * event must not answer the committed command with an error, nor keep its events from the others.
 */
describe('after the commit', () => {
  let server: TestServer;
  let chair: Client;
  let screen: Client;

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } });
    chair = await login(server, linkFor(server.links, 'chair'));
    screen = await login(server, linkFor(server.links, 'screen'));
  });
  afterAll(async () => {
    closeAll([chair, screen]);
    await server.stop();
  });

  it('a failing snapshot save after the commit: the command is acknowledged as a success and the other clients get its events', async () => {
    const mirror = new Mirror(screen);
    await mirror.join();
    await must(chair, { type: 'openSession' });
    // A real failure: the server's own SQLite file loses its snapshots table, so saveSnapshot throws.
    const db = new Database(dbFile(server.dataDir));
    db.exec('DROP TABLE snapshots');
    db.close();

    const runtime = (await server.registry.get(MEETING))!;
    let crossed = false;
    while (!crossed) {
      const before = runtime.seq;
      const ack = await send(chair, { type: 'giveFloor', participantId: 'p-BE-member' });
      expect(ack, `ack after seq ${before}`).toHaveProperty('data');
      if (!('data' in ack)) return;
      crossed = Math.floor(ack.data.seq / 500) > Math.floor(before / 500);
    }
    const crossedAt = runtime.seq;
    expect(crossedAt).toBeGreaterThanOrEqual(500);
    await waitFor(() => mirror.state.seq === crossedAt, 'the screen to receive the events of the snapshot-crossing command');
    expect(mirror.state.speakers.current?.participantId).toBe('p-BE-member');
    // The meeting goes on.
    const next = await must(chair, { type: 'endFloor' });
    expect(next.seq).toBe(crossedAt + 1);
    await waitFor(() => mirror.state.seq === crossedAt + 1, 'the screen to receive the next command');
  });
});
