import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/** The bytes of `file` from `start` to `end` (its end when omitted). */
export function readBytes(file: string, start: number, end?: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stop = end ?? fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, stop - start));
    let done = 0;
    while (done < buf.length) {
      const n = readSync(fd, buf, done, buf.length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file of signed statements about streams (checkpoints, snapshot seals), one JSON line each,
 * appended over time: the statement with the highest seq per stream. Lines that do not parse (a
 * write cut off by a crash) are passed over; the signature is checked where a statement is used.
 * `known`: the statements of the file's first `bytes` (an index), so only the rest is read.
 */
export function latestPerStream<T extends { stream: string; seq: number }>(file: string, known?: { bytes: number; latest: Map<string, T> }): Map<string, T> {
  const latest = new Map<string, T>(known?.latest ?? []);
  if (!existsSync(file)) return latest;
  const text = known ? readBytes(file, known.bytes).toString('utf8') : readFileSync(file, 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let s: T;
    try { s = JSON.parse(line) as T; } catch { continue; }
    if (typeof s?.stream !== 'string' || typeof s.seq !== 'number') continue;
    const had = latest.get(s.stream);
    if (!had || s.seq >= had.seq) latest.set(s.stream, s);
  }
  return latest;
}

/**
 * Appends statements as JSON lines. A process killed in the middle of an append leaves a line cut
 * off; the first append of the next process starts a new line, so its statement is not glued onto
 * the broken one (and lost with it).
 */
export class SignedLines {
  private midLine: boolean;
  /** The file's size, as this process wrote it. */
  bytes: number;

  constructor(private readonly file: string) {
    this.midLine = endsMidLine(file);
    this.bytes = existsSync(file) ? sizeOf(file) : 0;
  }

  append(statement: object) {
    const text = `${this.midLine ? '\n' : ''}${JSON.stringify(statement)}\n`;
    appendFileSync(this.file, text);
    this.bytes += Buffer.byteLength(text);
    this.midLine = false;
  }
}

function sizeOf(file: string): number {
  const fd = openSync(file, 'r');
  try { return fstatSync(fd).size; } finally { closeSync(fd); }
}

function endsMidLine(file: string): boolean {
  if (!existsSync(file)) return false;
  const size = sizeOf(file);
  return size > 0 && readBytes(file, size - 1, size)[0] !== 0x0a;
}
