import { buildResultsProtocol, DMK_PROFILE, demoParticipantId, type EventEnvelope, type EventOf } from '@plenum/shared';
import {
  closeAll, delegateLinks, linkFor, login, MEETING, Mirror, must, redeem, send, startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

/**
 * R-VOT-7 over real sockets: a telephone conference without devices. The chair records attendance
 * by roll call and every Land's vote as declared orally; the office records at the chair's side;
 * a delegate and the room screen may not record.
 */
describe('R-VOT-7: votes declared orally, recorded by the chair, through the server', () => {
  let server: TestServer;
  let chair: Client;
  let office: Client;
  let screen: Client;
  let delegate: Client;

  beforeAll(async () => {
    server = await startTestServer();
    chair = await login(server, linkFor(server.links, 'chair'));
    office = await login(server, linkFor(server.links, 'office'));
    screen = await login(server, linkFor(server.links, 'screen'));
    delegate = await login(server, delegateLinks(server.links)[0]);
  });
  afterAll(async () => {
    closeAll([chair, office, screen, delegate]);
    await server.stop();
  });

  it('R-VOT-7: attendance by roll call, a vote recorded entirely by the chair, the outcome and the protocol', async () => {
    const runtime = (await server.registry.get(MEETING))!;
    const mirror = new Mirror(screen);
    await mirror.join();
    await must(chair, { type: 'openSession' });
    const lands = DMK_PROFILE.lands.map((l) => l.code);
    // R-SES-2: a telephone conference, two Länder on video.
    for (const land of lands) {
      await must(chair, { type: 'checkIn', mode: 'remote', via: land === 'BW' || land === 'BY' ? 'video' : 'telephone', participantId: demoParticipantId.member(land) });
    }
    expect(runtime.current.participants[demoParticipantId.member('BE')].presence).toMatchObject({ mode: 'remote', via: 'telephone', recordedBy: { role: 'chair' } });
    expect(runtime.current.participants[demoParticipantId.member('BW')].presence).toMatchObject({ mode: 'remote', via: 'video' });
    const inRoomByVideo = await send(chair, { type: 'checkIn', mode: 'room', via: 'video', participantId: demoParticipantId.member('BW') });
    expect(inRoomByVideo).toMatchObject({ error: { code: 'attendance.viaWithoutRemote' } });

    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;

    // A delegate and the screen may not record; the office may, at the chair's side.
    const refusedDelegate = await send(delegate, { type: 'recordVote', voteId, land: 'BW', choice: 'yes', mode: 'rollCall' });
    expect(refusedDelegate).toMatchObject({ error: { code: 'auth.forbidden' } });
    const refusedScreen = await send(screen, { type: 'recordVote', voteId, land: 'BW', choice: 'yes', mode: 'rollCall' });
    expect(refusedScreen).toMatchObject({ error: { code: 'auth.forbidden' } });
    await must(office, { type: 'recordVote', voteId, land: 'BW', choice: 'no', mode: 'rollCall' });

    // The roll call in protocol order: 13 yes, 2 no, 1 abstain; the chair's entry for BW replaces the office's.
    for (const [i, land] of lands.entries()) {
      const choice = i < 13 ? 'yes' : i < 15 ? 'no' : 'abstain';
      const r = await must(chair, { type: 'recordVote', voteId, land, choice, mode: 'rollCall' });
      expect(r.events[0].event).toMatchObject({ type: 'VoteCast', land, choice, oral: 'rollCall', participantId: demoParticipantId.chair });
    }
    const closed = await must(chair, { type: 'closeVote', voteId });
    const event = closed.events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(event.explanation).toMatchObject({ base: 16, yes: 13, no: 2, abstain: 1, needed: 11, outcome: 'adopted', rule: 'R-VOT-2' });
    expect(Object.keys(event.oral)).toHaveLength(16);
    expect(event.choices.BW).toBe('yes');

    await waitFor(() => mirror.state.seq === runtime.seq, 'the screen to receive the close');
    expect(mirror.state.votes[voteId].ballots.BW).toMatchObject({ choice: 'yes', oral: 'rollCall' });
    const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const exported = await (await fetch(`${server.url}/api/meetings/${MEETING}/export`, { headers: { cookie } })).json() as { events: EventEnvelope[] };
    const protocol = buildResultsProtocol(runtime.current, exported.events.map((e) => e.event));
    const vote = protocol.items.flatMap((i) => i.votes).find((v) => v.voteId === voteId)!;
    expect(vote.lands.every((l) => l.oral === 'rollCall')).toBe(true);
    expect(vote.lands.find((l) => l.land === 'BW')).toMatchObject({ choice: 'yes', changes: 1, conflict: false });
  });
});
