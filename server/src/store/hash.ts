import { createHash } from 'node:crypto';
import type { StoredRow } from './event-log.ts';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The row content that the chain covers: every stored column except the hashes themselves. */
export type HashedRow = Omit<StoredRow, 'prevHash' | 'hash'>;

/**
 * hash = sha256(prev_hash + canonical row). The event JSON is hashed as stored (text), so key
 * order is fixed. Each stream's chain starts from GENESIS_HASH.
 */
export function rowHash(prevHash: string, r: HashedRow): string {
  const canonical = JSON.stringify([r.stream, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json]);
  return sha256(prevHash + canonical);
}

/** The rows of one entry, chained after `head`: what every store writes. */
export function chainRows(
  stream: string, head: { seq: number; hash: string }, events: { type: string; at: string }[], actor: { role: string; participantId: string | null },
): StoredRow[] {
  let { seq, hash: prevHash } = head;
  return events.map((event) => {
    seq += 1;
    const row: HashedRow = { stream, seq, at: event.at, actorRole: actor.role, actorParticipant: actor.participantId, type: event.type, json: JSON.stringify(event) };
    const hash = rowHash(prevHash, row);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}
