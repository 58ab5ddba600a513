import { existsSync } from 'node:fs';
import { dbFile } from '../app.ts';
import { configFromEnv, ConfigSchema } from '../config.ts';
import { describeFailure, verifyDatabase } from '../verify/verify-log.ts';

/** npm run verify [-- <dataDir or sqlite file>]: exit code 1 when the log is broken. */
const arg = process.argv[2];
const file = arg?.endsWith('.sqlite') ? arg : dbFile(arg ?? ConfigSchema.parse(configFromEnv()).dataDir);
if (!existsSync(file)) {
  console.error(`no event log at ${file}`);
  process.exit(1);
}
const report = await verifyDatabase(file);
if (report.ok) {
  console.log(`ok: ${report.meetings} meeting(s), ${report.events} events, ${report.votesChecked} closed votes recounted; `
    + `${report.betweenStreams} between-sessions stream(s), ${report.betweenEvents} events`);
} else {
  console.log(`BROKEN: ${describeFailure(report.failure!)}`);
  console.log(`(checked before it: ${report.events} events, ${report.votesChecked} votes, ${report.betweenEvents} between-sessions events)`);
  process.exit(1);
}
