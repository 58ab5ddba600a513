import { sign, verify } from 'node:crypto';
import type { Snapshot } from '../store/event-log.ts';
import { sha256 } from '../store/hash.ts';
import type { CheckpointKey } from './checkpoint-key.ts';
import { latestPerStream, SignedLines } from './signed-lines.ts';

/**
 * A signed statement: the snapshot of `stream` at `seq` has this state digest, and the chain row at
 * `seq` had hash `hash` when it was taken. Signed with the checkpoint key (outside the database).
 */
export interface SnapshotSeal {
  stream: string;
  seq: number;
  hash: string;
  stateVersion: number;
  schemaVersion: number;
  /** sha256 of the snapshot's state_json, as stored. */
  digest: string;
  at: string;
  sig: string;
}

const message = (s: Omit<SnapshotSeal, 'sig'>) =>
  Buffer.from(`plenum-snapshot/1\n${s.stream}\n${s.seq}\n${s.hash}\n${s.stateVersion}\n${s.schemaVersion}\n${s.digest}\n${s.at}`);

/** Why a stored snapshot is not trusted at start (the stream is then verified from its first row). */
export type SealRefusal = 'no seal' | 'another seq' | 'signature' | 'digest' | 'versions' | 'chain row';

/**
 * Seals of snapshots, one JSON line each, in a file beside the checkpoints (outside the database).
 * A snapshot whose seal verifies, and whose chain row still has the sealed hash, is the fold of a
 * log the server verified and wrote itself: the start check verifies only the rows after it. Only
 * the latest seal per stream is kept in memory; a seal for another seq than the stored snapshot's
 * is no seal for it.
 */
export class SnapshotSeals {
  private readonly latest: Map<string, SnapshotSeal>;
  private readonly lines: SignedLines;

  constructor(file: string, private readonly key: CheckpointKey) {
    this.latest = latestPerStream<SnapshotSeal>(file);
    this.lines = new SignedLines(file);
  }

  /** Sign and record a snapshot just written; `hash` is its chain row's hash. */
  seal(stream: string, snapshot: Snapshot, hash: string, at = new Date().toISOString()): SnapshotSeal {
    if (!this.key.privateKey) throw new Error('checkpoint key has no private part');
    const body = {
      stream, seq: snapshot.seq, hash, stateVersion: snapshot.stateVersion, schemaVersion: snapshot.schemaVersion, digest: sha256(snapshot.stateJson), at,
    };
    const s: SnapshotSeal = { ...body, sig: sign(null, message(body), this.key.privateKey).toString('base64') };
    this.lines.append(s);
    this.latest.set(stream, s);
    return s;
  }

  /**
   * The seal that vouches for `snapshot`, given the chain row now stored at its seq (null: none),
   * or why there is none. The row's hash must still be the sealed one: a chain re-hashed below the
   * snapshot no longer is.
   */
  vouch(stream: string, snapshot: Snapshot, row: { seq: number; hash: string } | null): SnapshotSeal | SealRefusal {
    const s = this.latest.get(stream);
    if (!s) return 'no seal';
    if (s.seq !== snapshot.seq) return 'another seq';
    let signed = false;
    try { signed = verify(null, message(s), this.key.publicKey, Buffer.from(String(s.sig), 'base64')); } catch { signed = false; }
    if (!signed) return 'signature';
    if (s.stateVersion !== snapshot.stateVersion || s.schemaVersion !== snapshot.schemaVersion) return 'versions';
    if (sha256(snapshot.stateJson) !== s.digest) return 'digest';
    if (!row || row.seq !== s.seq || row.hash !== s.hash) return 'chain row';
    return s;
  }
}
