import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, CommandResult, EventOf } from '@plenum/shared';
import type { CommandOutcome, MeetingRuntime } from '../src/meeting/kind.ts';
import {
  closeAll, delegateLinks, landOf, linkFor, login, MEETING, Mirror, must, newKey, openAndCheckIn, send, startTestServer, waitFor,
  type Client, type TestServer,
  readMeeting,
} from './helpers.ts';

/**
 * Committed transactions, counted in the WAL file itself: every commit writes frames, the last
 * of which carries the database size (a commit frame); frames of the current WAL generation carry
 * the header's salts. Auto-checkpoints are off on the server's connection for these tests, so the
 * WAL only grows and the count is exact.
 */
function walCommits(dataDir: string): number {
  const buf = readFileSync(join(dataDir, 'plenum.sqlite-wal'));
  if (buf.length < 32) return 0;
  const pageSize = buf.readUInt32BE(8);
  const [salt1, salt2] = [buf.readUInt32BE(16), buf.readUInt32BE(20)];
  let commits = 0;
  for (let off = 32; off + 24 + pageSize <= buf.length; off += 24 + pageSize) {
    if (buf.readUInt32BE(off + 8) !== salt1 || buf.readUInt32BE(off + 12) !== salt2) break;
    if (buf.readUInt32BE(off + 4) !== 0) commits += 1;
  }
  return commits;
}

const delegate = (land: string): Actor => ({ role: 'delegate', participantId: `p-${land}-member` });
const chairActor: Actor = { role: 'chair', participantId: null };
const data = (o: CommandOutcome): CommandResult => {
  if ('error' in o.ack) throw new Error(`refused: ${JSON.stringify(o.ack.error)}`);
  return o.ack.data;
};

