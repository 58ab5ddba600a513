import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openPostgresStores } from '../store/postgres-store.ts';
import { openSqliteStores } from '../store/sqlite-store.ts';
import { copySqliteToPostgres } from '../store/copy-to-postgres.ts';
import { dbFile, describeStore } from '../store/open-stores.ts';

/**
 * npm run migrate-store -- --from <data dir> --to <DATABASE_URL>: copy a SQLite data folder into
 * an empty PostgreSQL database (both migrated to the current schema first). Then
 * `STORE=postgres DATABASE_URL=… npm run verify` checks the copy.
 */
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
if (!values.from || !values.to) {
  console.error('usage: npm run migrate-store -- --from <data dir> --to postgres://user@host:5432/database');
  process.exit(2);
}
const file = values.from.endsWith('.sqlite') ? values.from : dbFile(values.from);
if (!existsSync(file)) {
  console.error(`no SQLite event log at ${file}`);
  process.exit(1);
}
const source = openSqliteStores(file);
const target = await openPostgresStores(values.to);
try {
  const counts = await copySqliteToPostgres(source.db, target.pool);
  console.log(`copied ${file} → ${describeStore({ store: 'postgres', dataDir: '', databaseUrl: values.to })}: `
    + Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(', '));
} catch (err) {
  console.error(`nothing copied: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await source.close();
  await target.close();
}
