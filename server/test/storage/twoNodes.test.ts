import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMK_PROFILE } from '@plenum/shared';
import { createLogger } from '../../src/log.ts';
import { StreamRuntime } from '../../src/pipeline/stream-runtime.ts';
import { counter, type AddedEvent, type Answer, type Tally } from './counter-kind.ts';
import { openPostgresStores } from '../../src/store/postgres-store.ts';
import type { Stores } from '../../src/store/stores.ts';
import { createTestDatabase, dropTestDatabase, postgresAvailability } from './postgres-database.ts';

/**
 * Equal nodes: two stream runtimes (two processes' worth: each its own connection pool and its own
 * state) append to the same PostgreSQL stream. Every append carries the expected seq; the loser of
 * a race catches up from the log, decides again and retries. A minimal counting stream keeps the
 * assertion exact: every command counted once, whichever node took it, and a key resent to the
 * other node answered with the first answer.
 */
const availability = await postgresAvailability();
if (availability.kind === 'fail') {
  describe('two nodes on one PostgreSQL database', () => {
    it('needs PostgreSQL in CI', () => { throw new Error(availability.message); });
  });
}

describe.skipIf(availability.kind !== 'found')('two nodes on one PostgreSQL database: expected seq, catch up, decide again', () => {
  let db: { name: string; url: string };
  const nodes: Stores[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 0; i < 2; i++) nodes.push(await openPostgresStores(db.url, { max: 4 }));
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    if (db) await dropTestDatabase(db.name);
  });
  const logger = createLogger('silent');
  const load = (node: Stores) => StreamRuntime.load(counter, 'c1', node.events, DMK_PROFILE, logger);
  const add = (rt: StreamRuntime<Tally, AddedEvent, object, Answer>, key: string, by: string, n: number) =>
    rt.execute({ key, command: { by, n }, actor: { role: 'delegate', participantId: by }, context: {} });

  it('60 concurrent commands spread over both nodes are each counted once, in one unbroken chain', async () => {
    const [a, b] = [await load(nodes[0]!), await load(nodes[1]!)];
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => add(i % 2 === 0 ? a : b, `k-${i}`, `p-${i % 2 === 0 ? 'a' : 'b'}`, i + 1)));
    for (const o of outcomes) expect(o.ack).toMatchObject({ data: { duplicate: false } });
    // Each command got its own seq: no two answers name the same one.
    expect(new Set(outcomes.map((o) => (o.ack as { data: Answer }).data.seq)).size).toBe(60);
    const rows = await nodes[0]!.events.read('counter:c1', 0);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const [i, r] of rows.entries()) expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash);
    const fresh = await load(nodes[1]!);
    expect(fresh.current).toEqual({ total: (60 * 61) / 2, count: 60, by: { 'p-a': 30, 'p-b': 30 } });
  });

  it('a key resent to the other node, also at the same moment, counts once and gets the first answer', async () => {
    const [a, b] = [await load(nodes[0]!), await load(nodes[1]!)];
    const seqBefore = a.seq;
    const first = await add(a, 'resend-1', 'p-a', 1000);
    const resent = await add(b, 'resend-1', 'p-a', 1000);
    expect(resent.ack).toEqual({ data: { ...(first.ack as { data: Answer }).data, duplicate: true } });
    // The same key to both nodes at once: one of them appends, the other answers the repeat.
    const both = await Promise.all([add(a, 'resend-2', 'p-b', 7), add(b, 'resend-2', 'p-b', 7), add(a, 'resend-2', 'p-b', 7)]);
    expect(both.filter((o) => (o.ack as { data: Answer }).data.duplicate === false)).toHaveLength(1);
    expect(new Set(both.map((o) => (o.ack as { data: Answer }).data.seq)).size).toBe(1);
    // Another actor reusing the key is refused, not answered with someone else's result.
    expect((await add(b, 'resend-2', 'p-a', 7)).ack).toEqual({ error: { code: 'idempotency.keyReused' } });
    expect((await nodes[1]!.events.head('counter:c1')).seq).toBe(seqBefore + 2);
  });
  it('a command refused on a node that has not seen the other node\'s commit is decided again on the newest log: accepted', async () => {
    const [a, b] = [await load(nodes[0]!), await load(nodes[1]!)];
    const total = b.current.total;
    // Node A commits; node B has not heard of it (no fan-out between these two runtimes).
    await add(a, 'raise-1', 'p-a', 50);
    const stale = await b.execute({ key: 'needs-50', command: { by: 'p-b', n: 1, atLeast: total + 50 }, actor: { role: 'delegate', participantId: 'p-b' }, context: {} });
    expect(stale.ack).toMatchObject({ data: { duplicate: false, total: total + 51 } });
    // A refusal that holds on the newest log stays a refusal.
    const refused = await b.execute({ key: 'needs-more', command: { by: 'p-b', n: 1, atLeast: total + 1000 }, actor: { role: 'delegate', participantId: 'p-b' }, context: {} });
    expect(refused.ack).toMatchObject({ error: { code: 'counter.tooLow' } });
  });
});
