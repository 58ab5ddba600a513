import { isDeepStrictEqual } from 'node:util';
import type { Snapshot, StoredRow } from '../store/event-log.ts';
import { envelopeOf } from '../pipeline/stored-events.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../pipeline/snapshots.ts';
import type { ReplayKind } from './stream-kinds.ts';

/** A stored snapshot that is not the fold of the log up to its seq (an edited `snapshots.state_json`). */
export interface SnapshotProblem { stream: string; seq: number; reason: string }

/**
 * The snapshot against a replay of the stream's verified rows up to its seq. A snapshot stamped
 * with another version is not checked: the server discards it on load anyway. Compared as JSON
 * data (what a restart would load), so key order does not matter.
 */
export function snapshotProblem(stream: string, snapshot: Snapshot, kind: ReplayKind, rows: readonly StoredRow[]): SnapshotProblem | null {
  if (snapshot.stateVersion !== kind.stateVersion || snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) return null;
  const problem = (reason: string): SnapshotProblem => ({ stream, seq: snapshot.seq, reason });
  const last = rows.at(-1)?.seq ?? 0;
  if (snapshot.seq > last) return problem(`the snapshot is at seq ${snapshot.seq}, beyond the log's last row ${last}`);
  let state = kind.initial();
  for (const row of rows) {
    if (row.seq > snapshot.seq) break;
    state = kind.evolve(state, envelopeOf(kind, row).event, row.seq);
  }
  let stored: unknown;
  try { stored = JSON.parse(snapshot.stateJson); } catch { return problem('the snapshot\'s state_json does not parse'); }
  const replayed: unknown = JSON.parse(JSON.stringify(state));
  if (isDeepStrictEqual(stored, replayed)) return null;
  return problem(`the snapshot differs from a replay of the log up to seq ${snapshot.seq} at ${firstDifference(stored, replayed, 'state')}`);
}

/** The path of the first place where two JSON values differ, for the operator's message. */
function firstDifference(a: unknown, b: unknown, path: string): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    if (!isDeepStrictEqual(ao[k], bo[k])) return firstDifference(ao[k], bo[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
  }
  return path;
}
