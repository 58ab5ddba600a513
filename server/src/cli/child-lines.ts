import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Call `onLine` for each line a child process writes to `stream` (its stdout), without the line
 * end. node:readline keeps the partial line between chunks and gives the last line without a
 * newline too, when the stream ends.
 */
export function onChildLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}
