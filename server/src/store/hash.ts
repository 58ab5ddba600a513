import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The row content that the chain covers: every stored column except the hashes themselves. */
export interface HashedRow {
  meetingId: string;
  seq: number;
  at: string;
  actorRole: string;
  actorParticipant: string | null;
  type: string;
  json: string;
}

/** hash = sha256(prev_hash + canonical row). The event JSON is hashed as stored (text), so key order is fixed. */
export function rowHash(prevHash: string, r: HashedRow): string {
  const canonical = JSON.stringify([r.meetingId, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json]);
  return sha256(prevHash + canonical);
}