describe('group commit: commands that arrive together share one transaction', () => {
  let server: TestServer;
  let chair: Client;
  let delegates: Client[];
  let lands: string[];
  let runtime: MeetingRuntime;
  let mirror: Mirror;

  beforeAll(async () => {
    server = await startTestServer();
    server.sqliteDb!.pragma('wal_autocheckpoint = 0');
    chair = await login(server, linkFor(server.links, 'chair'));
    delegates = await Promise.all(delegateLinks(server.links).map((l) => login(server, l)));
    lands = delegateLinks(server.links).map(landOf);
    await openAndCheckIn(chair, delegates);
    runtime = (await server.registry.get(MEETING))!;
    mirror = new Mirror(chair);
    await mirror.join();
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    chairActor.participantId = linkFor(server.links, 'chair').participantId ?? null;
    voteId = (opened.events[0]!.event as EventOf<'VoteOpened'>).voteId;
  });
  afterAll(async () => {
    closeAll([chair, ...delegates]);
    await server.stop();
  });
  let voteId = '';

  it('the WAL counter sees one commit per single command (so the counts below mean something)', async () => {
    const before = walCommits(server.dataDir);
    await must(delegates[0]!, { type: 'castVote', voteId, land: lands[0]!, choice: 'yes' });
    await must(delegates[1]!, { type: 'castVote', voteId, land: lands[1]!, choice: 'no' });
    expect(walCommits(server.dataDir) - before).toBe(2);
  });

  it('R-VOT-2: 16 delegates\' votes in one tick → one transaction, each its own ack, events in arrival order, seq contiguous, one broadcast', async () => {
    const before = runtime.seq;
    const commits = walCommits(server.dataDir);
    const messagesBefore = mirror.received.length;
    const choices = ['yes', 'no', 'abstain'] as const;
    const outcomes = await Promise.all(lands.map((land, i) =>
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land, choice: choices[i % 3] }, actor: delegate(land), context: {} })));

    expect(walCommits(server.dataDir) - commits).toBe(1);
    outcomes.forEach((o, i) => {
      const d = data(o);
      expect(d.duplicate).toBe(false);
      expect(d.seq).toBe(before + i + 1);
      expect(d.events.map((e) => e.seq)).toEqual([before + i + 1]);
      expect(d.events[0]!.event).toMatchObject({ type: 'VoteCast', land: lands[i], choice: choices[i % 3] });
      expect(o.appended).toEqual(d.events);
    });
    const log = await readMeeting(server, before);
    expect(log.map((e) => e.seq)).toEqual(lands.map((_, i) => before + i + 1));
    expect(log.map((e) => (e.event as EventOf<'VoteCast'>).land)).toEqual(lands);
    // The envelopes acked are the stored ones (hash chain included).
    expect(log).toEqual(outcomes.flatMap((o) => data(o).events));
    expect(runtime.seq).toBe(before + 16);
    await waitFor(() => mirror.state.seq === before + 16, 'the chair to receive the batch');
    expect(mirror.received.slice(messagesBefore).map((e) => e.seq)).toEqual(lands.map((_, i) => before + i + 1));
    expect(mirror.state).toEqual(runtime.current);
  });

  it('R-MEM-2: idempotent repeats inside one batch append one event; the same key with another payload is refused', async () => {
    const before = runtime.seq;
    const commits = walCommits(server.dataDir);
    const key = newKey();
    const cast = { type: 'castVote', voteId, land: lands[2]!, choice: 'abstain' } as const;
    const outcomes = await Promise.all([
      runtime.execute({ key: key, command: cast, actor: delegate(lands[2]!), context: {} }),
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[3]!, choice: 'yes' }, actor: delegate(lands[3]!), context: {} }),
      runtime.execute({ key: key, command: cast, actor: delegate(lands[2]!), context: {} }),
      runtime.execute({ key: key, command: { ...cast, choice: 'no' }, actor: delegate(lands[2]!), context: {} }),
      runtime.execute({ key: key, command: cast, actor: delegate(lands[2]!), context: {} }),
    ]);

    expect(walCommits(server.dataDir) - commits).toBe(1);
    const [first, other, repeat1, reused, repeat2] = outcomes;
    expect(data(first!)).toMatchObject({ seq: before + 1, duplicate: false });
    expect(data(other!)).toMatchObject({ seq: before + 2, duplicate: false });
    for (const r of [repeat1!, repeat2!]) {
      expect(data(r)).toEqual({ ...data(first!), duplicate: true });
      expect(r.appended).toEqual([]);
    }
    expect(reused!.ack).toEqual({ error: { code: 'idempotency.keyReused' } });
    expect((await readMeeting(server, before)).map((e) => e.seq)).toEqual([before + 1, before + 2]);
    // A retry after the commit gets the stored answer.
    const later = await runtime.execute({ key: key, command: cast, actor: delegate(lands[2]!), context: {} });
    expect(data(later)).toEqual({ ...data(first!), duplicate: true });
  });

  it('R-VOT-5: a refused command in the middle of a batch refuses only itself; each command is decided against the state the previous one left', async () => {
    const before = runtime.seq;
    const commits = walCommits(server.dataDir);
    const outcomes = await Promise.all([
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[4]!, choice: 'yes' }, actor: delegate(lands[4]!), context: {} }),
      // A delegate voting for another Land: refused by the rules, nothing appended.
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[6]!, choice: 'yes' }, actor: delegate(lands[5]!), context: {} }),
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[5]!, choice: 'no' }, actor: delegate(lands[5]!), context: {} }),
      runtime.execute({ key: newKey(), command: { type: 'closeVote', voteId }, actor: chairActor, context: {} }),
      // Arrived after the close in the same batch: decided against the closed vote.
      runtime.execute({ key: newKey(), command: { type: 'castVote', voteId, land: lands[7]!, choice: 'yes' }, actor: delegate(lands[7]!), context: {} }),
    ]);

    expect(walCommits(server.dataDir) - commits).toBe(1);
    const [a, wrongLand, b, close, late] = outcomes;
    expect(data(a!).seq).toBe(before + 1);
    expect('error' in wrongLand!.ack).toBe(true);
    expect(wrongLand!.appended).toEqual([]);
    expect(data(b!).seq).toBe(before + 2);
    const closed = data(close!).events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(closed.choices[lands[4]!]).toBe('yes');
    expect(closed.choices[lands[5]!]).toBe('no');
    expect(late!.ack).toMatchObject({ error: { code: 'vote.closed' } });
    const log = await readMeeting(server, before);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => before + i + 1));
    expect(log.at(-1)!.seq).toBe(data(close!).seq);
    expect(runtime.seq).toBe(data(close!).seq);
  });

  it('a failing transaction refuses every command of its batch with internal.error, writes nothing, and the state is rebuilt from the log', async () => {
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } });
    const vote = (opened.events[0]!.event as EventOf<'VoteOpened'>).voteId;
    const before = runtime.seq;
    const stateBefore = runtime.current;
    // A real SQLite failure in the middle of the batch: the second command's insert aborts.
    server.sqliteDb!.exec(`CREATE TRIGGER fail_batch BEFORE INSERT ON events WHEN NEW.seq = ${before + 2} BEGIN SELECT RAISE(ABORT, 'test: disk trouble'); END`);
    const keys = [newKey(), newKey(), newKey()];
    const casts = [0, 1, 2].map((i) => ({ type: 'castVote', voteId: vote, land: lands[i]!, choice: 'yes' } as const));
    try {
      const outcomes = await Promise.all(casts.map((c, i) => runtime.execute({ key: keys[i]!, command: c, actor: delegate(lands[i]!), context: {} })));
      for (const o of outcomes) expect(o).toEqual({ ack: { error: { code: 'internal.error' } }, appended: [] });
      expect((await server.stores.events.head(MEETING)).seq).toBe(before);
      expect(runtime.seq).toBe(before);
      expect(runtime.current).toEqual(stateBefore);
    } finally {
      server.sqliteDb!.exec('DROP TRIGGER fail_batch');
    }
    // Nothing of the batch was kept, idempotency keys included: the retries are decided afresh.
    const retried = await Promise.all(casts.map((c, i) => runtime.execute({ key: keys[i]!, command: c, actor: delegate(lands[i]!), context: {} })));
    expect(retried.map((o) => [data(o).seq, data(o).duplicate])).toEqual([[before + 1, false], [before + 2, false], [before + 3, false]]);
    await must(chair, { type: 'closeVote', voteId: vote });
  });

  it('over the wire: 16 delegates sending at once all get their own ack; the chair sees every vote once, in seq order', async () => {
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-6', paragraph: null } });
    const vote = (opened.events[0]!.event as EventOf<'VoteOpened'>).voteId;
    const before = runtime.seq;
    const commits = walCommits(server.dataDir);
    const acks = await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId: vote, land: lands[i]!, choice: 'no' })));
    const seqs = acks.map((a) => ('data' in a ? a.data.seq : -1));
    expect([...seqs].sort((x, y) => x - y)).toEqual(lands.map((_, i) => before + i + 1));
    acks.forEach((a, i) => {
      if (!('data' in a)) throw new Error('refused');
      expect(a.data.events[0]!.event).toMatchObject({ type: 'VoteCast', land: lands[i] });
    });
    await waitFor(() => mirror.state.seq === before + 16, 'the chair to receive all votes');
    expect(mirror.state).toEqual(runtime.current);
    // How many transactions depends on how the 16 messages were read (one I/O phase or several).
    console.log(`16 votes over the wire: ${walCommits(server.dataDir) - commits} transaction(s)`);
  });
});
