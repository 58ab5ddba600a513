import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MeetingEvent } from '@plenum/shared';
import type { AppendEntry } from '../../server/src/store/event-log.ts';
import { openSqliteStores } from '../../server/src/store/sqlite-store.ts';

/**
 * Evidence for group commit: the real SQLite EventLog.append (events + hash chain + idempotency
 * row, WAL, synchronous=FULL), one command per transaction vs. `batch` commands in one append
 * (one transaction, one fsync for the batch).
 * Then many streams at once (sessions on one node): each stream appends one command, waits for
 * its commit, appends the next; the log commits what all streams appended in one turn of the
 * loop together (one fsync), so the rate grows with the streams instead of staying at one fsync each.
 * Beside each rate: the event loop's delay p99 meanwhile (how long the loop was held, for instance by
 * an fsync on it; the log fsyncs on libuv's thread pool, so this stays near the CPU work).
 *
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

function loopDelay(h: ReturnType<typeof monitorEventLoopDelay>) {
  return `event-loop delay p50 ${(h.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(1)} ms`;
}

async function run(batch: number) {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-commit-'));
  const stores = openSqliteStores(join(dir, 'plenum.sqlite'));
  await stores.meetings.createMeeting('m', new Date().toISOString());
  const entry = (i: number): AppendEntry => ({
    events: [voteCast(i)], actor: { role: 'delegate', participantId: 'p' },
    idempotency: { key: `k-${i}-xxxxxxxx`, payloadHash: 'h'.repeat(64), respond: (rows) => JSON.stringify({ seq: rows.at(-1)!.seq, events: rows, duplicate: false }) },
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    await stores.events.append('m', n, Array.from({ length: batch }, (_, k) => entry(n + k)));
    n += batch;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  loop.disable();
  const perSecond = Math.round(n / (wall / 1000));
  const us = (v: number) => Math.round(v / n);
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
  return `${perSecond} commands/s; per command: wall ${Math.round((wall * 1000) / n)} µs, user ${us(cpu.user)} µs, system ${us(cpu.system)} µs; ${loopDelay(loop)}`;
}

async function runStreams(streams: number) {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-commit-'));
  const stores = openSqliteStores(join(dir, 'plenum.sqlite'));
  const entry = (i: number): AppendEntry => ({ events: [voteCast(i)], actor: { role: 'delegate', participantId: 'p' }, idempotency: null });
  let n = 0;
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: streams }, async (_, s) => {
    const stream = `m-${s}`;
    await stores.meetings.createMeeting(stream, new Date().toISOString());
    for (let seq = 0; performance.now() - t0 < seconds * 1000; seq++) {
      await stores.events.append(stream, seq, [entry(seq)]);
      n += 1;
    }
  }));
  const wall = performance.now() - t0;
  loop.disable();
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
  return `${Math.round(n / (wall / 1000))} commands/s; ${loopDelay(loop)}`;
}

for (const batch of [1, 4, 16]) console.log(`batch ${batch}: ${await run(batch)}`);
for (const streams of [1, 10, 50]) console.log(`${streams} streams at once, one command per append: ${await runStreams(streams)}`);
