import { appendFileSync, closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * A file of signed statements about streams (checkpoints, snapshot seals), one JSON line each,
 * appended over time: the statement with the highest seq per stream. Lines that do not parse (a
 * write cut off by a crash) are passed over; the signature is checked where a statement is used.
 */
export function latestPerStream<T extends { stream: string; seq: number }>(file: string): Map<string, T> {
  const latest = new Map<string, T>();
  if (!existsSync(file)) return latest;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let s: T;
    try { s = JSON.parse(line) as T; } catch { continue; }
    if (typeof s?.stream !== 'string' || typeof s.seq !== 'number') continue;
    const known = latest.get(s.stream);
    if (!known || s.seq >= known.seq) latest.set(s.stream, s);
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

  constructor(private readonly file: string) {
    this.midLine = endsMidLine(file);
  }

  append(statement: object) {
    appendFileSync(this.file, `${this.midLine ? '\n' : ''}${JSON.stringify(statement)}\n`);
    this.midLine = false;
  }
}

function endsMidLine(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}
