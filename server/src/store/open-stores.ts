import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openPostgresStores } from './postgres-store.ts';
import { openSqliteStores } from './sqlite-store.ts';
import type { Stores } from './stores.ts';

export const dbFile = (dataDir: string) => join(dataDir, 'plenum.sqlite');

export interface StoreChoice {
  store: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl?: string | undefined;
}

/** The stores the configuration names: the SQLite file in the data folder (default), or PostgreSQL at databaseUrl. */
export async function openStores(
  c: StoreChoice, onIdleError: (err: Error) => void = () => {},
): Promise<Stores & { db?: Database.Database }> {
  if (c.store === 'postgres') {
    if (!c.databaseUrl) throw new Error('STORE=postgres needs DATABASE_URL');
    return openPostgresStores(c.databaseUrl, { onIdleError });
  }
  return openSqliteStores(dbFile(c.dataDir));
}

/** Where the configuration's log is, for messages: the file, or the database URL without its password. */
export function describeStore(c: StoreChoice): string {
  if (c.store === 'sqlite' || !c.databaseUrl) return dbFile(c.dataDir);
  const url = new URL(c.databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
