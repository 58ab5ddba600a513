import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestView, type EventEnvelope, type EventOf } from '@plenum/shared';
import {
  closeAll, connect, connected, delegateLinks, joinMeeting, linkFor, login, MEETING, must, openAndCheckIn, redeem, send, startTestServer, waitFor,
  type Client, type TestServer,
} from './helpers.ts';

const MINE = 'top-2a';
const OTHER_ITEM = 'top-7';

describe('R-GST-1: a guest invited for single items follows only those items (snapshot and events)', () => {
  let server: TestServer;
  let chair: Client;
  let delegates: Client[];
  let guest: Client;
  let wholeGuest: Client;
  const guestEvents: EventEnvelope[] = [];
  const wholeEvents: EventEnvelope[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    chair = await login(server, linkFor(server.links, 'chair'));
    const office = await login(server, linkFor(server.links, 'office'));
    await must(office, { type: 'inviteGuest', name: 'Sachverständige', guestKind: 'itemGuest', itemIds: [MINE], participantId: 'g-item' });
    await must(office, { type: 'inviteGuest', name: 'Bund', guestKind: 'federalMinister', participantId: 'g-whole' });
    office.disconnect();
    const enter = async (participantId: string, into: EventEnvelope[]) => {
      const inv = await server.invitations.create(MEETING, { role: 'guest', participantId, label: participantId });
      const s = connect(server.url, { cookie: await redeem(server.url, inv.token) });
      await connected(s);
      s.on('meeting:events', (msg) => into.push(...msg.events));
      return s;
    };
    guest = await enter('g-item', guestEvents);
    wholeGuest = await enter('g-whole', wholeEvents);
    delegates = await Promise.all(delegateLinks(server.links).slice(0, 12).map((l) => login(server, l)));
  }, 120_000);
  afterAll(async () => {
    closeAll([chair, guest, wholeGuest, ...(delegates ?? [])]);
    await server?.stop();
  });

  it('its snapshot is guestView: the agenda holds its item only', async () => {
    const res = await joinMeeting(guest, null);
    if ('error' in res) throw new Error(res.error.code);
    expect(res.data.catchUp.kind).toBe('snapshot');
    const state = (res.data.catchUp as { state: { agenda: { id: string }[] } }).state;
    expect(state.agenda.map((i) => i.id)).toEqual([MINE]);
    expect(await joinMeeting(wholeGuest, null)).toMatchObject({ data: { catchUp: { kind: 'snapshot' } } });
  });

  it('events on another item (a vote, its ballots, its close) do not reach it; events of its item and of the session do; a resync is its view', async () => {
    await openAndCheckIn(chair, delegates);
    for (const itemId of [OTHER_ITEM, MINE]) {
      await must(chair, { type: 'setCurrentItem', itemId });
      const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId, paragraph: null } });
      const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
      await must(delegates[0], { type: 'castVote', voteId, land: 'BW', choice: 'yes' });
      await must(chair, { type: 'closeVote', voteId });
    }
    const rt = (await server.registry.get(MEETING))!;
    await waitFor(() => wholeEvents.at(-1)?.seq === rt.seq && guestEvents.at(-1)?.seq === rt.seq, 'both guests to receive the last close');
    const votesOn = (itemId: string) => Object.values(rt.current.votes).filter((v) => v.motion.kind === 'resolution' && v.motion.itemId === itemId).map((v) => v.id);
    const [otherVote] = votesOn(OTHER_ITEM);
    const [myVote] = votesOn(MINE);
    const mentions = (events: EventEnvelope[], voteId: string) => events.filter((e) => (e.event as { voteId?: string }).voteId === voteId).map((e) => e.event.type);

    // The guest for the session sees both votes; the guest for one item only its own.
    expect(mentions(wholeEvents, otherVote)).toEqual(['VoteOpened', 'VoteCast', 'VoteClosed']);
    expect(mentions(guestEvents, otherVote)).toEqual([]);
    expect(mentions(guestEvents, myVote)).toEqual(['VoteOpened', 'VoteCast', 'VoteClosed']);
    expect(guestEvents.some((e) => (e.event as { itemId?: string }).itemId === OTHER_ITEM)).toBe(false);
    expect(guestEvents.some((e) => e.event.type === 'SessionOpened')).toBe(true);

    // A resync, even from a seq it has, is a snapshot of its view, never the log's events.
    const resync = await guest.timeout(20_000).emitWithAck('meeting:resync', { meetingId: MEETING, lastSeq: guestEvents[0].seq });
    if ('error' in resync) throw new Error(resync.error.code);
    expect(resync.data.catchUp).toEqual({ kind: 'snapshot', seq: rt.seq, hash: rt.headHash, state: guestView(rt.current, 'g-item') });
    expect(Object.keys((resync.data.catchUp as { state: { votes: object } }).state.votes)).toEqual([myVote]);
    // It never votes (R-GST-1).
    const refused = await send(guest, { type: 'castVote', voteId: myVote, land: 'BW', choice: 'yes' });
    expect('error' in refused).toBe(true);
  });
});
