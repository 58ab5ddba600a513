import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/app.ts';
import type { ConfigInput } from '../../src/config.ts';
import { api, linkFor, redeem, tokenOf, tmpDataDir, waitFor, type TestServer } from '../helpers.ts';
import { createTestDatabase, dropTestDatabase } from '../storage/postgres-database.ts';
import { clusterAvailability, dropRedisPrefix, REDIS_TEST_URL, testRedisPrefix } from './services.ts';

/**
 * Work that must happen once (issue 14): the between-sessions scheduler of two nodes on one
 * database runs on the node holding its PostgreSQL advisory lock; a second run at the same moment
 * appends nothing (the expected seq, then the decider); when the holder goes, the other takes over.
 */
const availability = await clusterAvailability();
if (availability.kind === 'fail') {
  describe('the scheduler on one node at a time', () => {
    it('needs PostgreSQL and Redis in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('R-CIR-1: the between-sessions scheduler runs on one node at a time (advisory lock), and a double run appends nothing', () => {
  let db: { name: string; url: string };
  const prefix = testRedisPrefix();
  const now = { t: Date.now() };
  let a: TestServer;
  let b: TestServer;
  let office: string;

  const start = async (extra: Partial<ConfigInput>): Promise<TestServer> => {
    const dataDir = tmpDataDir();
    const server = await startServer({
      port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir,
      store: 'postgres', databaseUrl: db.url, redisUrl: REDIS_TEST_URL, redisPrefix: prefix, ...extra,
    }, { clock: () => new Date(now.t) });
    return { ...server, dataDir, links: server.demoLinks ?? [], async stop() { await server.close(); } };
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await start({});
    b = await start({ demo: false });
    office = await redeem(b.url, tokenOf(linkFor(a.links, 'office')));
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    if (db) await dropTestDatabase(db.name);
    await dropRedisPrefix(prefix);
  });

  const startCircular = async (node: TestServer, id: string) => {
    const r = await api(node, `/api/between/circular/${id}`, office, {
      command: { type: 'startCircular', title: `Umlauf ${id}`, text: 'Die DMK stimmt zu.', proposingLand: 'HE', roster: [] },
    });
    expect(r.status).toBe(200);
    return r.body.data.state.deadline as string;
  };
  const closedEvents = async (node: TestServer, id: string) =>
    (await node.between.service.events('circular', id)).filter((e) => e.type === 'CircularClosed').length;

  it('the first node holds the lock, the second does not; both ticking at once past the deadline close the procedure once', async () => {
    expect(a.schedulerHeld()).toBe(true);
    expect(b.schedulerHeld()).toBe(false);
    const deadline = await startCircular(b, 'circ-once');
    now.t = Date.parse(deadline) + 60_000;
    // B ticks too, as a holder cut off from the database might still be doing.
    const fired = await Promise.all([a.between.scheduler.tick(), b.between.scheduler.tick()]);
    expect(fired[0] + fired[1]).toBe(1);
    expect(await closedEvents(a, 'circ-once')).toBe(1);
    expect(await closedEvents(b, 'circ-once')).toBe(1);
  });

  it('when the holder stops, the other node takes the lock and fires what is due', async () => {
    now.t = Date.now(); // the office's cookie session would have expired at the last test's clock
    const deadline = await startCircular(a, 'circ-takeover');
    now.t = Date.parse(deadline) + 60_000;
    await a.stop();
    await waitFor(() => b.schedulerHeld(), 'node B takes the scheduler lock', 10_000);
    await waitFor(async () => (await closedEvents(b, 'circ-takeover')) === 1, 'node B closes the procedure', 10_000);
    expect((await b.between.service.state('circular', 'circ-takeover')).state.status).not.toBe('running');
  });
});
