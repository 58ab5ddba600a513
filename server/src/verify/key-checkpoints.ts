import type { AppendEntry, EventLog } from '../store/event-log.ts';
import type { CheckpointBook } from './checkpoints.ts';

/**
 * The event log, with the key of every command that appended nothing signed into the checkpoints
 * after its commit. A key of a command with events is covered by its last row's hash; such a key
 * has no row, so its payload hash and stored answer are signed instead: deleting or editing it
 * (a retry would then be decided again, or answered with a forged receipt) is found at start and by
 * `npm run verify`. Refused commands store no key at all.
 */
export function signingNoOpKeys(log: EventLog, book: CheckpointBook): EventLog {
  return {
    async append(stream: string, expectedSeq: number, entries: AppendEntry[]) {
      // The answer stored with each key is built inside the store's transaction: keep the last one built.
      const answers = new Map<number, string>();
      const watched = entries.map((entry, i): AppendEntry => {
        const idem = entry.idempotency;
        if (!idem || entry.events.length > 0) return entry;
        return { ...entry, idempotency: { ...idem, respond: (rows) => { const json = idem.respond(rows); answers.set(i, json); return json; } } };
      });
      const stored = await log.append(stream, expectedSeq, watched);
      let seq = expectedSeq;
      stored.forEach((rows, i) => {
        seq = rows.at(-1)?.seq ?? seq;
        const answer = answers.get(i);
        const idem = entries[i]!.idempotency;
        if (answer !== undefined && idem) book.recordKey(stream, idem.key, seq, { payloadHash: idem.payloadHash, responseJson: answer });
      });
      return stored;
    },
    read: (stream, afterSeq) => log.read(stream, afterSeq),
    head: (stream) => log.head(stream),
    streams: (prefix) => log.streams(prefix),
    findIdempotency: (stream, key) => log.findIdempotency(stream, key),
    saveSnapshot: (stream, snapshot) => log.saveSnapshot(stream, snapshot),
    latestSnapshot: (stream) => log.latestSnapshot(stream),
    discardSnapshot: (stream, seq) => log.discardSnapshot(stream, seq),
  };
}
