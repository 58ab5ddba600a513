import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING_ID, type EventEnvelope } from '@plenum/shared';
import {
  api, closeAll, connect, connected, joinMeeting, linkFor, Mirror, redeem, send, startTestServer, tokenOf, waitFor,
  type Client, type TestServer,
} from './helpers.ts';

const OTHER = 'dmk-2030-iso';
/** Eleven Länder present: the quorum (R-VOT-3) in both sessions. */
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP'];

/** One live session seen by its chair and eleven delegates, every broadcast recorded with the meeting it names. */
interface Room { meetingId: string; chair: Client; delegates: Client[]; cookies: string[]; mirrors: Mirror[]; broadcasts: { meetingId: string; events: EventEnvelope[] }[] }

async function enter(server: TestServer, meetingId: string, chairCookie: string, delegateCookies: string[]): Promise<Room> {
  const sockets = [chairCookie, ...delegateCookies].map((cookie) => connect(server.url, { cookie }));
  await Promise.all(sockets.map(connected));
  const broadcasts: Room['broadcasts'] = [];
  for (const s of sockets) s.on('meeting:events', (msg) => broadcasts.push({ meetingId: msg.meetingId, events: msg.events }));
  const mirrors = sockets.map((s) => new Mirror(s));
  for (const m of mirrors) {
    const res = await joinMeeting(m.socket, null, meetingId);
    if ('error' in res) throw new Error(`join ${meetingId} refused: ${res.error.code}`);
    const c = res.data.catchUp;
    if (c.kind === 'snapshot') m.state = c.state; else if (c.kind === 'events') for (const e of c.events) m.apply(e);
  }
  return { meetingId, chair: sockets[0], delegates: sockets.slice(1), cookies: [chairCookie, ...delegateCookies], mirrors, broadcasts };
}

async function command(room: Room, socket: Client, cmd: unknown) {
  const res = await send(socket, cmd, undefined, room.meetingId);
  if ('error' in res) throw new Error(`${(cmd as { type: string }).type} refused in ${room.meetingId}: ${res.error.code}`);
  return res.data;
}

