import { join } from 'node:path';
import { DEMO_MEETING_ID, DMK_PROFILE } from '@plenum/shared';
import { dbFile } from '../../server/src/app.ts';
import { createLogger } from '../../server/src/log.ts';
import { MEETING_KIND } from '../../server/src/meeting/kind.ts';
import { StreamRuntime } from '../../server/src/pipeline/stream-runtime.ts';
import { openSqliteStores } from '../../server/src/store/sqlite-store.ts';
import { loadOrCreateCheckpointKey } from '../../server/src/verify/checkpoint-key.ts';
import { CheckpointBook } from '../../server/src/verify/checkpoints.ts';
import { sealingSnapshots } from '../../server/src/verify/sealing-log.ts';
import { SnapshotSeals } from '../../server/src/verify/snapshot-seals.ts';

/**
 * Grows the demo meeting's log to TARGET events through the real runtime (decide → append with
 * hash chain → fold → snapshots), as a long session would: speakers-list traffic (16 floor
 * requests and withdrawals per round) and, every SPEAKER_ROUNDS_PER_VOTE rounds, a vote (open the
 * R-SES-4 motion, alternating public on/off → 16 casts → close). About 300 closed votes per
 * 100,000 events: a log of only votes (5,000+ votes in the state) makes every fold copy the whole
 * votes map and every snapshot megabytes long, which no real session reaches.
 * As the server does, every snapshot is sealed and every commit's head checkpointed with the data
 * folder's checkpoint key (so a restart meets the files a long session leaves).
 * Run as a child: `generate-log.ts <dataDir> <target>`.
 * synchronous=OFF only here, to spare the shared disk; the server reopens with FULL.
 */
const SPEAKER_ROUNDS_PER_VOTE = 10;
const [dataDir, targetArg] = process.argv.slice(2);
const target = Number(targetArg);
setTimeout(() => { console.error('generate-log: timeout'); process.exit(2); }, 15 * 60_000).unref();

const stores = openSqliteStores(dbFile(dataDir!));
stores.db.pragma('synchronous = OFF');
const logger = createLogger('warn');
const key = loadOrCreateCheckpointKey(join(dataDir!, 'keys', 'checkpoint-ed25519.pem'));
const seals = new SnapshotSeals(join(dataDir!, 'snapshot-seals.jsonl'), key);
const checkpoints = new CheckpointBook(join(dataDir!, 'checkpoints.jsonl'), key, join(dataDir!, 'checkpoints-index.json'));
const runtime = await StreamRuntime.load(MEETING_KIND, DEMO_MEETING_ID, sealingSnapshots(stores.events, seals, logger), DMK_PROFILE, logger);
runtime.onCommitted((commit) => {
  const head = commit.steps.at(-1)?.envelopes.at(-1);
  if (head) checkpoints.record(runtime.stream, head.seq, head.hash);
});
const chair = { role: 'chair' as const, participantId: 'p-chair' };
const lands = DMK_PROFILE.lands.map((l) => l.code);
const delegate = (land: string) => ({ role: 'delegate' as const, participantId: `p-${land}-member` });
let n = 0;
const commandKey = () => `gen-${process.pid}-${(n++).toString(36).padStart(8, '0')}`;

async function run(command: Record<string, unknown>, actor: { role: 'chair' | 'delegate'; participantId: string }, allow: string[] = []) {
  const { ack } = await runtime.execute({ key: commandKey(), command, actor, context: {} });
  if ('error' in ack && !allow.includes(ack.error.code)) throw new Error(`${String(command.type)}: ${JSON.stringify(ack.error)}`);
  return ack;
}

await run({ type: 'openSession' }, chair, ['session.alreadyOpen']);
for (const land of lands) await run({ type: 'checkIn', mode: 'room' }, delegate(land), ['attendance.alreadyPresent', 'participant.alreadyPresent']);

let round = 0;
let speakerRounds = 0;
while (runtime.seq < target) {
  if (speakerRounds++ % SPEAKER_ROUNDS_PER_VOTE !== 0) {
    for (const land of lands) if (runtime.seq < target) await run({ type: 'requestFloor' }, delegate(land));
    for (const land of lands) if (runtime.seq < target) await run({ type: 'withdrawFloorRequest' }, delegate(land));
    continue;
  }
  const wantPublic = runtime.current.session?.public !== true;
  const ack = await run({ type: 'openVote', motion: { kind: 'setPublic', public: wantPublic } }, chair);
  const opened = 'data' in ack ? ack.data.events.find((e) => e.event.type === 'VoteOpened') : undefined;
  const voteId = (opened?.event as { voteId: string }).voteId;
  for (const land of lands) {
    if (runtime.seq >= target) break;
    await run({ type: 'castVote', voteId, land, choice: round % 5 === 0 ? 'no' : 'yes' }, delegate(land));
  }
  await run({ type: 'closeVote', voteId }, chair);
  round += 1;
}
console.log(`GENERATED events=${runtime.seq} rounds=${round}`);
await stores.close();
