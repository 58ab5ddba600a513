import { createHash } from 'node:crypto';
import type { CommandKeyLink, StoredRow } from './event-log.ts';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The row content that the chain covers: every stored column except the hashes themselves. */
export type HashedRow = Omit<StoredRow, 'prevHash' | 'hash'>;

/**
 * hash = sha256(prev_hash + canonical row). The event JSON is hashed as stored (text), so key
 * order is fixed. Each stream's chain starts from GENESIS_HASH.
 *
 * The last row of a command sent with an idempotency key also covers that key and its payload
 * hash (the `command_keys` row linked to it by seq): editing, moving or deleting the key breaks
 * the chain at that row. A row without a key is hashed as before keys were chained, so rows
 * written by earlier versions keep their hashes.
 */
export function rowHash(prevHash: string, r: HashedRow): string {
  const columns: unknown[] = [r.stream, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json];
  if (r.commandKey) columns.push(r.commandKey.key, r.commandKey.payloadHash);
  return sha256(prevHash + JSON.stringify(columns));
}

/** The rows of one entry, chained after `head`: what every store writes. Its key (if any) goes with its last row. */
export function chainRows(
  stream: string, head: { seq: number; hash: string }, events: { type: string; at: string }[], actor: { role: string; participantId: string | null },
  commandKey: CommandKeyLink | null = null,
): StoredRow[] {
  let { seq, hash: prevHash } = head;
  return events.map((event, i) => {
    seq += 1;
    const row: HashedRow = { stream, seq, at: event.at, actorRole: actor.role, actorParticipant: actor.participantId, type: event.type, json: JSON.stringify(event) };
    if (commandKey && i === events.length - 1) row.commandKey = commandKey;
    const hash = rowHash(prevHash, row);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}
