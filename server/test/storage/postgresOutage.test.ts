import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMK_PROFILE } from '@plenum/shared';
import { createLogger } from '../../src/log.ts';
import { StreamRuntime } from '../../src/pipeline/stream-runtime.ts';
import { openPostgresStores } from '../../src/store/postgres-store.ts';
import type { Stores } from '../../src/store/stores.ts';
import { counter, type Answer } from './counter-kind.ts';
import { createTestDatabase, dropTestDatabase, postgresAvailability } from './postgres-database.ts';
import { TcpRelay } from './tcp-relay.ts';

const availability = await postgresAvailability();
if (availability.kind === 'fail') {
  describe('PostgreSQL unavailable', () => {
    it('needs PostgreSQL in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('PostgreSQL unavailable: refused store.unavailable, nothing acknowledged that is not durable, recovers by itself', () => {
  let db: { name: string; url: string };
  const relay = new TcpRelay(5432);
  let viaRelay: Stores;
  let direct: Stores;
  beforeAll(async () => {
    db = await createTestDatabase();
    await relay.up();
    const url = new URL(db.url);
    url.port = String(relay.port);
    viaRelay = await openPostgresStores(url.toString(), { max: 2, connectionTimeoutMillis: 2000 });
    direct = await openPostgresStores(db.url, { max: 1 });
  });
  afterAll(async () => {
    await relay.down();
    await viaRelay?.close().catch(() => undefined);
    await direct?.close();
    if (db) await dropTestDatabase(db.name);
  });

  it('commands during the outage are refused with store.unavailable and write nothing; after it the same keys commit once', async () => {
    const rt = await StreamRuntime.load(counter, 'c1', viaRelay.events, DMK_PROFILE, createLogger('silent'));
    const add = (key: string, n: number) => rt.execute({ key, command: { by: 'p-a', n }, actor: { role: 'delegate', participantId: 'p-a' }, context: {} });
    expect((await add('k-1', 1)).ack).toMatchObject({ data: { duplicate: false, seq: 1 } });

    await relay.down();
    const during = await Promise.all([add('k-2', 2), add('k-3', 3)]);
    for (const o of during) expect(o.ack).toEqual({ error: { code: 'store.unavailable' } });
    expect((await add('k-4', 4)).ack).toEqual({ error: { code: 'store.unavailable' } });
    expect((await direct.events.head('counter:c1')).seq).toBe(1);
    expect(await direct.events.findIdempotency('counter:c1', 'k-2')).toBeNull();

    await relay.up();
    // The client resends its queue with the same keys: each commits once.
    const after = await Promise.all([add('k-2', 2), add('k-3', 3), add('k-2', 2)]);
    expect(after.map((o) => (o.ack as { data: Answer }).data.seq)).toEqual([2, 3, 2]);
    expect(after.map((o) => (o.ack as { data: Answer }).data.duplicate)).toEqual([false, false, true]);
    expect(rt.current).toEqual({ total: 6, count: 3, by: { 'p-a': 3 } });
    expect((await direct.events.read('counter:c1', 0)).map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});
