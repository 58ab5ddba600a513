import type { StoredRow } from './event-log.ts';

/** An events row as the databases return it (snake_case columns). */
export interface EventColumns {
  stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null;
  type: string; json: string; prev_hash: string; hash: string;
}

export const storedRowOf = (r: EventColumns): StoredRow => ({
  stream: r.stream, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant,
  type: r.type, json: r.json, prevHash: r.prev_hash, hash: r.hash,
});
