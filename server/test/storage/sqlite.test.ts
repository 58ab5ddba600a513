import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStores } from '../../src/store/sqlite-store.ts';
import { tmpDataDir } from '../helpers.ts';
import { runEventLogContract } from './contract.ts';
import { runInvitationContract } from './invitation-contract.ts';

runEventLogContract('SQLite (a real file, WAL)', async () => {
  const dir = tmpDataDir();
  const stores = openSqliteStores(join(dir, 'plenum.sqlite'));
  return { log: stores.events, close: async () => { await stores.close(); rmSync(dir, { recursive: true, force: true }); } };
});

runInvitationContract('SQLite (a real file, WAL)', async () => {
  const dir = tmpDataDir();
  const stores = openSqliteStores(join(dir, 'plenum.sqlite'));
  return { stores, close: async () => { await stores.close(); rmSync(dir, { recursive: true, force: true }); } };
});
