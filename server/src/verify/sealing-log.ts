import type { EventLog, Snapshot } from '../store/event-log.ts';
import type { Logger } from '../log.ts';
import type { SnapshotSeals } from './snapshot-seals.ts';

/**
 * The log the live streams write through: the same log, except that every snapshot saved is then
 * sealed (its digest and the chain row's hash at its seq, signed with the checkpoint key), so the
 * next start can trust it instead of replaying the rows below it. A seal that cannot be written
 * costs only that: the next start verifies that stream from its first row.
 */
export function sealingSnapshots(log: EventLog, seals: SnapshotSeals, logger: Logger): EventLog {
  return {
    append: (stream, expectedSeq, entries) => log.append(stream, expectedSeq, entries),
    read: (stream, afterSeq) => log.read(stream, afterSeq),
    head: (stream) => log.head(stream),
    streams: (prefix) => log.streams(prefix),
    findIdempotency: (stream, key) => log.findIdempotency(stream, key),
    latestSnapshot: (stream) => log.latestSnapshot(stream),
    discardSnapshot: (stream, seq) => log.discardSnapshot(stream, seq),
    async saveSnapshot(stream: string, snapshot: Snapshot) {
      await log.saveSnapshot(stream, snapshot);
      try {
        // The row the snapshot is the fold up to; with it the seal binds the snapshot to the chain.
        const row = (await log.read(stream, snapshot.seq - 1))[0];
        if (row?.seq === snapshot.seq) seals.seal(stream, snapshot, row.hash);
      } catch (err) {
        logger.error({ err, stream, seq: snapshot.seq }, 'snapshot seal failed: the next start verifies this stream in full');
      }
    },
  };
}