describe('R-SES-1: two sessions live at the same time are isolated (rooms, logs, views, invitation scopes)', () => {
  let server: TestServer;
  let office: string;
  let demoOffice: string;
  let demo: Room;
  let other: Room;

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    const created = await api(server, '/api/between/conference/dmk', office, {
      command: { type: 'createSession', sessionId: OTHER, kind: 'extraordinary', basis: 'chairProposal', title: 'Außerordentliche DMK', date: '2030-02-01', startTime: '10:00', place: 'Videokonferenz', format: 'video' },
      key: 'create-iso',
    });
    expect(created.status).toBe(200);
    await waitFor(async () => Boolean((await server.registry.get(OTHER))?.current.session), 'the created session\'s own log');

    // Each session's own invitations, issued for it alone (the roster is carried over from the demo
    // session, so the same people hold roles in both: a person's conference invitation would open
    // both on purpose; see conferenceInvitations.test.ts).
    const issue = async (meetingId: string, role: 'chair' | 'delegate' | 'office', participantId: string | null) =>
      redeem(server.url, (await server.invitations.create(meetingId, { role, participantId, label: `${role} ${participantId ?? ''}` })).token);
    const otherChair = await issue(OTHER, 'chair', null);
    const otherDelegates = await Promise.all(LANDS.map((l) => issue(OTHER, 'delegate', `p-${l}-member`)));
    const demoChair = await issue(DEMO_MEETING_ID, 'chair', null);
    const demoDelegates = await Promise.all(LANDS.map((l) => issue(DEMO_MEETING_ID, 'delegate', `p-${l}-member`)));
    demoOffice = await issue(DEMO_MEETING_ID, 'office', null);

    demo = await enter(server, DEMO_MEETING_ID, demoChair, demoDelegates);
    other = await enter(server, OTHER, otherChair, otherDelegates);

    // Both opened, delegates checked in, a vote open in both.
    for (const room of [demo, other]) {
      await command(room, room.chair, { type: 'openSession' });
      for (const d of room.delegates) await command(room, d, { type: 'checkIn', mode: 'room' });
      await command(room, room.chair, { type: 'openVote', motion: { kind: 'setPublic', public: true } });
    }
    for (const room of [demo, other]) {
      const seq = (await server.registry.get(room.meetingId))!.seq;
      await waitFor(() => room.mirrors.every((m) => m.state.seq === seq), `${room.meetingId}: every client up to date`);
    }
  }, 120_000);

  afterAll(async () => {
    closeAll([demo, other].flatMap((r) => (r ? [r.chair, ...r.delegates] : [])));
    await server?.stop();
  });

  it('each log holds only its own session: both open, each with its own open vote and its own check-ins', async () => {
    const a = (await server.registry.get(DEMO_MEETING_ID))!.current;
    const b = (await server.registry.get(OTHER))!.current;
    expect(a.session?.status).toBe('open');
    expect(b.session?.status).toBe('open');
    const openVote = (s: typeof a) => Object.values(s.votes).filter((v) => v.status === 'open');
    expect(openVote(a)).toHaveLength(1);
    expect(openVote(b)).toHaveLength(1);
    expect(openVote(a)[0].id).not.toBe(openVote(b)[0].id);
    expect(Object.values(b.votes).some((v) => a.votes[v.id])).toBe(false);
    expect(b.session?.date).toBe('2030-02-01');
  });

  it('broadcasts of one session never reach the other\'s sockets; each mirror equals its own session only', async () => {
    for (const [room, foreign] of [[demo, other], [other, demo]] as const) {
      expect(room.broadcasts.length).toBeGreaterThan(0);
      expect(room.broadcasts.every((b) => b.meetingId === room.meetingId)).toBe(true);
      const foreignVotes = Object.keys((await server.registry.get(foreign.meetingId))!.current.votes);
      const mine = (await server.registry.get(room.meetingId))!.current;
      for (const m of room.mirrors) {
        expect(m.state).toEqual(mine);
        expect(Object.keys(m.state.votes).some((id) => foreignVotes.includes(id))).toBe(false);
      }
    }
  });

  it('a command of one session\'s invitation naming the other session is refused (auth.forbidden) and changes nothing there', async () => {
    const before = (await server.registry.get(OTHER))!.seq;
    const voteId = Object.values((await server.registry.get(OTHER))!.current.votes).find((v) => v.status === 'open')!.id;
    const cast = await send(demo.delegates[0], { type: 'castVote', voteId, land: 'BY', choice: 'yes' }, undefined, OTHER);
    expect('error' in cast && cast.error.code).toBe('auth.forbidden');
    const close = await send(demo.chair, { type: 'closeVote', voteId }, undefined, OTHER);
    expect('error' in close && close.error.code).toBe('auth.forbidden');
    const join = await joinMeeting(other.delegates[0], null, DEMO_MEETING_ID);
    expect('error' in join && join.error.code).toBe('auth.forbidden');
    expect((await server.registry.get(OTHER))!.seq).toBe(before);
  });

  it('REST reads are scoped to the invitation\'s session: agenda, protocol, deadlines, protocol exports, invitations, event export', async () => {
    const [demoDelegate] = demo.cookies.slice(1);
    const [otherDelegate] = other.cookies.slice(1);
    for (const [cookie, own, foreign] of [[demoDelegate, DEMO_MEETING_ID, OTHER], [otherDelegate, OTHER, DEMO_MEETING_ID]] as const) {
      expect((await api(server, `/api/meetings/${own}/deadlines`, cookie)).status).toBe(200);
      for (const path of [`/api/between/agenda/${foreign}`, `/api/between/protocol/${foreign}`, `/api/meetings/${foreign}/deadlines`, `/api/meetings/${foreign}/protocol.json`, `/api/meetings/${foreign}/protocol.md`]) {
        const r = await api(server, path, cookie);
        expect([path, r.status]).toEqual([path, 403]);
        expect(r.body?.error?.code).toBe('auth.forbidden');
      }
      // Lists of meeting-keyed streams show only the own session.
      for (const kind of ['agenda', 'protocol']) {
        const list = (await api(server, `/api/between/${kind}`, cookie)).body as { id: string }[];
        expect(list.map((x) => x.id).filter((id) => id === foreign)).toEqual([]);
      }
    }
    // An office invited for the demo session administers that session only.
    expect((await api(server, `/api/meetings/${DEMO_MEETING_ID}/invitations`, demoOffice)).status).toBe(200);
    expect((await api(server, `/api/meetings/${OTHER}/invitations`, demoOffice)).status).toBe(403);
    expect((await api(server, `/api/meetings/${OTHER}/export`, demoOffice)).status).toBe(403);
    expect((await api(server, '/api/conference/invitations', demoOffice)).status).toBe(403);
  });

  it('a command over REST on the other session\'s agenda record is refused (auth.forbidden)', async () => {
    const r = await api(server, `/api/between/agenda/${DEMO_MEETING_ID}`, other.cookies[0], { command: { type: 'registerItem' }, key: 'x-iso' });
    expect(r.status).toBe(403);
    expect(r.body?.error?.code).toBe('auth.forbidden');
  });
});
