import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  COMMAND_TYPES, DMK_PROFILE, EventSchema, decide, electorateFor, evolve, landsParticipantMayCast, quorumStatus, yesNeeded,
  type Actor, type MeetingEvent, type MeetingState, type RulesProfile,
} from '../src/index.ts';
import { chair, landCodes, member, office, openSessionWith, scheduledSession, system, type Scenario } from './support/scenario.ts';

/** fast-check runs per property: at least 200, so that rare combinations of attendance and choices come up. */
const RUNS = 200;
const LANDS = landCodes();
const CHOICE = fc.constantFrom('yes', 'no', 'abstain');

/**
 * R-VOT-2 reference by rational comparison only: r = round_half_up(n/d × base) is the integer
 * with (2r − 1)·d ≤ 2·n·base < (2r + 1)·d. Found by search, no division, no Math.round.
 */
function referenceYesNeeded(base: number, n: number, d: number): number {
  for (let r = 0; r <= 2 * base + 1; r++) if ((2 * r - 1) * d <= 2 * n * base && 2 * n * base < (2 * r + 1) * d) return r;
  throw new Error('no r');
}

describe(`properties (${RUNS} runs each)`, () => {
  it('R-VOT-2: yesNeeded equals the rational reference for every base 0..16 at two thirds', () => {
    for (let base = 0; base <= 16; base++) expect(yesNeeded(base, DMK_PROFILE)).toBe(referenceYesNeeded(base, 2, 3));
  });

  it(`R-VOT-2: yesNeeded equals the rational reference for other fractions and bases (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 200 }), (a, b, base) => {
      const [n, d] = a <= b ? [a, b] : [b, a];
      expect(yesNeeded(base, { qualifiedMajority: { numerator: n, denominator: d } })).toBe(referenceYesNeeded(base, n, d));
    }), { numRuns: RUNS });
  });

  const base12 = openSessionWith(12);
  it(`R-VOT-2 / R-MEM-2: the outcome does not depend on the order in which Länder vote (${RUNS} runs)`, () => {
    const landsPresent = LANDS.slice(0, 12);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...landsPresent), CHOICE), { maxLength: 30 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      (casts, seed) => {
        const run = (order: typeof casts) => {
          const s = base12.fork();
          const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
          for (const [land, choice] of order) s.cast(voteId, land, choice);
          return s.closeVote(voteId);
        };
        // Reorder across Länder but keep each Land's own sequence (its last choice counts).
        const perLand = new Map<string, typeof casts>();
        for (const c of casts) perLand.set(c[0], [...(perLand.get(c[0]) ?? []), c]);
        const queues = [...perLand.values()];
        const shuffled: typeof casts = [];
        let x = seed;
        while (queues.some((q) => q.length)) {
          const live = queues.filter((q) => q.length);
          x = (x * 1103515245 + 12345) % 2 ** 31;
          shuffled.push(live[x % live.length].shift()!);
        }
        const a = run(casts);
        const b = run(shuffled);
        expect(b.explanation).toEqual(a.explanation);
        expect(b.choices).toEqual(a.choices);
      },
    ), { numRuns: RUNS });
  });

  const scheduled = scheduledSession();
  it(`R-MEM-2 / R-MEM-4: a Land is never counted twice, own vote and transfers together (${RUNS} runs)`, () => {
    fc.assert(fc.property(
      fc.subarray(LANDS, { minLength: 11 }),
      fc.array(fc.record({ from: fc.constantFrom(...LANDS), to: fc.constantFrom(...LANDS), items: fc.boolean() }), { maxLength: 12 }),
      fc.array(CHOICE, { minLength: 16, maxLength: 16 }),
      fc.boolean(),
      (present, transfers, choices, chains) => {
        const profile: RulesProfile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferChainsAllowed: chains } };
        const s = scheduled.fork();
        s.profile = profile;
        s.checkInLands(present);
        s.openSession();
        for (const t of transfers) {
          const r = s.attempt({ type: 'transferVote', from: t.from, to: t.to, scope: t.items ? { kind: 'items', itemIds: ['item-proposal'] } : { kind: 'untilRevoked' } }, system);
          if (r.ok) s.apply(r.events);
        }
        // R-VOT-3: Länder whose vote another present Land holds do not count for quorum, so the
        // transfers may leave fewer than 11: then the vote cannot open, and that is all to check.
        const quorum = quorumStatus(s.state, profile, 'item-proposal');
        const opened = s.attempt({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal' } }, chair);
        expect(opened.ok).toBe(quorum.met);
        if (!opened.ok) return;
        s.apply(opened.events);
        const voteId = s.state.openVoteId!;
        const vote = s.state.votes[voteId];
        const electorateLands = Object.keys(vote.electorate);
        expect(electorateLands.length).toBeLessThanOrEqual(16);
        expect(electorateLands.length).toBeGreaterThanOrEqual(quorum.present);
        for (const { castBy } of Object.values(vote.electorate)) expect(present).toContain(castBy);
        // every present representative casts everything it may, with a random choice
        for (const land of present) {
          for (const held of landsParticipantMayCast(s.state, s.state.votes[voteId], `m-${land}`)) {
            s.cast(voteId, held, choices[LANDS.indexOf(held)], member(land));
          }
        }
        const { explanation, choices: final } = s.closeVote(voteId);
        expect(explanation.yes + explanation.no + explanation.abstain + explanation.notVoted).toBe(explanation.base);
        expect(explanation.yes + explanation.no + explanation.abstain).toBeLessThanOrEqual(explanation.base);
        expect(explanation.base).toBe(electorateLands.length);
        expect(Object.keys(final).sort()).toEqual([...electorateLands].sort());
        expect(explanation.notVoted).toBe(0);
      },
    ), { numRuns: RUNS });
  });

  it(`R-VOT-3: quorum is monotone in attendance (${RUNS} runs)`, () => {
    const people = Object.keys(scheduled.state.participants);
    fc.assert(fc.property(fc.subarray(people), fc.subarray(people), fc.boolean(), (a, extra, counting) => {
      const profile: RulesProfile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferredCountsForQuorum: counting } };
      const at = '2024-04-19T10:00:00.000Z';
      const checkIn = (st: MeetingState, ids: string[]) => ids.reduce((acc, id) => evolve(acc, {
        type: 'ParticipantCheckedIn', at, by: { role: 'system', participantId: null }, participantId: id, mode: 'room', via: null,
      }), st);
      const small = checkIn(scheduled.state, a);
      const large = checkIn(small, extra);
      const qs = quorumStatus(small, profile);
      const ql = quorumStatus(large, profile);
      expect(qs.present).toBeLessThanOrEqual(ql.present);
      if (qs.met) expect(ql.met).toBe(true);
    }), { numRuns: RUNS });
  });
});

// ── random command sequences ──────────────────────────────────────────────────────────────

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
const participantIds = [...LANDS.flatMap((l) => [`m-${l}`, `d-${l}`]), 'chair', 't-1', 'g-1', 'nobody'];
const itemIds = ['item-proposal', 'item-report', 'item-bundesrat', 'item-1', 'item-2', 'nope'];
const voteIds = [...ids('vote', 40), 'nope'];
const transferIds = [...ids('transfer', 40), 'nope'];
const landArb = fc.constantFrom(...LANDS, 'XX');

const motionArb = fc.oneof(
  fc.record({ kind: fc.constant('resolution'), itemId: fc.constantFrom(...itemIds), paragraph: fc.constantFrom(null, '1', '2', '9') }),
  fc.record({ kind: fc.constant('admitShortNotice'), itemId: fc.constantFrom(...itemIds) }),
  fc.record({ kind: fc.constant('bundesratProcedure'), itemId: fc.constantFrom(...itemIds) }),
  fc.record({ kind: fc.constant('setPublic'), public: fc.boolean() }),
);
const item = { number: '9', title: 'Kurzfristig', kind: 'proposal', rapporteurs: ['BW'], paragraphs: [{ number: '1', text: 'Text' }] };
const commandArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('castVote'), voteId: fc.constantFrom(...voteIds), land: landArb, choice: CHOICE }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('openVote'), motion: motionArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('closeVote', 'cancelVote'), voteId: fc.constantFrom(...voteIds) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('checkIn'), mode: fc.constantFrom('room', 'remote'), participantId: fc.constantFrom(...participantIds) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('checkOut'), participantId: fc.constantFrom(...participantIds) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('transferVote'), to: landArb, from: landArb, scope: fc.oneof(fc.constant({ kind: 'untilRevoked' }), fc.record({ kind: fc.constant('items'), itemIds: fc.subarray(itemIds, { minLength: 1 }) })) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('revokeTransfer'), transferId: fc.constantFrom(...transferIds) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('addAgendaItem'), item: fc.constant(item), shortNotice: fc.boolean(), itemId: fc.constantFrom('item-1', 'item-2') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('editAgendaItem'), itemId: fc.constantFrom(...itemIds), item: fc.record({ title: fc.constantFrom('A', 'B') }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('removeAgendaItem'), itemId: fc.constantFrom(...itemIds) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('nameTemporaryDeputy'), land: landArb, name: fc.constant('T'), participantId: fc.constant('t-1') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('addDeclaration'), itemId: fc.constantFrom(...itemIds), text: fc.constant('Erklärung') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom(...COMMAND_TYPES) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('giveRecordingConsent', 'withdrawRecordingConsent', 'startRecording', 'stopRecording', 'requestFloor', 'giveFloor', 'endFloor', 'openSession', 'closeSession', 'noteReport') }) },
  { weight: 1, arbitrary: fc.anything() },
);
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant(chair), fc.constant(office), fc.constant(system),
  fc.record({ role: fc.constantFrom('delegate', 'guest', 'staff', 'screen', 'public') as fc.Arbitrary<Actor['role']>, participantId: fc.constantFrom(...participantIds, null) }),
);

function checkInvariants(state: MeetingState, profile: RulesProfile): void {
  const open = Object.values(state.votes).filter((v) => v.status === 'open');
  expect(open.length).toBeLessThanOrEqual(1);
  expect(state.openVoteId).toBe(open[0]?.id ?? null);
  for (const v of Object.values(state.votes)) {
    for (const [land, ballot] of Object.entries(v.ballots)) {
      expect(v.electorate[land], `ballot of ${land} outside the electorate`).toBeDefined();
      expect(ballot.castBy).toBe(v.electorate[land].castBy);
    }
    const castBy = Object.keys(v.electorate);
    expect(new Set(castBy).size).toBe(castBy.length);
    expect(castBy.every((l) => profile.lands.some((x) => x.code === l))).toBe(true);
    if (v.explanation) expect(v.explanation.yes + v.explanation.no + v.explanation.abstain + v.explanation.notVoted).toBe(v.explanation.base);
  }
  const transfers = state.transfers.filter((t) => t.revokedAt === null);
  if (!profile.interpretations.transferChainsAllowed) {
    for (const t of transfers) expect(transfers.some((u) => u.from === t.to && u.scope.kind === 'untilRevoked' && t.scope.kind === 'untilRevoked')).toBe(false);
  }
}

function runSequence(start: Scenario, steps: [unknown, Actor][]): void {
  let state = start.state;
  let n = 0;
  for (const [command, actor] of steps) {
    const result = decide(state, command, { now: `2024-04-19T10:${String(n % 60).padStart(2, '0')}:00.000Z`, actor, newId: (p) => `${p}-${++n}`, profile: start.profile });
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) {
      expect(result.code).not.toBe('internal.error');
      continue;
    }
    for (const e of result.events) {
      expect(EventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
      state = evolve(state, e as MeetingEvent);
    }
    checkInvariants(state, start.profile);
  }
}

describe(`random command sequences (${RUNS} runs)`, () => {
  const start = openSessionWith(11);
  it(`decide never throws, emits only valid events and keeps the invariants (${RUNS} runs)`, () => {
    fc.assert(fc.property(fc.array(fc.tuple(commandArb, actorArb), { maxLength: 60 }), (steps) => runSequence(start, steps)), { numRuns: RUNS });
  });
  it(`… also with transfer chains allowed and the base recomputed at close (${RUNS} runs)`, () => {
    const profile: RulesProfile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferChainsAllowed: true, baseFrozenAtOpen: false, transferredCountsForQuorum: true } };
    const s = start.fork();
    s.profile = profile;
    fc.assert(fc.property(fc.array(fc.tuple(commandArb, actorArb), { maxLength: 60 }), (steps) => runSequence(s, steps)), { numRuns: RUNS });
  });
  it('electorateFor lists each Land at most once and only Länder of the profile', () => {
    const e = electorateFor(start.state, { kind: 'setPublic', public: true }, DMK_PROFILE);
    expect(Object.keys(e)).toEqual(LANDS.slice(0, 11));
  });
});
