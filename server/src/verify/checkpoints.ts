import { createHash, sign, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckpointKey } from './checkpoint-key.ts';
import { latestPerStream, SignedLines } from './signed-lines.ts';
import { readCheckpointIndex, writeCheckpointIndex } from './checkpoint-index.ts';

/** A signed statement: stream `stream` had `seq` rows, the last with hash `hash`. */
export interface Checkpoint { stream: string; seq: number; hash: string; at: string; sig: string }

/**
 * A signed statement about the idempotency key of a command that appended nothing (refused commands
 * store no key): stream `stream` answered key `key` at seq `seq`, and the key's row had `digest`
 * (its payload hash and stored answer). Such a key has no row of its own to be chained to.
 */
export interface KeyCheckpoint { kind: 'key'; stream: string; key: string; seq: number; digest: string; at: string; sig: string }

/** What the checks need of a log: its streams, their rows' seq and hash, and stored keys. */
export interface ChainSource {
  streams(): Promise<string[]>;
  read(stream: string, afterSeq: number): Promise<{ seq: number; hash: string }[]>;
  findIdempotency(stream: string, key: string): Promise<{ payloadHash: string; responseJson: string } | null>;
}

export interface CheckpointProblem { stream: string; seq: number; reason: string }

/** The index is rewritten after this many checkpoints, so a start after a kill parses at most this many lines. */
const INDEX_EVERY = 1000;

const message = (c: Omit<Checkpoint, 'sig'>) => Buffer.from(`plenum-checkpoint/1\n${c.stream}\n${c.seq}\n${c.hash}\n${c.at}`);
const keyMessage = (c: Omit<KeyCheckpoint, 'sig'>) => Buffer.from(`plenum-key/1\n${c.stream}\n${c.key}\n${c.seq}\n${c.digest}\n${c.at}`);
/** What a key checkpoint vouches for: the stored payload hash and answer of the key. */
export const keyDigest = (stored: { payloadHash: string; responseJson: string }) => createHash('sha256').update(JSON.stringify([stored.payloadHash, stored.responseJson])).digest('hex');

/** Every signed key in the key book (few: only commands that appended nothing); a line cut off by a crash is passed over. */
function readKeyBook(file: string): Map<string, KeyCheckpoint> {
  const keys = new Map<string, KeyCheckpoint>();
  if (!existsSync(file)) return keys;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    let k: KeyCheckpoint;
    try { k = JSON.parse(line) as KeyCheckpoint; } catch { continue; }
    if (k?.kind === 'key') keys.set(JSON.stringify([k.stream, k.key]), k);
  }
  return keys;
}


/**
 * Signed checkpoints of chain heads, one JSON line each, in a file beside the key (outside the
 * database). The latest checkpoint of a stream is what the log must still contain: a row with that
 * seq and that hash. A re-hashed chain, a truncated log or a deleted stream no longer does.
 */
export class CheckpointBook {
  private readonly latest: Map<string, Checkpoint>;
  private readonly lines: SignedLines;
  private sinceIndex = 0;
  /** Keys of commands that appended nothing, by stream and key, in their own file beside the book (`key-checkpoints.jsonl`). */
  private readonly keys: Map<string, KeyCheckpoint>;
  private readonly keyLines: SignedLines;

  /** `index`: the heads index the server keeps beside the book (checkpoint-index.ts); without it the whole file is read. */
  constructor(private readonly file: string, private readonly key: CheckpointKey, private readonly index: string | null = null) {
    this.latest = latestPerStream<Checkpoint>(file, (index && readCheckpointIndex(index, file)) || undefined);
    this.lines = new SignedLines(file);
    if (index) writeCheckpointIndex(index, file, this.lines.bytes, this.latest.values());
    const keyFile = join(dirname(file), 'key-checkpoints.jsonl');
    this.keys = readKeyBook(keyFile);
    this.keyLines = new SignedLines(keyFile);
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

  /** Sign the key of a command that appended nothing, as stored (after its commit). */
  recordKey(stream: string, key: string, seq: number, stored: { payloadHash: string; responseJson: string }, at = new Date().toISOString()): KeyCheckpoint {
    if (!this.key.privateKey) throw new Error('checkpoint key has no private part');
    const body = { kind: 'key' as const, stream, key, seq, digest: keyDigest(stored), at };
    const c: KeyCheckpoint = { ...body, sig: sign(null, keyMessage(body), this.key.privateKey).toString('base64') };
    this.keyLines.append(c);
    this.keys.set(JSON.stringify([stream, key]), c);
    return c;
  }

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
    for (const k of this.keys.values()) {
      const what = `command key ${k.key} (a command answered at seq ${k.seq} that appended nothing)`;
      if (!verify(null, keyMessage(k), this.key.publicKey, Buffer.from(k.sig, 'base64'))) {
        problems.push({ stream: k.stream, seq: k.seq, reason: `the signature of the checkpoint of ${what} does not verify (checkpoint file altered, or another key)` });
        continue;
      }
      const stored = await log.findIdempotency(k.stream, k.key);
      if (!stored) problems.push({ stream: k.stream, seq: k.seq, reason: `${what} is signed but not in command_keys (deleted)` });
      else if (keyDigest(stored) !== k.digest) problems.push({ stream: k.stream, seq: k.seq, reason: `${what}: its payload hash or stored answer differs from the signed one (edited)` });
    }
    return problems;
  }
}
