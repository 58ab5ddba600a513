import { existsSync, readFileSync } from 'node:fs';

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
