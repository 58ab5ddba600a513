import type Database from 'better-sqlite3';
import { GENESIS_HASH, rowHash } from '../store/hash.ts';

/** The columns of a between_events row that its hash covers (all but the hashes themselves). */
export interface BetweenHashedRow {
  stream: string; seq: number; at: string; actorRole: string; actorParticipant: string | null; type: string; json: string;
}

/**
 * The meeting log's chain, reused per between-sessions stream: the stream name stands where the
 * meeting id stands in a meeting row, and each stream starts from GENESIS_HASH.
 */
export const betweenRowHash = (prevHash: string, r: BetweenHashedRow): string =>
  rowHash(prevHash, { meetingId: r.stream, seq: r.seq, at: r.at, actorRole: r.actorRole, actorParticipant: r.actorParticipant, type: r.type, json: r.json });

interface StoredRow {
  stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null; type: string; json: string;
}

/**
 * Databases from builds before the between-sessions chain have no prev_hash/hash columns. Add
 * them and chain the rows already there (per stream, in seq order), in one transaction, so the
 * migration happens once and whole. Returns the number of rows hashed (0 when nothing to do).
 */
export function migrateBetweenChain(db: Database.Database): number {
  const columns = new Set((db.prepare('PRAGMA table_info(between_events)').all() as { name: string }[]).map((c) => c.name));
  if (columns.has('prev_hash') && columns.has('hash')) return 0;
  return db.transaction(() => {
    // ADD COLUMN ... NOT NULL needs a default; '' is no valid hash, so a row left without one is caught by the verifier.
    if (!columns.has('prev_hash')) db.exec("ALTER TABLE between_events ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''");
    if (!columns.has('hash')) db.exec("ALTER TABLE between_events ADD COLUMN hash TEXT NOT NULL DEFAULT ''");
    const update = db.prepare('UPDATE between_events SET prev_hash = ?, hash = ? WHERE stream = ? AND seq = ?');
    const rows = db.prepare('SELECT stream, seq, at, actor_role, actor_participant, type, json FROM between_events ORDER BY stream, seq').all() as StoredRow[];
    let stream: string | null = null;
    let prevHash = GENESIS_HASH;
    for (const r of rows) {
      if (r.stream !== stream) { stream = r.stream; prevHash = GENESIS_HASH; }
      const hash = betweenRowHash(prevHash, { stream: r.stream, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant, type: r.type, json: r.json });
      update.run(prevHash, hash, r.stream, r.seq);
      prevHash = hash;
    }
    return rows.length;
  })();
}
