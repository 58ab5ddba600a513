import fc from 'fast-check';
import { COMMAND_TYPES, DEMO_MEETING_ID, PROTOCOL_VERSION, VIOLATION_CODES } from '@plenum/shared';
import { closeAll, connect, connected, delegateLinks, linkFor, login, MEETING, startTestServer, type Client, type TestServer } from './helpers.ts';

/** Commands a delegate may never send (chair and office work): any valid shape of these is out of role. */
const CHAIR_OR_OFFICE_ONLY = [
  { type: 'openSession' }, { type: 'closeSession' }, { type: 'setCurrentItem', itemId: 'top-2a' }, { type: 'setCurrentItem', itemId: null },
  { type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: null } }, { type: 'openVote', motion: { kind: 'setPublic', public: true } },
  { type: 'closeVote', voteId: 'vote-x' }, { type: 'cancelVote', voteId: 'vote-x' }, { type: 'noteReport', itemId: 'top-4' },
  { type: 'giveFloor' }, { type: 'endFloor' }, { type: 'startRecording' }, { type: 'stopRecording' },
  { type: 'scheduleSession', title: 'X', date: '2025-01-01', place: 'Mainz', kind: 'regular', format: 'room' },
  { type: 'removeAgendaItem', itemId: 'top-7' }, { type: 'setItPlrCoordination', itemId: 'top-5', state: 'agreed' },
  { type: 'inviteGuest', name: 'Gast', guestKind: 'itemGuest' }, { type: 'nameChair', name: 'Vorsitz' },
  { type: 'nameRepresentative', land: 'BE', kind: 'member', name: 'X' }, { type: 'editAgendaItem', itemId: 'top-2a', item: { title: 'Neu' } },
];
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
const KNOWN = ['meeting:join', 'meeting:command', 'meeting:resync'];

type Who = 'delegate' | 'screen' | 'public';
interface Msg { who: Who; event: string; payload: unknown }

const payload = fc.anything({ maxDepth: 3, maxKeys: 6, withBigInt: false, withTypedArray: false, withSparseArray: false });
const key = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
const meetingId = fc.oneof(fc.constant(MEETING), fc.string({ maxLength: 70 }));

const message: fc.Arbitrary<Msg> = fc.oneof(
  // unknown events, any payload, any socket
  fc.record({
    who: fc.constantFrom<Who>('delegate', 'screen', 'public'),
    event: fc.string({ minLength: 1, maxLength: 30 }).filter((e) => !KNOWN.includes(e) && !RESERVED.has(e)),
    payload,
  }),
  // known events, garbage payloads
  fc.record({ who: fc.constantFrom<Who>('delegate', 'screen', 'public'), event: fc.constantFrom('meeting:command', 'meeting:resync'), payload }),
  fc.record({ who: fc.constant<Who>('public'), event: fc.constant('meeting:join'), payload }),
  // mistyped commands: a real type with random fields, always one unknown field (objects are strict)
  fc.record({
    who: fc.constant<Who>('delegate'), event: fc.constant('meeting:command'),
    payload: fc.record({
      meetingId, key,
      command: fc.tuple(fc.constantFrom(...COMMAND_TYPES), fc.dictionary(fc.string({ maxLength: 8 }), payload, { maxKeys: 4 }), fc.string({ maxLength: 6 }))
        .map(([type, fields, extra]) => ({ ...fields, type, [`zz_${extra}`]: 1 })),
    }),
  }),
  // well-formed but out of role: a delegate doing chair/office work
  fc.record({
    who: fc.constant<Who>('delegate'), event: fc.constant('meeting:command'),
    payload: fc.record({ meetingId: fc.constant(MEETING), key, command: fc.constantFrom(...CHAIR_OR_OFFICE_ONLY) }),
  }),
  // the screen and a public follower may do nothing at all, not even a valid command
  fc.record({
    who: fc.constantFrom<Who>('screen', 'public'), event: fc.constant('meeting:command'),
    payload: fc.record({
      meetingId: fc.constant(MEETING), key,
      command: fc.constantFrom({ type: 'checkIn', mode: 'room' }, { type: 'requestFloor' }, { type: 'giveRecordingConsent' }, ...CHAIR_OR_OFFICE_ONLY),
    }),
  }),
  // joins a public follower may not make (R-SES-4: the demo session is not public)
  fc.record({
    who: fc.constant<Who>('public'), event: fc.constant('meeting:join'),
    payload: fc.record({ protocol: fc.constantFrom(PROTOCOL_VERSION, 0, 2), meetingId, lastSeq: fc.oneof(fc.constant(null), fc.nat()) }),
  }),
);

describe('fuzz: malformed, mistyped and out-of-role messages against a running server', () => {
  let server: TestServer;
  const sockets: Record<Who, Client[]> = { delegate: [], screen: [], public: [] };

  beforeAll(async () => {
    // The rate limit is raised so every message reaches the checks behind it.
    server = await startTestServer({ rateLimit: { perSecond: 1_000_000, burst: 1_000_000 } });
    sockets.delegate = await Promise.all(delegateLinks(server.links).slice(0, 2).map((l) => login(server, l)));
    sockets.screen = [await login(server, linkFor(server.links, 'screen'))];
    sockets.public = [connect(server.url), connect(server.url)];
    await Promise.all(sockets.public.map(connected));
  });
  afterAll(async () => {
    closeAll(Object.values(sockets).flat());
    await server.stop();
  });

  it('10,000 messages: each gets a coded refusal, nothing is appended, the server stays healthy', async () => {
    const runtime = (await server.registry.get(DEMO_MEETING_ID))!;
    const before = runtime.seq;
    const codes = new Map<string, number>();
    let sent = 0;
    const BATCH = 200;
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(batch.map((m, i) => {
          const pool = sockets[m.who];
          const s = pool[i % pool.length] as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } };
          return s.timeout(20_000).emitWithAck(m.event, m.payload);
        }));
        sent += batch.length;
        for (const a of answers) {
          const code = (a as { error?: { code?: string } })?.error?.code;
          if (!code || !(VIOLATION_CODES as readonly string[]).includes(code)) return false;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        return runtime.seq === before;
      }),
      { numRuns: 50, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(runtime.seq).toBe(before);
    expect((await server.stores.events.head(DEMO_MEETING_ID)).seq).toBe(before);
    expect(Object.values(sockets).flat().every((s) => s.connected)).toBe(true);
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, db: true, status: 'ok' });
    console.log(`fuzz: ${sent} messages refused; codes ${JSON.stringify(Object.fromEntries(codes))}`);
  }, 120_000);
});
