import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgresStores } from '../../src/store/postgres-store.ts';
import { runEventLogContract } from './contract.ts';
import { runInvitationContract } from './invitation-contract.ts';
import { createTestDatabase, dropTestDatabase, emptyTables, postgresAvailability } from './postgres-database.ts';

/** The same contract suites as SQLite, against a real PostgreSQL: a fresh database per run, dropped afterwards. */
const availability = await postgresAvailability();

if (availability.kind === 'fail') {
  describe('PostgreSQL store', () => {
    it('needs PostgreSQL in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('PostgreSQL store', () => {
  let db: { name: string; url: string };
  beforeAll(async () => { db = await createTestDatabase(); });
  afterAll(async () => { if (db) await dropTestDatabase(db.name); });

  const fresh = async () => {
    const stores = await openPostgresStores(db.url, { max: 10 });
    await emptyTables(stores.pool);
    return stores;
  };
  runEventLogContract('PostgreSQL 127.0.0.1:5432', async () => {
    const stores = await fresh();
    return { log: stores.events, close: () => stores.close() };
  });
  runInvitationContract('PostgreSQL 127.0.0.1:5432', async () => {
    const stores = await fresh();
    return { stores, close: () => stores.close() };
  });
});
