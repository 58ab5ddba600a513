import type { EventLog } from '../store/event-log.ts';
import { describeFailure, verifyLog } from './verify-log.ts';
import type { CheckpointBook, CheckpointProblem } from './checkpoints.ts';

/** A log that does not verify: the server does not serve it (unless READ_ONLY_ON_TAMPER=1). */
export class TamperedLogError extends Error {
  constructor(readonly problems: CheckpointProblem[]) {
    super(`the event log does not verify:\n${problems.map((p) => `  ${p.stream}, seq ${p.seq}: ${p.reason}`).join('\n')}\n`
      + 'Restore the data folder from a backup, or start with READ_ONLY_ON_TAMPER=1 to serve it read-only for inspection.');
    this.name = 'TamperedLogError';
  }
}

/**
 * Before serving: the whole log re-verified (seq continuity, hash chain, every event parsed, every
 * closed vote recounted), and every stream's head against its latest signed checkpoint (a re-hashed
 * chain, deleted rows or a deleted stream). Unreadable rows become a problem naming the row, never
 * a bare exception.
 */
export async function checkLogAtStart(log: EventLog, book: CheckpointBook): Promise<CheckpointProblem[]> {
  const problems: CheckpointProblem[] = [];
  try {
    const report = await verifyLog(log);
    if (!report.ok && report.failure) {
      const f = report.failure;
      const named = f as { meetingId?: string; stream?: string };
      problems.push({ stream: named.meetingId ?? named.stream ?? describeFailure(f), seq: f.seq, reason: f.reason });
    }
  } catch (err) {
    problems.push({ stream: 'database', seq: 0, reason: `the log cannot be read: ${(err as Error).message}` });
  }
  try {
    problems.push(...await book.check(log));
  } catch (err) {
    problems.push({ stream: 'database', seq: 0, reason: `the log cannot be read for the checkpoint check: ${(err as Error).message}` });
  }
  return problems;
}
