import { DMK_PROFILE } from '@plenum/shared';
import type { EventLog } from '../store/event-log.ts';
import { describeFailure, verifyLog } from './verify-log.ts';
import type { CheckpointBook, CheckpointProblem } from './checkpoints.ts';
import type { SnapshotProblem } from './snapshot-check.ts';
import type { SnapshotSeals } from './snapshot-seals.ts';
import { checkInvitationTables, type InvitationTables } from './invitation-check.ts';

/** A log that does not verify: the server does not serve it (unless READ_ONLY_ON_TAMPER=1). */
export class TamperedLogError extends Error {
  constructor(readonly problems: CheckpointProblem[]) {
    super(`the event log does not verify:\n${problems.map((p) => `  ${p.stream}, seq ${p.seq}: ${p.reason}`).join('\n')}\n`
      + 'Restore the data folder from a backup, or start with READ_ONLY_ON_TAMPER=1 to serve it read-only for inspection.');
    this.name = 'TamperedLogError';
  }
}

export interface StartCheck {
  /** The log does not verify: not served (read-only with READ_ONLY_ON_TAMPER=1). */
  problems: CheckpointProblem[];
  /** Snapshots that did not match a replay of their verified log: discarded, the state rebuilt from the log. */
  discardedSnapshots: SnapshotProblem[];
  /** Streams checked from their sealed snapshot on (VERIFY_ON_START=snapshot), and at which seq. */
  sealed: { stream: string; seq: number }[];
  /** Stored snapshots whose seal did not vouch for them, and why: those streams were checked from their first row. */
  unsealed: { stream: string; seq: number; reason: string }[];
}

/** `full`: every stream from its first row (as `npm run verify`); `snapshot`: a stream with a sealed snapshot from the row after it. */
export type StartVerification = 'full' | 'snapshot';

/**
 * Before serving: the log re-verified (seq continuity, hash chain, every event parsed, every
 * closed vote recounted), and every stream's head against its latest signed checkpoint (a re-hashed
 * chain, deleted rows or a deleted stream). Unreadable rows become a problem naming the row, never
 * a bare exception.
 *
 * Every stored snapshot without a valid seal is checked against a replay of its stream. A snapshot is a cache of the
 * log, not the record: one that differs (an edited `snapshots.state_json`) is discarded, so the
 * stream is rebuilt from the verified log and the forged state is never served. The caller logs it
 * as an error naming stream and seq; the log itself still verified, so the meeting is served.
 *
 * `snapshot` (the default): a stream whose snapshot carries a valid seal (its digest and the chain
 * row's hash at its seq, signed with the checkpoint key when it was written) is checked from the
 * row after it (verifyLog). A snapshot without a seal, with a seal that does not verify, or whose
 * chain row's hash changed, is no shortcut: that stream is checked in full. The checkpoint check
 * is the same in both modes. `full` checks every stream from its first row, as `npm run verify`.
 *
 * The invitations and sessions tables must be the fold of their own chained stream (an edited,
 * deleted or inserted invitation, an inserted session): who may act rests on them.
 */
export async function checkLogAtStart(
  log: EventLog, book: CheckpointBook, seals: SnapshotSeals, tables: InvitationTables, mode: StartVerification = 'snapshot',
): Promise<StartCheck> {
  const problems: CheckpointProblem[] = [];
  const discardedSnapshots: SnapshotProblem[] = [];
  let sealed: StartCheck['sealed'] = [];
  let unsealed: StartCheck['unsealed'] = [];
  try {
    const report = await verifyLog(log, DMK_PROFILE, mode === 'snapshot' ? { seals } : {});
    ({ sealed, unsealed } = report);
    for (const s of report.snapshots) {
      await log.discardSnapshot(s.stream, s.seq);
      discardedSnapshots.push(s);
    }
    if (!report.ok && report.failure) {
      const f = report.failure;
      const named = f as { meetingId?: string; stream?: string };
      problems.push({ stream: named.meetingId ?? named.stream ?? describeFailure(f), seq: f.seq, reason: f.reason });
    }
  } catch (err) {
    problems.push({ stream: 'database', seq: 0, reason: `the log cannot be read: ${(err as Error).message}` });
  }
  try {
    problems.push(...await checkInvitationTables(log, tables));
  } catch (err) {
    problems.push({ stream: 'database', seq: 0, reason: `the invitations cannot be read: ${(err as Error).message}` });
  }
  try {
    problems.push(...await book.check(log));
  } catch (err) {
    problems.push({ stream: 'database', seq: 0, reason: `the log cannot be read for the checkpoint check: ${(err as Error).message}` });
  }
  return { problems, discardedSnapshots, sealed, unsealed };
}
