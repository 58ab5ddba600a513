import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '../store/hash.ts';
import { betweenRowHash } from '../between/chain.ts';
import { isStreamKind, STREAM_KINDS } from '../between/kinds.ts';

export interface BetweenFailure { log: 'between'; stream: string; seq: number; reason: string }
export interface BetweenCounts { betweenStreams: number; betweenEvents: number }

interface Row {
  stream: string; seq: number; at: string; actor_role: string; actor_participant: string | null;
  type: string; json: string; prev_hash?: string; hash?: string;
}

const columnsOf = (db: Database.Database, table: string) =>
  new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));

/**
 * Every between-sessions stream (circular procedures, protocol workflow, extraordinary requests,
 * follow-up, agenda records): seq continuity, the per-stream hash chain, and each event parsed
 * against its kind's schema. Counts what passed into `counts`; returns the first broken row.
 */
export function verifyBetweenStreams(db: Database.Database, counts: BetweenCounts): BetweenFailure | null {
  const columns = columnsOf(db, 'between_events');
  if (columns.size === 0) return null; // a log from before the between-sessions tables: nothing to check
  const chained = columns.has('prev_hash') && columns.has('hash');
  const streams = db.prepare('SELECT DISTINCT stream FROM between_events ORDER BY stream').all() as { stream: string }[];
  const rows = db.prepare('SELECT * FROM between_events WHERE stream = ? ORDER BY seq');
  for (const { stream } of streams) {
    counts.betweenStreams += 1;
    const kind = stream.slice(0, stream.indexOf(':'));
    const schema = isStreamKind(kind) ? STREAM_KINDS[kind].schema : null;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (const r of rows.iterate(stream) as Iterable<Row>) {
      const fail = (reason: string): BetweenFailure => ({ log: 'between', stream, seq: r.seq, reason });
      if (!chained) return fail('no hash columns (a log from an earlier build: start the server once to chain it)');
      if (r.seq !== expectedSeq) return fail(`seq ${r.seq} where ${expectedSeq} was expected`);
      if (r.prev_hash !== prevHash) return fail('prev_hash does not match the previous row');
      const hash = betweenRowHash(prevHash, {
        stream: r.stream, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant, type: r.type, json: r.json,
      });
      if (hash !== r.hash) return fail('hash does not match the row content');
      let event: { type?: unknown; at?: unknown; by?: { role?: unknown; participantId?: unknown } } | null;
      try { event = JSON.parse(r.json) as typeof event; } catch { return fail('event json does not parse'); }
      if (typeof event !== 'object' || event === null) return fail('event json is not an object');
      if (event.type !== r.type || event.at !== r.at) return fail('type or time column differs from the event');
      if (event.by?.role !== r.actor_role || (event.by?.participantId ?? null) !== r.actor_participant) return fail('actor columns differ from the event');
      if (schema && !schema.safeParse(event).success) return fail(`event does not match the ${kind} event schema`);
      counts.betweenEvents += 1;
      prevHash = r.hash!;
      expectedSeq += 1;
    }
  }
  return null;
}
