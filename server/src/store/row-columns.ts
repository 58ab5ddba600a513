import type { StoredRow } from './event-log.ts';

/** An events row as the databases return it (snake_case columns). */
export interface EventColumns {
  stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null;
  type: string; json: string; prev_hash: string; hash: string;
  /** The command key linked to this row (LEFT JOIN command_keys ON stream and seq), null when none. */
  ck_key?: string | null; ck_payload_hash?: string | null;
}

/** The events of a stream with the command key chained to each row: what both stores read. */
export const READ_COLUMNS = 'e.stream, e.seq, e.at, e.actor_role, e.actor_participant, e.type, e.json, e.prev_hash, e.hash, k.key AS ck_key, k.payload_hash AS ck_payload_hash';
export const READ_FROM = 'events e LEFT JOIN command_keys k ON k.stream = e.stream AND k.seq = e.seq';

export function storedRowOf(r: EventColumns): StoredRow {
  const row: StoredRow = {
    stream: r.stream, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant,
    type: r.type, json: r.json, prevHash: r.prev_hash, hash: r.hash,
  };
  if (r.ck_key != null && r.ck_payload_hash != null) row.commandKey = { key: r.ck_key, payloadHash: r.ck_payload_hash };
  return row;
}
