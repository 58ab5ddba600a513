import type { StoredRow } from '../store/event-log.ts';
import type { z } from 'zod';
import type { Envelope } from './stream-kind.ts';

/** A row read from disk that is not a valid event of its stream: named by stream and seq. */
export class CorruptEventError extends Error {
  constructor(readonly stream: string, readonly seq: number, reason: string) {
    super(`stream ${stream}, seq ${seq}: ${reason}`);
    this.name = 'CorruptEventError';
  }
}

/** Events from disk are parsed with the stream's event schema, never cast. */
export function envelopeOf<E>(kind: { name: string; eventSchema: z.ZodType<E> }, row: StoredRow): Envelope<E> {
  let value: unknown;
  try {
    value = JSON.parse(row.json);
  } catch {
    throw new CorruptEventError(row.stream, row.seq, 'event json does not parse');
  }
  const parsed = kind.eventSchema.safeParse(value);
  if (!parsed.success) throw new CorruptEventError(row.stream, row.seq, `event does not match the ${kind.name} event schema`);
  return { seq: row.seq, at: row.at, hash: row.hash, event: parsed.data };
}
