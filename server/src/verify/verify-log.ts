import { DMK_PROFILE, decideOutcome, type Choice, type MeetingEvent, type Electorate, type EventOf, type RulesProfile } from '@plenum/shared';
import type { z } from 'zod';
import type { EventLog, StoredRow } from '../store/event-log.ts';
import { openSqliteStores } from '../store/sqlite-store.ts';
import { GENESIS_HASH, rowHash } from '../store/hash.ts';
import { replayKindOf } from './stream-kinds.ts';
import { snapshotProblem, type SnapshotProblem } from './snapshot-check.ts';

export interface VerifyFailure { log: 'meeting' | 'between'; stream: string; seq: number; reason: string }
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
  /** Snapshots checked against a replay of their stream, and those that differ (F4: an edited `snapshots.state_json`). */
  snapshotsChecked: number;
  snapshots: SnapshotProblem[];
}

/** `meeting X, seq N: reason` or `stream X, seq N: reason`. */
export const describeFailure = (f: VerifyFailure): string => `${f.log === 'meeting' ? 'meeting' : 'stream'} ${f.stream}, seq ${f.seq}: ${f.reason}`;

interface OpenRound { opened: EventOf<'VoteOpened'>; ballots: Record<string, Choice> }


/** A meeting's stream is named by its id alone; a between-sessions stream `kind:id`. */
function schemaOf(stream: string): { log: 'meeting' | 'between'; name: string; schema: z.ZodType | null } {
  const colon = stream.indexOf(':');
  const schema = replayKindOf(stream)?.eventSchema ?? null;
  return colon < 0 ? { log: 'meeting', name: 'meeting', schema } : { log: 'between', name: stream.slice(0, colon), schema };
}

/**
 * Re-read the whole log behind the server's back, through the EventLog contract (any store): for
 * every stream its seq continuity, hash chain, each event parsed against its kind's schema and
 * matching its columns; and every closed meeting vote recounted from its opening record (the
 * frozen electorate, R-VOT-5) and its VoteCast events, independently of the live path's state.
 */
export async function verifyLog(log: EventLog, profile: RulesProfile = DMK_PROFILE): Promise<VerifyReport> {
  const report: VerifyReport = {
    ok: true, meetings: 0, events: 0, votesChecked: 0, betweenStreams: 0, betweenEvents: 0, failure: null, snapshotsChecked: 0, snapshots: [],
  };
  for (const stream of await log.streams()) {
    const { log: which, name, schema } = schemaOf(stream);
    if (which === 'meeting') report.meetings += 1;
    else report.betweenStreams += 1;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    const rounds = new Map<string, OpenRound>();
    let lastAt: string | null = null;
    const rows = await log.read(stream, 0);
    for (const r of rows) {
      const backwards = lastAt !== null && Date.parse(r.at) < Date.parse(lastAt) ? `time ${r.at} is earlier than the previous event's ${lastAt}` : null;
      const checked = rowProblem(r, prevHash, expectedSeq, name, schema, rounds, profile);
      const problem = checked === null || checked === 'checked' ? backwards ?? checked : checked;
      if (problem !== null && problem !== 'checked') return { ...report, ok: false, failure: { log: which, stream, seq: r.seq, reason: problem } };
      if (problem === 'checked') report.votesChecked += 1;
      if (which === 'meeting') report.events += 1;
      else report.betweenEvents += 1;
      prevHash = r.hash;
      lastAt = r.at;
      expectedSeq += 1;
    }
    // The chain of this stream verified: its snapshot must be the fold of it.
    const snapshot = await log.latestSnapshot(stream);
    const kind = replayKindOf(stream);
    if (snapshot && kind) {
      report.snapshotsChecked += 1;
      const problem = snapshotProblem(stream, snapshot, kind, rows);
      if (problem) report.snapshots.push(problem);
    }
  }
  return report;
}

/** Verify the SQLite file of a data folder (opening it applies pending migrations first). */
export async function verifyDatabase(file: string, profile: RulesProfile = DMK_PROFILE): Promise<VerifyReport> {
  const stores = openSqliteStores(file);
  try {
    return await verifyLog(stores.events, profile);
  } finally {
    await stores.close();
  }
}

function rowProblem(
  r: StoredRow, prevHash: string, expectedSeq: number, kind: string, schema: z.ZodType | null, rounds: Map<string, OpenRound>, profile: RulesProfile,
): string | 'checked' | null {
  if (r.seq !== expectedSeq) return `seq ${r.seq} where ${expectedSeq} was expected`;
  if (r.prevHash !== prevHash) return 'prev_hash does not match the previous row';
  if (rowHash(prevHash, r) !== r.hash) {
    return `hash does not match the row content${r.commandKey ? ` or its command key ${r.commandKey.key} (command_keys)` : ' (or a command key chained to it was changed or removed)'}`;
  }
  let value: unknown;
  try { value = JSON.parse(r.json); } catch { return 'event json does not parse'; }
  if (!schema) return `unknown stream kind ${kind}`;
  const parsed = schema.safeParse(value);
  if (!parsed.success) return `event does not match the ${kind} event schema`;
  const event = parsed.data as { type: string; at: string; by?: { role: string; participantId: string | null } };
  if (event.type !== r.type || event.at !== r.at) return 'type or time column differs from the event';
  if (event.by && (event.by.role !== r.actorRole || (event.by.participantId ?? null) !== r.actorParticipant)) return 'actor columns differ from the event';
  return kind === 'meeting' ? checkVote(parsed.data as MeetingEvent, rounds, profile) : null;
}

/** Follow rounds through the log; on VoteClosed recount and compare. Returns a problem, 'checked', or null. */
function checkVote(event: MeetingEvent, rounds: Map<string, OpenRound>, profile: RulesProfile): string | 'checked' | null {
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
