import { sign, verify } from 'node:crypto';
import type { CheckpointKey } from './checkpoint-key.ts';
import { latestPerStream, SignedLines } from './signed-lines.ts';
import { readCheckpointIndex, writeCheckpointIndex } from './checkpoint-index.ts';

/** A signed statement: stream `stream` had `seq` rows, the last with hash `hash`. */
export interface Checkpoint { stream: string; seq: number; hash: string; at: string; sig: string }

/** What the checks need of a log: its streams and their rows' seq and hash. */
export interface ChainSource {
  streams(): Promise<string[]>;
  read(stream: string, afterSeq: number): Promise<{ seq: number; hash: string }[]>;
}

export interface CheckpointProblem { stream: string; seq: number; reason: string }

/** The index is rewritten after this many checkpoints, so a start after a kill parses at most this many lines. */
const INDEX_EVERY = 1000;

const message = (c: Omit<Checkpoint, 'sig'>) => Buffer.from(`plenum-checkpoint/1\n${c.stream}\n${c.seq}\n${c.hash}\n${c.at}`);


/**
 * Signed checkpoints of chain heads, one JSON line each, in a file beside the key (outside the
 * database). The latest checkpoint of a stream is what the log must still contain: a row with that
 * seq and that hash. A re-hashed chain, a truncated log or a deleted stream no longer does.
 */
export class CheckpointBook {
  private readonly latest: Map<string, Checkpoint>;
  private readonly lines: SignedLines;
  private sinceIndex = 0;

  /** `index`: the heads index the server keeps beside the book (checkpoint-index.ts); without it the whole file is read. */
  constructor(private readonly file: string, private readonly key: CheckpointKey, private readonly index: string | null = null) {
    this.latest = latestPerStream<Checkpoint>(file, (index && readCheckpointIndex(index, file)) || undefined);
    this.lines = new SignedLines(file);
    if (index) writeCheckpointIndex(index, file, this.lines.bytes, this.latest.values());
  }

  /** Sign and record the head of a stream (after each committed batch). */
  record(stream: string, seq: number, hash: string, at = new Date().toISOString()): Checkpoint {
    if (!this.key.privateKey) throw new Error('checkpoint key has no private part');
    const body = { stream, seq, hash, at };
    const c: Checkpoint = { ...body, sig: sign(null, message(body), this.key.privateKey).toString('base64') };
    this.lines.append(c);
    this.latest.set(stream, c);
    if (this.index && ++this.sinceIndex >= INDEX_EVERY) {
      this.sinceIndex = 0;
      writeCheckpointIndex(this.index, this.file, this.lines.bytes, this.latest.values());
    }
    return c;
  }

  get(stream: string): Checkpoint | undefined { return this.latest.get(stream); }

  /** Every stream's latest signed head against the log; one problem per stream at most. */
  async check(log: ChainSource): Promise<CheckpointProblem[]> {
    const problems: CheckpointProblem[] = [];
    const present = new Set(await log.streams());
    for (const c of this.latest.values()) {
      if (!verify(null, message(c), this.key.publicKey, Buffer.from(c.sig, 'base64'))) {
        problems.push({ stream: c.stream, seq: c.seq, reason: 'the checkpoint signature does not verify (checkpoint file altered, or another key)' });
        continue;
      }
      if (!present.has(c.stream)) {
        problems.push({ stream: c.stream, seq: c.seq, reason: `no events at all, but a signed checkpoint says ${c.seq} (the stream was deleted)` });
        continue;
      }
      const rows = await log.read(c.stream, c.seq - 1);
      const row = rows.find((r) => r.seq === c.seq);
      if (!row) {
        const last = rows.at(-1)?.seq ?? (await log.read(c.stream, 0)).at(-1)?.seq ?? 0;
        problems.push({ stream: c.stream, seq: c.seq, reason: `the log ends at seq ${last}, a signed checkpoint says ${c.seq} (rows were deleted)` });
      } else if (row.hash !== c.hash) {
        problems.push({ stream: c.stream, seq: c.seq, reason: `row hash ${row.hash.slice(0, 12)}… differs from the signed checkpoint ${c.hash.slice(0, 12)}… (the chain was re-hashed)` });
      }
    }
    return problems;
  }
}
