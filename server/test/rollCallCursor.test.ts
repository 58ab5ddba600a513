import { DMK_PROFILE, demoParticipantId, type CalledBroadcast, type CallRequest, type EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, joinMeeting, linkFor, login, MEETING, must, startTestServer, waitFor, type Client, type TestServer,
} from './helpers.ts';
import { CALL_RELAY_MS, FOLLOWER_CALL_RELAY_MS } from '../src/socket/roll-call-relay.ts';

/** The chair's call over a real socket: its ack (data or error). */
function call(socket: Client, cursor: CallRequest['cursor'] | Record<string, unknown>, meetingId = MEETING) {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<{ data?: { at: string }; error?: { code: string; rule?: string } }> } })
    .timeout(20_000).emitWithAck('meeting:call', { meetingId, cursor });
}

/** Every 'meeting:called' a socket receives, in order. */
function listen(socket: Client): CalledBroadcast[] {
  const got: CalledBroadcast[] = [];
  socket.on('meeting:called', (msg) => got.push(msg));
  return got;
}

const lastLand = (got: CalledBroadcast[]) => got.at(-1)?.cursor?.land ?? null;

/**
 * R-VOT-7 / R-SES-2: the Land the chair calls now in a roll call reaches the room screen and the
 * phones over real sockets; only the chair may set it; it is relayed, not logged; a burst is
 * bounded; public followers see it only for a round of the public part (R-SES-4).
 */
