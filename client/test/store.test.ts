import { describe, expect, it } from 'vitest';
import { DEMO_MEETING_ID, DMK_PROFILE, PROTOCOL_VERSION, initialState, type Command, type EventEnvelope } from '@plenum/shared';
import { applyEnvelopes } from '../src/store/apply.ts';
import { newIdempotencyKey } from '../src/store/key.ts';
import { connectMeeting, meetingStore, receiptKey, send, setSocketFactory } from '../src/store/index.ts';
import { FakeSocket } from './support/fakeSocket.ts';
import { ALL_LANDS, chair, demoMeeting, memberOf, type Meeting } from './support/meeting.ts';

const joinOk = (m: Meeting, from = 0) => ({
  data: {
    meetingId: DEMO_MEETING_ID, role: 'delegate', participantId: 'p-BE-member', profile: DMK_PROFILE,
    serverTime: '2024-04-19T10:00:00.000Z', catchUp: { kind: 'events', events: m.envelopes.slice(from) },
  },
});

/** A fake socket whose server answers joins from the meeting and keeps command acks for the test. */
function connected(m: Meeting) {
  const socket = new FakeSocket();
  socket.handlers['meeting:join'] = (req, ack) => ack(joinOk(m, req.lastSeq ?? 0));
  setSocketFactory(() => socket);
  connectMeeting(DEMO_MEETING_ID);
  socket.serverConnect();
  return socket;
}

const s = () => meetingStore.getState();

describe('idempotency keys', () => {
  it('are at least 8 characters of [A-Za-z0-9_-] and differ', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{8,80}$/);
  });
});

describe('applyEnvelopes', () => {
  it('applies in sequence order, ignores duplicates and stops at a gap', () => {
    const m = demoMeeting();
    const all = m.envelopes;
    const first = applyEnvelopes({ state: initialState(), seq: 0 }, [all[1], all[0], all[0]]);
    expect(first.seq).toBe(2);
    expect(first.applied.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.gap).toBe(false);
    const gap = applyEnvelopes(first, [all[3], all[4]]);
    expect(gap.gap).toBe(true);
    expect(gap.seq).toBe(2);
  });
});

