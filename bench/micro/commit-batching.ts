import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingEvent } from '@plenum/shared';
import { SqliteEventStore } from '../../server/src/store/sqlite-store.ts';

/**
 * Evidence for group commit: the real SqliteEventStore.append (events + hash chain + idempotency
 * row, WAL, synchronous=FULL), one command per transaction vs. `batch` commands per transaction
 * (nested better-sqlite3 transactions become savepoints: one fsync for the batch).
 * `node --import tsx bench/micro/commit-batching.ts [seconds]`
 */
const seconds = Number(process.argv[2] ?? 2);
const lands = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

function voteCast(i: number): MeetingEvent {
  const land = lands[i % 16]!;
  return {
    type: 'VoteCast', at: new Date().toISOString(), by: { role: 'delegate', participantId: `p-${land}-member` },
    voteId: 'v-bench', land, choice: i % 2 ? 'no' : 'yes', castBy: land, participantId: `p-${land}-member`, conflict: false,
  } as MeetingEvent;
}

async function run(batch: number) {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-commit-'));
  const store = new SqliteEventStore(join(dir, 'plenum.sqlite'));
  await store.createMeeting('m', new Date().toISOString());
  let seq = 0;
  // append's transaction runs synchronously inside the call, so seq advances right after it.
  const one = (i: number) => {
    const p = store.append('m', seq, [voteCast(i)], { actorRole: 'delegate', actorParticipant: 'p' }, {
      key: `k-${i}-xxxxxxxx`, payloadHash: 'h'.repeat(64), respond: (env) => JSON.stringify({ seq: env.at(-1)!.seq, events: env, duplicate: false }),
    });
    seq += 1;
    return p;
  };
  const group = store.db.transaction((from: number) => { for (let k = 0; k < batch; k++) void one(from + k); });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    if (batch === 1) await one(n); else { group(n); await Promise.resolve(); }
    n += batch;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const perSecond = Math.round(n / (wall / 1000));
  const us = (v: number) => Math.round(v / n);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return `${perSecond} commands/s; per command: wall ${Math.round((wall * 1000) / n)} µs, user ${us(cpu.user)} µs, system ${us(cpu.system)} µs`;
}

for (const batch of [1, 4, 16]) console.log(`batch ${batch}: ${await run(batch)}`);
