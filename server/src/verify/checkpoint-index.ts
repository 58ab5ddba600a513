import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { sha256 } from '../store/hash.ts';
import type { Checkpoint } from './checkpoints.ts';
import { readBytes } from './signed-lines.ts';

/**
 * `checkpoints.jsonl` gets a line per commit: 24 MB after 100,000 commits, and the start used to
 * parse all of it for each stream's latest head. The index holds those heads as of the file's
 * first `bytes`, with a digest of the bytes just before that point, so a start parses only what
 * was appended since. The heads in it are the signed checkpoints themselves (checked like any
 * other); an index that does not fit the file (a shorter file, another tail: restored, replaced)
 * is ignored and the whole file read. `npm run verify` never uses it.
 */
interface IndexFile { bytes: number; tail: string; latest: Checkpoint[] }

const TAIL = 512;
const tailOf = (book: string, bytes: number) => sha256(readBytes(book, Math.max(0, bytes - TAIL), bytes).toString('latin1'));

export function readCheckpointIndex(indexFile: string, book: string): { bytes: number; latest: Map<string, Checkpoint> } | null {
  if (!existsSync(indexFile) || !existsSync(book)) return null;
  let index: IndexFile;
  try { index = JSON.parse(readFileSync(indexFile, 'utf8')) as IndexFile; } catch { return null; }
  if (!Number.isInteger(index?.bytes) || index.bytes < 0 || !Array.isArray(index.latest)) return null;
  const head = readBytes(book, Math.max(0, index.bytes - TAIL), index.bytes);
  // The file must still hold those bytes, ending at a line's end.
  if (head.length !== Math.min(TAIL, index.bytes) || (index.bytes > 0 && head.at(-1) !== 0x0a)) return null;
  if (tailOf(book, index.bytes) !== index.tail) return null;
  const latest = new Map<string, Checkpoint>();
  for (const c of index.latest) if (typeof c?.stream === 'string' && typeof c.seq === 'number') latest.set(c.stream, c);
  return { bytes: index.bytes, latest };
}

/** Written whole to a temporary file, then renamed over the index: a kill leaves the old one or the new one. */
export function writeCheckpointIndex(indexFile: string, book: string, bytes: number, latest: Iterable<Checkpoint>) {
  const index: IndexFile = { bytes, tail: existsSync(book) ? tailOf(book, bytes) : sha256(''), latest: [...latest] };
  writeFileSync(`${indexFile}.tmp`, JSON.stringify(index));
  renameSync(`${indexFile}.tmp`, indexFile);
}
