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
});