describe('meeting store and socket', () => {
  it('joins with the protocol version and lastSeq, applies the catch-up and shows online', () => {
    const m = demoMeeting();
    const socket = connected(m);
    expect(socket.sent('meeting:join')[0].payload).toEqual({ protocol: PROTOCOL_VERSION, meetingId: DEMO_MEETING_ID, lastSeq: null });
    expect(s().connection).toBe('online');
    expect(s().seq).toBe(m.seq);
    expect(s().state.session?.title).toBe('1. Digitalministerkonferenz (DMK)');
    expect(s().lastUpdateAt).not.toBeNull();
  });

  it('a gap in the broadcast (seq ≠ lastSeq + 1) requests meeting:resync from the last applied seq', () => {
    const m = demoMeeting();
    const socket = connected(m);
    const before = m.seq;
    m.checkIn(['BE', 'BB', 'HH']);
    const missing = m.envelopes.slice(before);
    socket.handlers['meeting:resync'] = (req, ack) => ack({ data: { catchUp: { kind: 'events', events: m.envelopes.slice(req.lastSeq) }, serverTime: 'x' } });
    // The first of the new events is lost; the next one arrives.
    socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events: missing.slice(1), serverTime: 'x' });
    const resync = socket.sent('meeting:resync');
    expect(resync).toHaveLength(1);
    expect(resync[0].payload).toEqual({ meetingId: DEMO_MEETING_ID, lastSeq: before });
    expect(s().seq).toBe(m.seq);
    expect(s().state.participants['p-HH-member'].presence?.mode).toBe('room');
  });

  it('ignores duplicates: an event that came with the ack and again by broadcast is applied once', async () => {
    const m = demoMeeting();
    const socket = connected(m);
    let envelopes: EventEnvelope[] = [];
    socket.handlers['meeting:command'] = (req, ack) => {
      envelopes = m.run(req.command, memberOf('BE'));
      ack({ data: { seq: m.seq, events: envelopes, duplicate: false } });
    };
    await send({ type: 'checkIn', mode: 'remote' });
    const after = s().state;
    socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events: envelopes, serverTime: 'x' });
    expect(s().state).toBe(after);
    expect(s().seq).toBe(m.seq);
    expect(socket.sent('meeting:resync')).toHaveLength(0);
  });

  it('a command queued while offline is sent after the join; one unacknowledged at a drop is resent with the SAME key', async () => {
    const m = demoMeeting();
    const socket = connected(m);
    // First attempt: the server never answers, then the connection drops.
    const result = send({ type: 'checkIn', mode: 'room' });
    expect(s().pending).toHaveLength(1);
    const firstKey = socket.sent('meeting:command')[0].payload.key;
    socket.serverDrop();
    expect(s().connection).toBe('reconnecting');
    // While disconnected another command is only queued (the fake throws on emit while down).
    const second = send({ type: 'requestFloor' });
    expect(s().pending).toHaveLength(2);

    const seen: string[] = [];
    socket.handlers['meeting:command'] = (req, ack) => {
      seen.push(req.key);
      const events = m.run(req.command as Command, memberOf('BE'));
      ack({ data: { seq: m.seq, events, duplicate: false } });
    };
    socket.serverConnect();
    const res = await result;
    expect('data' in res).toBe(true);
    await second;
    expect(seen[0]).toBe(firstKey);
    expect(seen).toHaveLength(2);
    expect(s().pending).toHaveLength(0);
    expect(s().connection).toBe('online');
    expect(s().state.participants['p-BE-member'].presence?.mode).toBe('room');
    expect(s().state.speakers.queue.map((q) => q.participantId)).toEqual(['p-BE-member']);
    // The second join said how far the client already was.
    expect(socket.sent('meeting:join')[1].payload.lastSeq).toBe(m.seq - 2);
  });

  it('a refused command resolves with its coded error and leaves the queue', async () => {
    const m = demoMeeting();
    const socket = connected(m);
    socket.handlers['meeting:command'] = (_req, ack) => ack({ error: { code: 'quorum.notReached', rule: 'R-VOT-3' } });
    const res = await send({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } });
    expect(res).toEqual({ error: { code: 'quorum.notReached', rule: 'R-VOT-3' } });
    expect(s().pending).toHaveLength(0);
  });

  it('R-MEM-2: a vote acknowledged by the server leaves a receipt with its seq and hash', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 12));
    m.openResolution();
    const socket = connected(m);
    socket.handlers['meeting:command'] = (req, ack) => {
      const events = m.run(req.command as Command, memberOf('BE'));
      ack({ data: { seq: m.seq, events, duplicate: false } });
    };
    await send({ type: 'castVote', voteId: m.state.openVoteId!, land: 'BE', choice: 'yes' });
    const receipt = s().receipts[receiptKey(m.state.openVoteId!, 'BE')];
    expect(receipt).toMatchObject({ land: 'BE', choice: 'yes', seq: m.seq });
    expect(receipt.hash).toBe(m.envelopes[m.seq - 1].hash);
  });

  it('a snapshot answering a resync replaces a state that is ahead of the server (log reset); later events then apply', () => {
    const server = demoMeeting();
    const client = demoMeeting().checkIn(['SN', 'TH']); // the client saw two events the restored server no longer has
    const socket = connected(client);
    expect(s().seq).toBe(server.seq + 2);
    socket.handlers['meeting:resync'] = (_req, ack) => ack({ data: { catchUp: { kind: 'snapshot', seq: server.seq, state: server.state }, serverTime: 'x' } });
    // An event beyond the client's seq + 1 is a gap: the client asks for a resync and gets the snapshot.
    socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events: [{ ...client.envelopes[0], seq: server.seq + 5 }], serverTime: 'x' });
    expect(socket.sent('meeting:resync')).toHaveLength(1);
    expect(s().seq).toBe(server.seq);
    expect(s().state.participants['p-SN-member'].presence).toBeNull();
    // The next event of the server is applied, not taken for a duplicate.
    const [next] = server.run({ type: 'checkIn', mode: 'remote' }, memberOf('HE'));
    socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events: [next], serverTime: 'x' });
    expect(s().seq).toBe(server.seq);
    expect(s().state.participants['p-HE-member'].presence?.mode).toBe('remote');
  });

  it('a snapshot answering a join replaces a state that is ahead of the server', () => {
    const server = demoMeeting();
    const client = demoMeeting().checkIn(['SN']);
    const socket = connected(client);
    socket.handlers['meeting:join'] = (_req, ack) => ack({ data: { ...joinOk(server).data, catchUp: { kind: 'snapshot', seq: server.seq, state: server.state } } });
    socket.serverDrop();
    socket.serverConnect();
    expect(socket.sent('meeting:join')[1].payload.lastSeq).toBe(server.seq + 1);
    expect(s().seq).toBe(server.seq);
    expect(s().state.participants['p-SN-member'].presence).toBeNull();
  });

  it('session.notPublic on join: offline with the code kept for the view', () => {
    const socket = new FakeSocket();
    socket.handlers['meeting:join'] = (_req, ack) => ack({ error: { code: 'session.notPublic', rule: 'R-SES-4' } });
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID, { anonymous: true });
    socket.serverConnect();
    expect(s().connection).toBe('offline');
    expect(s().joinError?.code).toBe('session.notPublic');
  });

  it('R-SES-4: a follower told session.notPublic and disconnected by the server is offline with that code', () => {
    const socket = connected(demoMeeting());
    socket.fire('meeting:error', { code: 'session.notPublic', rule: 'R-SES-4' });
    socket.serverDrop('io server disconnect');
    expect(s().connection).toBe('offline');
    expect(s().joinError?.code).toBe('session.notPublic');
    expect(socket.connectCalls).toBe(1);
  });

  it('a refused handshake (socket.io gives up) is offline with its code', () => {
    const socket = connected(demoMeeting());
    socket.serverDrop();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('refused'), { data: { code: 'auth.origin' } }));
    expect(s().connection).toBe('offline');
    expect(s().joinError?.code).toBe('auth.origin');
  });

  it('a server that closes every socket to restart ("io server disconnect") is reconnected: join with lastSeq, the queued vote resent with its key', async () => {
    const m = demoMeeting();
    const socket = connected(m);
    const seqBefore = s().seq;
    socket.serverDrop('io server disconnect');
    expect(s().connection).toBe('reconnecting');
    // socket.io does not retry after a server-side close; the store hands it back to the manager.
    expect(socket.connectCalls).toBe(2);
    const queued = send({ type: 'checkIn', mode: 'room' });
    expect(s().pending).toHaveLength(1);
    const keys: string[] = [];
    socket.handlers['meeting:command'] = (req, ack) => {
      keys.push(req.key);
      ack({ data: { seq: m.seq + 1, events: m.run(req.command as Command, memberOf('BE')), duplicate: false } });
    };
    socket.serverConnect();
    expect('data' in (await queued)).toBe(true);
    expect(socket.sent('meeting:join')[1].payload.lastSeq).toBe(seqBefore);
    expect(keys).toHaveLength(1);
    expect(s().pending).toHaveLength(0);
    expect(s().connection).toBe('online');
  });

  it('a revoked session stays ended: session:revoked, then the server\'s disconnect, is offline and never reconnects', () => {
    const socket = connected(demoMeeting());
    socket.fire('session:revoked', { code: 'auth.revoked' });
    socket.serverDrop('io server disconnect');
    window.dispatchEvent(new Event('online'));
    expect(s().connection).toBe('offline');
    expect(socket.connectCalls).toBe(1);
  });

  it('a revoked session is offline with auth.revoked', () => {
    const socket = connected(demoMeeting());
    socket.fire('session:revoked', { code: 'auth.revoked' });
    expect(s().connection).toBe('offline');
    expect(s().joinError?.code).toBe('auth.revoked');
  });

  it('the chair fixture opens a vote only when quorate (sanity of the test support)', () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 11));
    expect(() => m.openResolution()).not.toThrow();
    expect(m.state.votes[m.state.openVoteId!].quorumAtOpen).toEqual({ present: 11, required: 11 });
    void chair;
  });
});

describe('browser network flicker', () => {
  it('offline then online while the socket survived: back to online, and a resync fetches what was missed', () => {
    const m = demoMeeting();
    const socket = new FakeSocket();
    socket.handlers['meeting:join'] = (req, ack) => ack(joinOk(m, req.lastSeq ?? 0));
    socket.handlers['meeting:resync'] = (req, ack) => ack({ data: { catchUp: { kind: 'events', events: m.envelopes.slice(req.lastSeq) }, serverTime: 'x' } });
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID);
    socket.serverConnect();
    expect(s().connection).toBe('online');
    window.dispatchEvent(new Event('offline'));
    expect(s().connection).toBe('offline');
    window.dispatchEvent(new Event('online'));
    expect(s().connection).toBe('online');
    expect(socket.sent('meeting:resync')).toHaveLength(1);
  });
});
