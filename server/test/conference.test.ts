import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING_ID, chairLandsFor, DMK_PROFILE, type ConferenceHome } from '@plenum/shared';
import { api, linkFor, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

describe('the conference: sessions created by the office, each in its own log (R-SES-1, R-CHR-1, R-AGD-5, R-AGD-6)', () => {
  let server: TestServer;
  let office: string;
  let delegate: string;
  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    delegate = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
  });
  afterAll(async () => { await server?.stop(); });

  it('demo: the conference holds the 1st DMK (19 April 2024, Potsdam) as a past session and one upcoming regular session with its chair and deadlines from its date', async () => {
    const home = (await api(server, '/api/conference', office)).body as ConferenceHome;
    expect(home.timeZone).toBe('Europe/Berlin');
    const demo = home.sessions.find((s) => s.id === DEMO_MEETING_ID)!;
    expect(demo).toMatchObject({ date: '2024-04-19', place: 'Potsdam', chairLands: ['BE', 'BB'], phase: 'past' });
    expect(demo.meeting?.items.length).toBeGreaterThan(0);
    const next = home.sessions.filter((s) => s.phase === 'upcoming');
    expect(next).toHaveLength(1);
    expect(next[0].chairLands).toEqual(chairLandsFor(next[0].date, DMK_PROFILE));
    expect(next[0].deadlines.map((d) => [d.kind, d.state])).toEqual([['draftAgenda', 'pending'], ['proposals', 'pending'], ['finalPapers', 'pending']]);
    // Its own log: scheduled with that chair, the roster carried over, the two standing items first (R-AGD-5).
    const meeting = (await server.registry.get(next[0].id))!.current;
    expect(meeting.session).toMatchObject({ date: next[0].date, chairLands: next[0].chairLands, kind: 'regular' });
    expect(meeting.agenda.map((i) => i.standing)).toEqual(['landsExchange', 'bundReport']);
    expect(meeting.participants['p-BY-member']).toMatchObject({ kind: 'member', land: 'BY' });
  });

  it('R-SES-1 / R-CHR-1: the office creates an extraordinary video conference on the chair\'s proposal; its chair comes from the date; its deadlines are the proposal and papers ones', async () => {
    const created = await api(server, '/api/between/conference/dmk', office, {
      command: { type: 'createSession', sessionId: 'dmk-2028-x1', kind: 'extraordinary', basis: 'chairProposal', title: 'Außerordentliche DMK', date: '2028-03-03', startTime: '14:00', place: 'Videokonferenz', format: 'video' },
      key: 'create-x1',
    });
    expect(created.status).toBe(200);
    const home = (await api(server, '/api/conference', office)).body as ConferenceHome;
    const x1 = home.sessions.find((s) => s.id === 'dmk-2028-x1')!;
    expect(x1).toMatchObject({ chairLands: ['MV'], kind: 'extraordinary', basis: 'chairProposal', format: 'video', startTime: '14:00' });
    expect(x1.deadlines.map((d) => d.kind)).toEqual(['proposals', 'finalPapers']);
    const meeting = (await server.registry.get('dmk-2028-x1'))!.current;
    expect(meeting.session?.chairLands).toEqual(['MV']);
    expect(meeting.agenda).toEqual([]);
  });

  it('sessions are isolated: each has its own log; an invitation for the demo session alone reads nothing of the new session, the person\'s conference invitation reads both', async () => {
    const demo = (await server.registry.get(DEMO_MEETING_ID))!.current;
    const x1 = (await server.registry.get('dmk-2028-x1'))!.current;
    expect(demo.meetingId).toBe(DEMO_MEETING_ID);
    expect(x1.meetingId).toBe('dmk-2028-x1');
    expect(x1.agenda.map((i) => i.id)).not.toContain('top-7');
    const demoOnly = await redeem(server.url, (await server.invitations.create(DEMO_MEETING_ID, { role: 'delegate', participantId: 'p-BY-member', label: 'BY (demo)' })).token);
    expect((await api(server, '/api/meetings/dmk-2028-x1/deadlines', demoOnly)).status).toBe(403);
    expect((await api(server, '/api/between/agenda/dmk-2028-x1', demoOnly)).status).toBe(403);
    // Bayern's member is on the new session's roster (carried over): the conference-wide link opens it.
    expect((await api(server, '/api/meetings/dmk-2028-x1/deadlines', delegate)).status).toBe(200);
  });

  it('R-CHR-2: only the office creates sessions; a delegate → auth.forbidden; the home is for office and chair', async () => {
    const r = await api(server, '/api/between/conference/dmk', delegate, {
      command: { type: 'createSession', kind: 'regular', title: 'x', date: '2028-05-05', startTime: '10:00', place: 'x', format: 'room' },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth.forbidden');
    expect((await api(server, '/api/conference', delegate)).status).toBe(403);
    expect((await api(server, '/api/conference', null)).status).toBe(401);
  });

  it('a session is cancelled before it opens, with its reason; the home shows it', async () => {
    const r = await api(server, '/api/between/conference/dmk', office, { command: { type: 'cancelSession', sessionId: 'dmk-2028-x1', reason: 'Anlass entfallen' } });
    expect(r.status).toBe(200);
    const home = (await api(server, '/api/conference', office)).body as ConferenceHome;
    expect(home.sessions.find((s) => s.id === 'dmk-2028-x1')).toMatchObject({ phase: 'cancelled', changes: [{ kind: 'cancelled', reason: 'Anlass entfallen' }] });
  });
});

describe('restart: the conference keeps its sessions and records an existing meeting once (nothing lost on upgrade)', () => {
  it('a second start of the same data folder adds no session and no conference event; the demo stays a session', async () => {
    const first = await startTestServer();
    const before = (await first.between.service.events('conference', 'dmk')).length;
    const dataDir = first.dataDir;
    await first.stop(false);
    const again = await startTestServer({ dataDir });
    try {
      expect(again.demoLinks).toBeNull();
      expect((await again.between.service.events('conference', 'dmk')).length).toBe(before);
      const home = await again.between.conference.home();
      expect(home.sessions.map((x) => x.id)).toContain(DEMO_MEETING_ID);
      expect(home.sessions.filter((x) => x.phase === 'upcoming')).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });
});
