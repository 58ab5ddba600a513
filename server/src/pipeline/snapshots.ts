import type { EventLog } from '../store/event-log.ts';

/** The format of a snapshot record (the state as JSON); a change of it discards older snapshots. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export type SnapshotLoad<S> = { state: S; seq: number } | { discarded: 'none' | 'version' | 'unparseable' | 'ahead' };

/**
 * The latest snapshot of a stream, if it can be trusted: written with the current state version
 * and record format, parseable, and not beyond the log. Anything else is discarded (the caller
 * replays the log).
 */
export async function loadSnapshot<S>(
  log: EventLog, kind: { stateVersion: number }, stream: string, lastSeq: number,
): Promise<SnapshotLoad<S>> {
  const snapshot = await log.latestSnapshot(stream);
  if (!snapshot) return { discarded: 'none' };
  if (snapshot.stateVersion !== kind.stateVersion || snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) return { discarded: 'version' };
  if (snapshot.seq > lastSeq) return { discarded: 'ahead' };
  try {
    const state: unknown = JSON.parse(snapshot.stateJson);
    if (typeof state !== 'object' || state === null) return { discarded: 'unparseable' };
    // The JSON of a state written under the same version is that state: the version is the check.
    return { state: state as S, seq: snapshot.seq };
  } catch {
    return { discarded: 'unparseable' };
  }
}
