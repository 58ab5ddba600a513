import { existsSync } from 'node:fs';
import { dbFile } from '../app.ts';
import { configFromEnv, ConfigSchema } from '../config.ts';
import { verifyDatabase } from '../verify/verify-log.ts';

/** npm run verify [-- <dataDir or sqlite file>]: exit code 1 when the log is broken. */
const arg = process.argv[2];
const file = arg?.endsWith('.sqlite') ? arg : dbFile(arg ?? ConfigSchema.parse(configFromEnv()).dataDir);
if (!existsSync(file)) {
  console.error(`no event log at ${file}`);
  process.exit(1);
}
const report = verifyDatabase(file);
if (report.ok) {
  console.log(`ok: ${report.meetings} meeting(s), ${report.events} events, ${report.votesChecked} closed votes recounted`);
} else {
  const f = report.failure!;
  console.log(`BROKEN: meeting ${f.meetingId}, seq ${f.seq}: ${f.reason}`);
  console.log(`(checked before it: ${report.events} events, ${report.votesChecked} votes)`);
  process.exit(1);
}
