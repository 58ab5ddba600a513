import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ClockBackwards, ExpectedVersionConflict, IdempotencyKeyTaken, type AppendEntry, type EventLog, type StoredRow,
} from '../../src/store/event-log.ts';
import { GENESIS_HASH, rowHash } from '../../src/store/hash.ts';

/** A store under test and how to dispose of it. */
export interface StoreUnderTest {
  log: EventLog;
  close(): Promise<void>;
}

const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, i)).toISOString();
const event = (i: number, extra: Record<string, unknown> = {}) => ({ type: 'Noted', at: at(i), n: i, ...extra });
const actor = { role: 'delegate', participantId: 'p-BY-member' };
const entry = (events: { type: string; at: string }[], key: string | null = null): AppendEntry => ({
  events, actor,
  idempotency: key ? { key, payloadHash: `hash-of-${key}`, respond: (rows) => JSON.stringify({ seqs: rows.map((r) => r.seq) }) } : null,
});

/** The chain of a stream is intact: seqs 1..n, each prev_hash the hash before, each hash over its row. */
function expectChain(rows: StoredRow[]) {
  let prev = GENESIS_HASH;
  rows.forEach((r, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prevHash).toBe(prev);
    expect(r.hash).toBe(rowHash(prev, r));
    prev = r.hash;
  });
}

/**
 * The storage contract every EventLog implementation must pass (SQLite, PostgreSQL): run by each
 * store's test file with a factory that gives a fresh, empty store.
 */
