import { DMK_PROFILE } from '@plenum/shared';
import pino from 'pino';
import { Writable } from 'node:stream';
import { StreamRuntime } from '../src/pipeline/stream-runtime.ts';
import { MEETING_KIND } from '../src/meeting/kind.ts';
import {
  closeAll, delegateLinks, linkFor, login, MEETING, openAndCheckIn, readMeeting, startTestServer, type TestServer,
} from './helpers.ts';

const DAY = 86_400_000;

describe('F12: event times only go forward', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const chair = await login(server, linkFor(server.links, 'chair'));
    const delegates = await Promise.all(delegateLinks(server.links).slice(0, 2).map((l) => login(server, l)));
    await openAndCheckIn(chair, delegates);
    closeAll([chair, ...delegates]);
  }, 60_000);
  afterAll(async () => { await server.stop(); });

  it('a command decided with the clock set back 2 days is refused with clock.backwards, logged as an error, and nothing is written', async () => {
    const lines: { level: number; msg: string; stream?: string }[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    // A runtime over the server's own store, with a logger we can read: the same pipeline the socket uses.
    const runtime = await StreamRuntime.load(MEETING_KIND, MEETING, server.stores.events, DMK_PROFILE, pino(sink));
    const before = await readMeeting(server);
    const last = before.at(-1)!;
    const delegate = { role: 'delegate' as const, participantId: delegateLinks(server.links)[2]!.participantId ?? null };
    const backwards = new Date(Date.parse(last.at) - 2 * DAY).toISOString();
    const outcome = await runtime.execute({
      key: 'k-clock-back', command: { type: 'checkIn', mode: 'room' }, actor: delegate, context: {}, now: backwards,
    });
    expect(outcome.ack).toEqual({ error: { code: 'clock.backwards' } });
    expect(await readMeeting(server)).toHaveLength(before.length);
    expect(await server.stores.events.findIdempotency(MEETING, 'k-clock-back')).toBeNull();
    expect(runtime.seq).toBe(last.seq);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, stream: MEETING, msg: expect.stringContaining('CLOCK:') }));

    // With the clock right again the same command goes through.
    const again = await runtime.execute({
      key: 'k-clock-ok', command: { type: 'checkIn', mode: 'room' }, actor: delegate, context: {},
    });
    expect('data' in again.ack).toBe(true);
  });
});
