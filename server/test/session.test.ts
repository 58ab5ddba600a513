import { explanationText, type EventOf } from '@plenum/shared';
import {
  closeAll, delegateLinks, landOf, linkFor, login, MEETING, Mirror, must, openAndCheckIn, send, startTestServer, waitFor,
  type Client, type TestServer,
} from './helpers.ts';

describe('a whole session over real sockets: chair, 16 delegates, room screen', () => {
  let server: TestServer;
  let chair: Client;
  let screen: Client;
  let delegates: Client[];
  let mirrors: Mirror[];

  beforeAll(async () => {
    server = await startTestServer();
    chair = await login(server, linkFor(server.links, 'chair'));
    screen = await login(server, linkFor(server.links, 'screen'));
    delegates = await Promise.all(delegateLinks(server.links).map((l) => login(server, l)));
    mirrors = [chair, screen, ...delegates].map((s) => new Mirror(s));
    await Promise.all(mirrors.map((m) => m.join()));
  });
  afterAll(async () => {
    closeAll([chair, screen, ...delegates]);
    await server.stop();
  });

  it('R-VOT-3, R-VOT-2: check-in reaches quorum, 16 vote at once, the result and its explanation reach everyone', async () => {
    const runtime = (await server.registry.get(MEETING))!;
    await openAndCheckIn(chair, delegates);
    expect(Object.values(runtime.current.participants).filter((p) => p.presence).length).toBe(16);

    await must(chair, { type: 'setCurrentItem', itemId: 'top-2a' });
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-2a', paragraph: null } });
    const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
    expect(Object.keys(runtime.current.votes[voteId].electorate)).toHaveLength(16);

    // 12 yes, 2 no, 2 abstain: no consensus (R-VOT-1), base 16 needs 11 (R-VOT-2) → adopted.
    const links = delegateLinks(server.links);
    const choices = links.map((_, i) => (i < 12 ? 'yes' : i < 14 ? 'no' : 'abstain') as 'yes' | 'no' | 'abstain');
    const acks = await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: choices[i] })));
    expect(acks.filter((a) => 'data' in a)).toHaveLength(16);

    const closed = await must(chair, { type: 'closeVote', voteId });
    const closedEvent = closed.events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(closedEvent.explanation).toMatchObject({ rule: 'R-VOT-2', base: 16, needed: 11, yes: 12, no: 2, abstain: 2, outcome: 'adopted' });

    const finalSeq = runtime.seq;
    await waitFor(() => mirrors.every((m) => m.state.seq === finalSeq), 'every client to receive the close');
    for (const m of mirrors) {
      expect(m.state.votes[voteId].explanation).toEqual(closedEvent.explanation);
      expect(m.state).toEqual(runtime.current);
    }
    expect(explanationText(closedEvent.explanation, 'de')).toContain('11');
  });

  it('GET /healthz and /metrics report the database, sockets and commands', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, db: true, fanout: 'off', status: 'ok' });
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(metric('plenum_sockets')).toBe(18);
    expect(metric('plenum_commands_total')).toBeGreaterThanOrEqual(36);
    expect(metric('plenum_commands_refused_total')).toBe(0);
    expect(metric('plenum_event_loop_delay_p99_ms')).toBeGreaterThanOrEqual(0);
  });
});
