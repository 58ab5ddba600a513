import { existsSync } from 'node:fs';
import { configFromEnv, ConfigSchema } from '../config.ts';
import { dbFile, describeStore, openStores } from '../store/open-stores.ts';
import { openSqliteStores } from '../store/sqlite-store.ts';
import { describeFailure, verifyLog } from '../verify/verify-log.ts';

/**
 * npm run verify [-- <dataDir or sqlite file>]: exit code 1 when the log is broken. The store is
 * the server's (STORE, DATA_DIR, DATABASE_URL); an argument names a SQLite data folder instead.
 */
const arg = process.argv[2];
const config = ConfigSchema.parse(configFromEnv());
const file = arg ? (arg.endsWith('.sqlite') ? arg : dbFile(arg)) : config.store === 'sqlite' ? dbFile(config.dataDir) : null;
if (file && !existsSync(file)) {
  console.error(`no event log at ${file}`);
  process.exit(1);
}
const where = file ?? describeStore(config);
const stores = file ? openSqliteStores(file) : await openStores(config);
const report = await verifyLog(stores.events).finally(() => stores.close());
for (const s of report.snapshots) console.log(`BROKEN: snapshot of ${s.stream} at seq ${s.seq}: ${s.reason} (the server discards it at start and rebuilds from the log)`);
if (report.ok) {
  console.log(`${report.snapshots.length > 0 ? 'log ok, snapshots not' : 'ok'}: ${report.meetings} meeting(s), ${report.events} events, ${report.votesChecked} closed votes recounted; `
    + `${report.betweenStreams} between-sessions stream(s), ${report.betweenEvents} events; ${report.snapshotsChecked} snapshot(s) checked against a replay (${where})`);
  if (report.snapshots.length > 0) process.exit(1);
} else {
  console.log(`BROKEN: ${describeFailure(report.failure!)}`);
  console.log(`(checked before it: ${report.events} events, ${report.votesChecked} votes, ${report.betweenEvents} between-sessions events)`);
  process.exit(1);
}
