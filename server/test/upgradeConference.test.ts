import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DMK_PROFILE, type ConferenceHome, type EventOf } from '@plenum/shared';
import { verifyDatabase } from '../src/verify/verify-log.ts';
import { api, MEETING, readMeeting, redeem, startTestServer, tmpDataDir, type TestServer } from './helpers.ts';

/** The data folder the previous version wrote (see fixtures/README.md): the demo closed, one vote 12 yes / 4 no. */
const FIXTURE = fileURLToPath(new URL('./fixtures/v1-data/plenum.sqlite', import.meta.url));

describe('nothing is lost on upgrade: the previous version\'s meeting is a past session of the conference', () => {
  let server: TestServer | null = null;
  let dir = '';
  afterEach(async () => {
    await server?.stop(false);
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /api/conference lists the old meeting as a past session with its vote; a second start adds nothing; npm run verify passes', async () => {
    dir = tmpDataDir();
    copyFileSync(FIXTURE, join(dir, 'plenum.sqlite'));
    server = await startTestServer({ dataDir: dir });
    // The old folder's own invitations are hashed; the office of that meeting gets a new one to read the home.
    const office = await redeem(server.url, (await server.invitations.create(MEETING, { role: 'office', label: 'Geschäftsstelle' })).token);
    const home = (await api(server, '/api/conference', office)).body as ConferenceHome;
    const old = home.sessions.find((s) => s.id === MEETING)!;
    expect(old).toMatchObject({ phase: 'past', date: '2024-04-19', place: 'Potsdam', chairLands: ['BE', 'BB'] });
    expect(old.meeting?.status).toBe('closed');
    // The vote of the old log: adopted 12:4, counted in the session's results.
    const closed = (await readMeeting(server)).find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>;
    expect(closed.explanation).toMatchObject({ yes: 12, no: 4, outcome: 'adopted' });
    const voted = closed.voteId;
    const vote = (await server.registry.get(MEETING))!.current.votes[voted];
    expect(Object.keys(vote.ballots)).toHaveLength(16);
    expect(old.meeting?.results.adopted).toBe(1);
    expect(home.sessions.filter((s) => s.id === MEETING)).toHaveLength(1);

    const conferenceEvents = (await server.between.service.events('conference', 'dmk')).length;
    await server.stop(false);
    server = await startTestServer({ dataDir: dir });
    expect((await server.between.service.events('conference', 'dmk')).length).toBe(conferenceEvents);
    expect((await server.between.conference.home()).sessions.find((s) => s.id === MEETING)).toMatchObject({ phase: 'past' });
    await server.stop(false);
    server = null;

    const report = await verifyDatabase(join(dir, 'plenum.sqlite'), DMK_PROFILE);
    expect(report).toMatchObject({ ok: true, meetings: 1, events: 84, votesChecked: 1, failure: null });
  });

  it('F6: the old folder\'s meeting office gets the link to the conference-wide office, once; with it the office reads and issues the conference\'s invitations', async () => {
    dir = tmpDataDir();
    copyFileSync(FIXTURE, join(dir, 'plenum.sqlite'));
    server = await startTestServer({ dataDir: dir });
    const office = await redeem(server.url, (await server.invitations.create(MEETING, { role: 'office', label: 'Geschäftsstelle' })).token);
    const delegate = await redeem(server.url, (await server.invitations.create(MEETING, { role: 'delegate', participantId: 'p-BY-member', label: 'BY' })).token);
    expect((await api(server, '/api/conference/office-link', office)).body).toEqual({ exists: false });
    // Only an office: a delegate, or no session at all, is refused.
    expect((await api(server, '/api/conference/office-link', delegate, {})).status).toBe(403);
    expect((await api(server, '/api/conference/office-link', null, {})).status).toBe(401);
    // The meeting office cannot reach the conference's invitations yet.
    expect((await api(server, '/api/conference/invitations', office)).status).toBe(403);

    const created = await api(server, '/api/conference/office-link', office, {});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/i\//);
    const conferenceOffice = await redeem(server.url, created.body.token);
    const me = (await api(server, '/api/me', conferenceOffice)).body as { role: string; scope: string; sessions: { id: string }[] };
    expect(me).toMatchObject({ role: 'office', scope: 'conference' });
    expect(me.sessions.map((x) => x.id)).toContain(MEETING);
    expect((await api(server, '/api/conference/invitations', conferenceOffice)).status).toBe(200);
    // Once: a second request is refused and names the link that exists.
    expect((await api(server, '/api/conference/office-link', office)).body).toEqual({ exists: true });
    const again = await api(server, '/api/conference/office-link', office, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'invitation.exists', details: { id: created.body.id } });
  });
});
