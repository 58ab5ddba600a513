import Database from 'better-sqlite3';
import { DMK_PROFILE, decideOutcome, EventSchema, type Choice, type Electorate, type EventOf, type RulesProfile } from '@plenum/shared';
import { GENESIS_HASH, rowHash } from '../store/hash.ts';
import { verifyBetweenStreams, type BetweenFailure } from './verify-between.ts';

export type VerifyFailure = { log: 'meeting'; meetingId: string; seq: number; reason: string } | BetweenFailure;
export interface VerifyReport {
  ok: boolean;
  meetings: number;
  events: number;
  votesChecked: number;
  /** Between-sessions streams (circular procedures, protocol workflow, ...) and their events checked. */
  betweenStreams: number;
  betweenEvents: number;
  /** The first broken row. */
  failure: VerifyFailure | null;
}

/** `meeting X, seq N: reason` or `stream X, seq N: reason`. */
export const describeFailure = (f: VerifyFailure): string =>
  `${f.log === 'meeting' ? `meeting ${f.meetingId}` : `stream ${f.stream}`}, seq ${f.seq}: ${f.reason}`;

interface Row {
  meeting_id: string; seq: number; at: string; actor_role: string; actor_participant: string | null;
  type: string; json: string; prev_hash: string; hash: string;
}

interface OpenRound { opened: EventOf<'VoteOpened'>; ballots: Record<string, Choice> }

/**
 * Re-read the whole log behind the server's back: the hash chain and seq continuity of every
 * meeting, and every closed vote's result recounted from its opening record (the frozen
 * electorate, R-VOT-5) and its VoteCast events, independently of the live path's state. Then
 * every between-sessions stream (verify-between.ts).
 */
export function verifyDatabase(file: string, profile: RulesProfile = DMK_PROFILE): VerifyReport {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report: VerifyReport = { ok: true, meetings: 0, events: 0, votesChecked: 0, betweenStreams: 0, betweenEvents: 0, failure: null };
    const meetingIds = db.prepare('SELECT DISTINCT meeting_id AS id FROM events ORDER BY meeting_id').all() as { id: string }[];
    const rows = db.prepare('SELECT * FROM events WHERE meeting_id = ? ORDER BY seq');
    for (const { id } of meetingIds) {
      report.meetings += 1;
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      const rounds = new Map<string, OpenRound>();
      for (const r of rows.iterate(id) as Iterable<Row>) {
        const fail = (reason: string): VerifyReport => ({ ...report, ok: false, failure: { log: 'meeting', meetingId: id, seq: r.seq, reason } });
        if (r.seq !== expectedSeq) return fail(`seq ${r.seq} where ${expectedSeq} was expected`);
        if (r.prev_hash !== prevHash) return fail('prev_hash does not match the previous row');
        const hash = rowHash(prevHash, {
          meetingId: r.meeting_id, seq: r.seq, at: r.at, actorRole: r.actor_role, actorParticipant: r.actor_participant, type: r.type, json: r.json,
        });
        if (hash !== r.hash) return fail('hash does not match the row content');
        let parsed;
        try { parsed = EventSchema.safeParse(JSON.parse(r.json)); } catch { return fail('event json does not parse'); }
        if (!parsed.success) return fail('event does not match the event schema');
        const event = parsed.data;
        if (event.type !== r.type || event.at !== r.at) return fail('type or time column differs from the event');

        const problem = checkVote(event, rounds, profile);
        if (problem === 'checked') report.votesChecked += 1;
        else if (problem) return fail(problem);

        report.events += 1;
        prevHash = r.hash;
        expectedSeq += 1;
      }
    }
    const between = verifyBetweenStreams(db, report);
    return between ? { ...report, ok: false, failure: between } : report;
  } finally {
    db.close();
  }
}

/** Follow rounds through the log; on VoteClosed recount and compare. Returns a problem, 'checked', or null. */
function checkVote(event: ReturnType<typeof EventSchema.parse>, rounds: Map<string, OpenRound>, profile: RulesProfile): string | 'checked' | null {
  switch (event.type) {
    case 'VoteOpened':
      rounds.set(event.voteId, { opened: event, ballots: {} });
      return null;
    case 'VoteCast': {
      const round = rounds.get(event.voteId);
      if (!round) return `VoteCast for a vote that is not open (${event.voteId})`;
      if (!(event.land in round.opened.electorate)) return `VoteCast for ${event.land}, not in the frozen electorate`;
      round.ballots[event.land] = event.choice; // R-MEM-2: the last choice before the close counts
      return null;
    }
    case 'VoteCancelled':
      rounds.delete(event.voteId);
      return null;
    case 'VoteClosed': {
      const round = rounds.get(event.voteId);
      if (!round) return `VoteClosed for a vote that is not open (${event.voteId})`;
      rounds.delete(event.voteId);
      const own = recount(round.opened.electorate, round.ballots);
      const e = event.explanation;
      for (const k of ['yes', 'no', 'abstain', 'notVoted', 'base'] as const) {
        if (own[k] !== e[k]) return `VoteClosed ${event.voteId}: ${k} recorded ${e[k]}, recounted ${own[k]}`;
      }
      for (const land of Object.keys(round.opened.electorate)) {
        if ((event.choices[land] ?? null) !== (round.ballots[land] ?? null)) return `VoteClosed ${event.voteId}: choice of ${land} differs from its last VoteCast`;
      }
      const again = decideOutcome({
        decisionRule: round.opened.decisionRule, electorate: round.opened.electorate, ballots: round.ballots,
        quorum: e.quorum, profile, ruleId: round.opened.ruleId,
      }).explanation;
      if (again.outcome !== e.outcome || again.needed !== e.needed || again.method !== e.method) {
        return `VoteClosed ${event.voteId}: outcome ${e.outcome} (needed ${e.needed}) where the recount gives ${again.outcome} (needed ${again.needed})`;
      }
      return 'checked';
    }
    default:
      return null;
  }
}

/** Counted here, not with the shared tally: each Land of the frozen electorate once. */
function recount(electorate: Electorate, ballots: Record<string, Choice>) {
  const t = { yes: 0, no: 0, abstain: 0, notVoted: 0, base: 0 };
  for (const land of Object.keys(electorate)) {
    t.base += 1;
    const c = ballots[land];
    if (c === undefined) t.notVoted += 1;
    else t[c] += 1;
  }
  return t;
}