describe('R-VOT-7: the roll-call cursor (meeting:call)', () => {
  let server: TestServer;
  let chair: Client;
  let office: Client;
  let screen: Client;
  let hessen: Client;
  const sockets: Client[] = [];

  beforeAll(async () => {
    // The chair here sends ~100 commands and calls within seconds (16 check-ins, a burst of 16 calls,
    // 16 recorded votes); the default allowance (20/s, burst 40) would refuse some as rate.limited
    // on a quiet machine. The relay's own bound (CALL_RELAY_MS) is what the burst below measures.
    server = await startTestServer({ rateLimit: { perSecond: 1_000, burst: 1_000 } });
    chair = await login(server, linkFor(server.links, 'chair'));
    office = await login(server, linkFor(server.links, 'office'));
    screen = await login(server, linkFor(server.links, 'screen'));
    hessen = await login(server, linkFor(server.links, 'delegate', demoParticipantId.member('HE')));
    sockets.push(chair, office, screen, hessen);
    for (const s of sockets) expect(await joinMeeting(s)).toHaveProperty('data');
  });
  afterAll(async () => {
    closeAll(sockets);
    await server.stop();
  });

  it('R-VOT-7: the chair calls Hessen: the screen and Hessen\'s phone hear it; office, delegate and screen may not call; bad input refused; nothing is logged', async () => {
    const runtime = (await server.registry.get(MEETING))!;
    const onScreen = listen(screen);
    const onPhone = listen(hessen);
    expect(await call(chair, { land: 'HE', voteId: null })).toMatchObject({ error: { code: 'session.notOpen' } });

    await must(chair, { type: 'openSession' });
    for (const { code } of DMK_PROFILE.lands) await must(chair, { type: 'checkIn', mode: 'remote', via: 'telephone', participantId: demoParticipantId.member(code) });
    const seqBefore = runtime.seq;

    // R-SES-2: attendance by roll call (no round open).
    const ok = await call(chair, { land: 'HE', voteId: null });
    expect(ok.data?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    await waitFor(() => lastLand(onScreen) === 'HE' && lastLand(onPhone) === 'HE', 'the screen and the phone to hear Hessen called');
    expect(onScreen.at(-1)).toEqual({ meetingId: MEETING, cursor: { land: 'HE', voteId: null, at: ok.data!.at } });

    for (const other of [office, hessen, screen]) {
      expect(await call(other, { land: 'BY', voteId: null })).toMatchObject({ error: { code: 'auth.forbidden', rule: 'R-VOT-7' } });
    }
    expect(await call(chair, { land: 'XX', voteId: null })).toMatchObject({ error: { code: 'land.unknown' } });
    expect(await call(chair, { land: 'hessen', voteId: null })).toMatchObject({ error: { code: 'command.invalid' } });
    expect(await call(chair, { land: 'HE', voteId: null, name: 'x' })).toMatchObject({ error: { code: 'command.invalid' } });
    expect(await call(chair, { land: 'HE' })).toMatchObject({ error: { code: 'command.invalid' } });
    expect(await call(chair, { land: 'HE', voteId: null }, 'another-meeting')).toMatchObject({ error: { code: 'auth.forbidden' } });
    // None of the refused calls moved the cursor; none of the calls is an event.
    expect(lastLand(onScreen)).toBe('HE');
    expect(runtime.seq).toBe(seqBefore);

    // A vote's roll call: the attendance cursor is refused while the round runs; a Land outside it too.
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
    expect(await call(chair, { land: 'HE', voteId: null })).toMatchObject({ error: { code: 'vote.alreadyOpen' } });
    expect(await call(chair, { land: 'HE', voteId: 'v-nope' })).toMatchObject({ error: { code: 'vote.unknown' } });
    expect(await call(chair, { land: 'NI', voteId })).toHaveProperty('data');
    await waitFor(() => onScreen.at(-1)?.cursor?.voteId === voteId && lastLand(onScreen) === 'NI', 'the vote\'s cursor on the screen');

    // Whoever joins now (a screen reloading) gets the running call right after its join.
    const late = await login(server, linkFor(server.links, 'screen'));
    sockets.push(late);
    const onLate = listen(late);
    expect(await joinMeeting(late)).toHaveProperty('data');
    await waitFor(() => lastLand(onLate) === 'NI', 'the late screen to get the cursor');

    // A burst (an arrow key held down): the room gets at most one relay per CALL_RELAY_MS, the last one always.
    const lands = DMK_PROFILE.lands.map((l) => l.code);
    const before = onScreen.length;
    const started = Date.now();
    const acks = await Promise.all(lands.map((land) => call(chair, { land, voteId })));
    expect(acks.every((a) => a.data)).toBe(true);
    await waitFor(() => lastLand(onScreen) === lands.at(-1), 'the last Land of the burst on the screen');
    const elapsed = Date.now() - started;
    const relays = onScreen.length - before;
    expect(relays).toBeGreaterThanOrEqual(1);
    expect(relays).toBeLessThanOrEqual(Math.floor(elapsed / CALL_RELAY_MS) + 1);
    expect(relays).toBeLessThan(lands.length);

    // The round closes: a join no longer gets its cursor; the chair ends the call: null.
    await must(chair, { type: 'cancelVote', voteId });
    const after = await login(server, linkFor(server.links, 'screen'));
    sockets.push(after);
    const onAfter = listen(after);
    expect(await joinMeeting(after)).toHaveProperty('data');
    expect(await call(chair, null)).toHaveProperty('data');
    await waitFor(() => onScreen.at(-1)?.cursor === null, 'the end of the call on the screen');
    expect(onAfter.filter((m) => m.cursor !== null)).toEqual([]);
    expect(runtime.seq).toBe(seqBefore + 2); // VoteOpened, VoteCancelled: the calls added nothing
  });

  it('R-SES-4: public followers get the cursor of a round of the public part only, never the attendance call', async () => {
    const voteOn = async (motion: Record<string, unknown>) => {
      const opened = await must(chair, { type: 'openVote', motion } as never);
      return (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
    };
    const pub = await voteOn({ kind: 'setPublic', public: true });
    for (const { code } of DMK_PROFILE.lands) await must(chair, { type: 'recordVote', voteId: pub, land: code, choice: 'yes', mode: 'showOfHands' });
    await must(chair, { type: 'closeVote', voteId: pub });

    const follower = connect(server.url);
    sockets.push(follower);
    await connected(follower);
    const onPublic = listen(follower);
    const onScreen = listen(screen);
    expect(await joinMeeting(follower)).toMatchObject({ data: { role: 'public' } });

    // The attendance call: the screen hears it, the follower does not.
    expect(await call(chair, { land: 'SL', voteId: null })).toHaveProperty('data');
    await waitFor(() => lastLand(onScreen) === 'SL', 'the attendance cursor on the screen');
    await new Promise((r) => setTimeout(r, 3 * CALL_RELAY_MS));
    expect(onPublic).toEqual([]);

    // A round of the public part: the follower hears it, and its end.
    const voteId = await voteOn({ kind: 'resolution', itemId: 'top-2a', paragraph: null });
    expect(await call(chair, { land: 'HE', voteId })).toHaveProperty('data');
    await waitFor(() => lastLand(onPublic) === 'HE', 'the public cursor');
    expect(onPublic.at(-1)).toMatchObject({ meetingId: MEETING, cursor: { land: 'HE', voteId } });

    // A burst: the room follows every CALL_RELAY_MS, the followers (maybe thousands) once per
    // FOLLOWER_CALL_RELAY_MS, and both end on the last Land.
    const electorate = Object.keys((await server.registry.get(MEETING))!.current.votes[voteId]!.electorate);
    const before = onPublic.length;
    const started = Date.now();
    for (const land of electorate) expect(await call(chair, { land, voteId })).toHaveProperty('data');
    await waitFor(() => lastLand(onPublic) === electorate.at(-1), 'the last Land of the burst for the follower');
    await waitFor(() => lastLand(onScreen) === electorate.at(-1), 'the last Land of the burst on the screen');
    const elapsed = Date.now() - started;
    expect(onPublic.length - before).toBeLessThanOrEqual(Math.floor(elapsed / FOLLOWER_CALL_RELAY_MS) + 1);
    expect(onPublic.length - before).toBeLessThan(electorate.length);
    await must(chair, { type: 'cancelVote', voteId });
    expect(await call(chair, null)).toHaveProperty('data');
    await waitFor(() => onPublic.at(-1)?.cursor === null, 'the end of the call for the follower');
  });
});