export function runEventLogContract(name: string, makeStore: () => Promise<StoreUnderTest>) {
  describe(`EventLog contract: ${name}`, () => {
    let store: StoreUnderTest;
    let log: EventLog;
    beforeEach(async () => { store = await makeStore(); log = store.log; });
    afterEach(async () => { await store.close(); });

    it('an empty stream has seq 0 and the genesis hash, and reads nothing', async () => {
      expect(await log.head('m-empty')).toEqual({ seq: 0, hash: GENESIS_HASH });
      expect(await log.read('m-empty', 0)).toEqual([]);
      expect(await log.streams()).toEqual([]);
    });

    it('ordering: a batch appends its entries in order with contiguous seqs; read returns them in seq order from any seq', async () => {
      const rows = await log.append('m1', 0, [entry([event(1), event(2)]), entry([]), entry([event(3)])]);
      expect(rows.map((r) => r.map((x) => x.seq))).toEqual([[1, 2], [], [3]]);
      await log.append('m1', 3, [entry([event(4)])]);
      expect((await log.read('m1', 0)).map((r) => [r.seq, JSON.parse(r.json).n])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
      expect((await log.read('m1', 2)).map((r) => r.seq)).toEqual([3, 4]);
      expect((await log.read('m1', 4))).toEqual([]);
      const head = await log.head('m1');
      expect(head.seq).toBe(4);
      expect(head.hash).toBe((await log.read('m1', 3))[0]!.hash);
    });

    it('rows keep what was written: type, time, actor columns and the event JSON as text', async () => {
      const [[row]] = await log.append('m1', 0, [entry([event(1, { text: 'Ä "quoted" \u2028' })])]);
      expect(row).toMatchObject({ stream: 'm1', seq: 1, type: 'Noted', at: at(1), actorRole: 'delegate', actorParticipant: 'p-BY-member' });
      const [read] = await log.read('m1', 0);
      expect(read).toEqual(row);
      expect(JSON.parse(read!.json)).toEqual(event(1, { text: 'Ä "quoted" \u2028' }));
    });

    it('streams are independent: seqs and chains per stream; streams() lists by prefix', async () => {
      await log.append('m1', 0, [entry([event(1)])]);
      await log.append('circular:c1', 0, [entry([event(1), event(2)])]);
      await log.append('circular:c2', 0, [entry([event(1)])]);
      expect(await log.streams()).toEqual(['circular:c1', 'circular:c2', 'm1']);
      expect(await log.streams('circular:')).toEqual(['circular:c1', 'circular:c2']);
      expect(await log.streams('protocol:')).toEqual([]);
      expect((await log.head('circular:c1')).seq).toBe(2);
      expect((await log.read('m1', 0))[0]!.prevHash).toBe(GENESIS_HASH);
    });

    it('optimistic concurrency: an append at a stale expected seq is refused with ExpectedVersionConflict and writes nothing', async () => {
      await log.append('m1', 0, [entry([event(1)], 'k-1')]);
      const stale = log.append('m1', 0, [entry([event(2)], 'k-2')]);
      await expect(stale).rejects.toBeInstanceOf(ExpectedVersionConflict);
      await expect(stale).rejects.toMatchObject({ stream: 'm1', expected: 0, actual: 1 });
      await expect(log.append('m1', 5, [entry([event(2)])])).rejects.toBeInstanceOf(ExpectedVersionConflict);
      expect((await log.read('m1', 0)).map((r) => r.seq)).toEqual([1]);
      expect(await log.findIdempotency('m1', 'k-2')).toBeNull();
    });

    it('F12: event times only go forward: an event earlier than the stream\'s last (stored or in the batch) → ClockBackwards, nothing written', async () => {
      await log.append('m1', 0, [entry([event(5)], 'k-1')]);
      const back = log.append('m1', 1, [entry([event(6)], 'k-2'), entry([event(3)], 'k-3')]);
      await expect(back).rejects.toBeInstanceOf(ClockBackwards);
      await expect(back).rejects.toMatchObject({ stream: 'm1', seq: 3, lastAt: at(6), at: at(3) });
      await expect(log.append('m1', 1, [entry([event(4)])])).rejects.toBeInstanceOf(ClockBackwards);
      expect((await log.read('m1', 0)).map((r) => r.seq)).toEqual([1]);
      expect(await log.findIdempotency('m1', 'k-2')).toBeNull();
      // The same time is not backwards; other streams have their own times.
      await log.append('m1', 1, [entry([event(5)])]);
      await log.append('m2', 0, [entry([event(1)])]);
      expectChain(await log.read('m1', 0));
    });

    it('concurrent writers at the same expected seq: exactly one wins, the others get ExpectedVersionConflict', async () => {
      await log.append('m1', 0, [entry([event(1)])]);
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => log.append('m1', 1, [entry([event(10 + i)], `k-${i}`)])));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const r of lost) expect(r.reason).toBeInstanceOf(ExpectedVersionConflict);
      const rows = await log.read('m1', 0);
      expect(rows).toHaveLength(2);
      expectChain(rows);
    });

    it('idempotency: the key is stored with the events and its answer built from the stored rows; a second use is refused whole', async () => {
      await log.append('m1', 0, [entry([event(1), event(2)], 'k-a')]);
      expect(await log.findIdempotency('m1', 'k-a')).toEqual({ key: 'k-a', payloadHash: 'hash-of-k-a', responseJson: JSON.stringify({ seqs: [1, 2] }) });
      // Keys are per stream: the same key on another stream is another command.
      await log.append('m2', 0, [entry([event(1)], 'k-a')]);
      expect(await log.findIdempotency('m3', 'k-a')).toBeNull();
      await expect(log.append('m1', 2, [entry([event(3)], 'k-b'), entry([event(4)], 'k-a')])).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect((await log.head('m1')).seq).toBe(2);
      expect(await log.findIdempotency('m1', 'k-b')).toBeNull();
      // A key with no events is stored too (a command that changed nothing keeps its answer).
      await log.append('m1', 2, [entry([], 'k-c')]);
      expect(await log.findIdempotency('m1', 'k-c')).toMatchObject({ responseJson: JSON.stringify({ seqs: [] }) });
    });

    it('F4: a key is chained: the last row of its command carries key and payload hash, and its hash covers them', async () => {
      const [[first, last], [plain]] = await log.append('m1', 0, [entry([event(1), event(2)], 'k-a'), entry([event(3)])]);
      expect(first!.commandKey).toBeUndefined();
      expect(last!.commandKey).toEqual({ key: 'k-a', payloadHash: 'hash-of-k-a' });
      expect(plain!.commandKey).toBeUndefined();
      const read = await log.read('m1', 0);
      expect(read).toEqual([first, last, plain]);
      expectChain(read);
      // The same row without its key (or with another payload hash) no longer matches its hash.
      const { commandKey: _dropped, ...without } = last!;
      expect(rowHash(first!.hash, without)).not.toBe(last!.hash);
      expect(rowHash(first!.hash, { ...last!, commandKey: { key: 'k-a', payloadHash: 'forged' } })).not.toBe(last!.hash);
      // A key of a command without events has no row to chain to; it is stored all the same.
      const [[]] = await log.append('m1', 3, [entry([], 'k-none')]);
      expect(await log.findIdempotency('m1', 'k-none')).not.toBeNull();
      expectChain(await log.read('m1', 0));
    });

    it('idempotency under concurrency: the same key sent to several writers at once is stored once, with one set of events', async () => {
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => log.append('m1', 0, [entry([event(1)], 'k-same')])));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await log.read('m1', 0))).toHaveLength(1);
      expect(await log.findIdempotency('m1', 'k-same')).not.toBeNull();
    });

    it('crash atomicity: a batch that fails part-way (an answer that throws) writes nothing, not even its first entries', async () => {
      await log.append('m1', 0, [entry([event(1)])]);
      const failing: AppendEntry = { events: [event(3)], actor, idempotency: { key: 'k-x', payloadHash: 'h', respond: () => { throw new Error('disk trouble'); } } };
      await expect(log.append('m1', 1, [entry([event(2)], 'k-ok'), failing])).rejects.toThrow('disk trouble');
      expect((await log.read('m1', 0)).map((r) => r.seq)).toEqual([1]);
      expect(await log.findIdempotency('m1', 'k-ok')).toBeNull();
      // The stream continues at the same place.
      await log.append('m1', 1, [entry([event(2)], 'k-ok')]);
      expectChain(await log.read('m1', 0));
    });

    it('appends to several streams at once each stand or fall alone: a conflict or a failing entry in one undoes only that one', async () => {
      await log.append('m2', 0, [entry([event(1)])]);
      const failing: AppendEntry = { events: [event(5)], actor, idempotency: { key: 'k-x', payloadHash: 'h', respond: () => { throw new Error('disk trouble'); } } };
      const results = await Promise.allSettled([
        log.append('m1', 0, [entry([event(1)], 'k-1')]),
        log.append('m2', 0, [entry([event(2)])]), // stale: m2 is at 1
        log.append('m3', 0, [entry([event(3)]), failing]),
        log.append('m4', 0, [entry([event(4)], 'k-4')]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ExpectedVersionConflict);
      expect((results[2] as PromiseRejectedResult).reason).toHaveProperty('message', 'disk trouble');
      expect((await log.read('m1', 0)).map((r) => r.seq)).toEqual([1]);
      expect((await log.read('m2', 0)).map((r) => JSON.parse(r.json).n)).toEqual([1]);
      expect(await log.read('m3', 0)).toEqual([]);
      expect(await log.findIdempotency('m3', 'k-x')).toBeNull();
      expect(await log.findIdempotency('m4', 'k-4')).not.toBeNull();
      expectChain(await log.read('m4', 0));
    });

    it('chain continuity: across many appends and batches, each row links to the one before', async () => {
      let seq = 0;
      for (let b = 0; b < 10; b++) {
        const rows = await log.append('m1', seq, Array.from({ length: b % 3 + 1 }, (_, i) => entry([event(seq + i + 1)])));
        seq = rows.flat().at(-1)!.seq;
      }
      const rows = await log.read('m1', 0);
      expect(rows.length).toBe(seq);
      expectChain(rows);
      expect((await log.head('m1')).hash).toBe(rows.at(-1)!.hash);
    });

    it('snapshots: saved with their versions, the highest seq kept, per stream', async () => {
      expect(await log.latestSnapshot('m1')).toBeNull();
      await log.saveSnapshot('m1', { seq: 500, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":500}' });
      await log.saveSnapshot('m1', { seq: 400, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":400}' });
      expect(await log.latestSnapshot('m1')).toEqual({ seq: 500, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":500}' });
      await log.saveSnapshot('m1', { seq: 1000, stateVersion: 4, schemaVersion: 1, stateJson: '{"seq":1000}' });
      expect(await log.latestSnapshot('m1')).toMatchObject({ seq: 1000, stateVersion: 4 });
      expect(await log.latestSnapshot('m2')).toBeNull();
    });

    it('F4: discardSnapshot removes the snapshot it names, never a newer one written meanwhile', async () => {
      await log.saveSnapshot('m1', { seq: 500, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":500}' });
      await log.saveSnapshot('m2', { seq: 500, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":500}' });
      await log.discardSnapshot('m1', 400);
      expect(await log.latestSnapshot('m1')).toMatchObject({ seq: 500 });
      await log.discardSnapshot('m1', 500);
      expect(await log.latestSnapshot('m1')).toBeNull();
      expect(await log.latestSnapshot('m2')).toMatchObject({ seq: 500 });
      // A snapshot can be written again after a discard.
      await log.saveSnapshot('m1', { seq: 500, stateVersion: 3, schemaVersion: 1, stateJson: '{"seq":500}' });
      expect(await log.latestSnapshot('m1')).toMatchObject({ seq: 500 });
    });
  });
}
