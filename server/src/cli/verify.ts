import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configFromEnv, ConfigSchema } from '../config.ts';
import { dbFile, describeStore, openStores } from '../store/open-stores.ts';
import { openSqliteStores } from '../store/sqlite-store.ts';
import { describeFailure, verifyLog } from '../verify/verify-log.ts';
import { verifyAgainst } from '../verify/against.ts';
import { CheckpointBook } from '../verify/checkpoints.ts';
import { loadVerifyKey } from '../verify/checkpoint-key.ts';
import { checkInvitationTables } from '../verify/invitation-check.ts';

/**
 * npm run verify [-- <dataDir or sqlite file>] [--against <protocol.json | receipts.json>]: exit
 * code 1 when the log is broken, a snapshot differs from its replay, or the document does not
 * match the log. The store is the server's (STORE, DATA_DIR, DATABASE_URL); an argument names a
 * SQLite data folder instead.
 */
const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const againstFile = againstAt >= 0 ? args[againstAt + 1] : undefined;
if (againstAt >= 0 && !againstFile) {
  console.error('usage: npm run verify -- [dataDir] --against <protocol.json | receipts.json>');
  process.exit(2);
}
const arg = args.filter((_, i) => againstAt < 0 || (i !== againstAt && i !== againstAt + 1))[0];
const config = ConfigSchema.parse(configFromEnv());
const file = arg ? (arg.endsWith('.sqlite') ? arg : dbFile(arg)) : config.store === 'sqlite' ? dbFile(config.dataDir) : null;
if (file && !existsSync(file)) {
  console.error(`no event log at ${file}`);
  process.exit(1);
}
let doc: unknown;
if (againstFile) {
  try {
    doc = JSON.parse(readFileSync(againstFile, 'utf8'));
  } catch (err) {
    console.error(`cannot read ${againstFile} as JSON: ${(err as Error).message}`);
    process.exit(2);
  }
}
const where = file ?? describeStore(config);
const stores = file ? openSqliteStores(file) : await openStores(config);
let failed = false;
try {
  const report = await verifyLog(stores.events);
  for (const s of report.snapshots) console.log(`BROKEN: snapshot of ${s.stream} at seq ${s.seq}: ${s.reason} (the server discards it at start and rebuilds from the log)`);
  if (report.ok) {
    console.log(`${report.snapshots.length > 0 ? 'log ok, snapshots not' : 'ok'}: ${report.meetings} meeting(s), ${report.events} events, ${report.votesChecked} closed votes recounted; `
      + `${report.betweenStreams} between-sessions stream(s), ${report.betweenEvents} events; ${report.snapshotsChecked} snapshot(s) checked against a replay (${where})`);
    failed = report.snapshots.length > 0;
  } else {
    console.log(`BROKEN: ${describeFailure(report.failure!)}`);
    console.log(`(checked before it: ${report.events} events, ${report.votesChecked} votes, ${report.betweenEvents} between-sessions events)`);
    failed = true;
  }
  // Invitations and sessions: the tables against the fold of their chained stream.
  const invitationProblems = await checkInvitationTables(stores.events, stores);
  for (const p of invitationProblems) console.log(`BROKEN: ${p.stream}, seq ${p.seq}: ${p.reason}`);
  if (invitationProblems.length === 0) console.log('ok: the invitations and sessions tables match their chain');
  failed ||= invitationProblems.length > 0;
  // The signed checkpoints (beside the data folder's database, or CHECKPOINT_KEY_FILE, a public key is enough):
  // a re-hashed chain, deleted rows or a deleted stream that the chain alone cannot show.
  const dataDir = arg ? (arg.endsWith('.sqlite') ? dirname(arg) : arg) : config.dataDir;
  const keyFile = config.checkpointKeyFile ?? join(dataDir, 'keys', 'checkpoint-ed25519.pem');
  const bookFile = join(dataDir, 'checkpoints.jsonl');
  if (existsSync(keyFile) && existsSync(bookFile)) {
    const problems = await new CheckpointBook(bookFile, loadVerifyKey(keyFile)).check(stores.events);
    for (const p of problems) console.log(`BROKEN: ${p.stream}, seq ${p.seq}: ${p.reason}`);
    if (problems.length === 0) console.log(`ok: every stream matches its signed checkpoint (${bookFile})`);
    failed ||= problems.length > 0;
  } else {
    console.log(`no signed checkpoints at ${bookFile} with ${keyFile}: a re-hashed or truncated log is found only with --against`);
  }
  if (againstFile) {
    const against = await verifyAgainst(stores.events, doc);
    const what = against.kind === 'protocol'
      ? `protocol of ${against.meetingId}${against.record ? ` (made at seq ${against.record.seq}, fingerprint ${against.record.fingerprint})` : ''}: ${against.checked} vote(s) compared`
      : `receipts of ${against.meetingId}: ${against.checked} receipt(s) compared`;
    for (const m of against.mismatches) console.log(`MISMATCH: ${m.where}: ${m.reason}`);
    if (against.mismatches.length === 0) console.log(`ok: the ${what} match the log (${againstFile})`);
    else console.log(`the ${what}; ${against.mismatches.length} mismatch(es) with the log (${againstFile})`);
    failed ||= against.mismatches.length > 0;
  }
} catch (err) {
  console.log(`CANNOT CHECK: ${(err as Error).message}`);
  failed = true;
} finally {
  await stores.close();
}
process.exit(failed ? 1 : 0);
