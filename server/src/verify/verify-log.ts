import { DMK_PROFILE, decideOutcome, type Choice, type MeetingEvent, type MeetingState, type Electorate, type EventOf, type RulesProfile } from '@plenum/shared';
import type { z } from 'zod';
import type { EventLog, Snapshot, StoredRow } from '../store/event-log.ts';
import { openSqliteStores } from '../store/sqlite-store.ts';
import { GENESIS_HASH, rowHash } from '../store/hash.ts';
import { replayKindOf, type ReplayKind } from './stream-kinds.ts';
import { snapshotProblem, type SnapshotProblem } from './snapshot-check.ts';
import type { SealRefusal, SnapshotSeals } from './snapshot-seals.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../pipeline/snapshots.ts';
import { envelopeOf } from '../pipeline/stored-events.ts';

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
  /** With seals (the start check): streams checked from their sealed snapshot on, and at which seq. */
  sealed: { stream: string; seq: number }[];
  /** With seals: stored snapshots not trusted, and why; those streams were checked from their first row. */
  unsealed: { stream: string; seq: number; reason: SealRefusal | 'state' }[];
}

/** `meeting X, seq N: reason` or `stream X, seq N: reason`. */
export const describeFailure = (f: VerifyFailure): string => `${f.log === 'meeting' ? 'meeting' : 'stream'} ${f.stream}, seq ${f.seq}: ${f.reason}`;

/** What the recount needs of a vote's opening record. */
interface OpenRound { opened: Pick<EventOf<'VoteOpened'>, 'electorate' | 'decisionRule' | 'ruleId'>; ballots: Record<string, Choice> }


/** A meeting's stream is named by its id alone; a between-sessions stream `kind:id`. */
function schemaOf(stream: string): { log: 'meeting' | 'between'; name: string; schema: z.ZodType | null } {
  const colon = stream.indexOf(':');
  const schema = replayKindOf(stream)?.eventSchema ?? null;
  return colon < 0 ? { log: 'meeting', name: 'meeting', schema } : { log: 'between', name: stream.slice(0, colon), schema };
}

/** Where a stream's check starts: the first row, or the row after a sealed snapshot (its state trusted). */
interface StreamStart {
  seq: number;
  hash: string;
  at: string | null;
  rounds: Map<string, OpenRound>;
  /** The sealed snapshot's state, onto which the rows after it are folded (null: from the first row). */
  state: unknown;
}

const FIRST_ROW = (): StreamStart => ({ seq: 0, hash: GENESIS_HASH, at: null, rounds: new Map(), state: null });

/**
 * Re-read the whole log behind the server's back, through the EventLog contract (any store): for
 * every stream its seq continuity, hash chain, each event parsed against its kind's schema and
 * matching its columns; and every closed meeting vote recounted from its opening record (the
 * frozen electorate, R-VOT-5) and its VoteCast events, independently of the live path's state.
 *
 * With `seals` (the server's start check, not `npm run verify`): a stream whose stored snapshot
 * carries a seal that verifies, over its digest and the chain row's hash at its seq, is checked
 * from the row after it: the rows after it chained onto that hash, parsed, their votes recounted
 * (rounds still open at the snapshot taken from its state), and folded onto the snapshot's state.
 * The rows below it are the ones the server verified and folded when it wrote the snapshot; an
 * edit to them that keeps the chain row's hash (no re-hash) is found by `npm run verify` only.
 * Any other stream, or a snapshot without a valid seal, is checked in full, snapshot included.
 */
export async function verifyLog(log: EventLog, profile: RulesProfile = DMK_PROFILE, options: { seals?: SnapshotSeals } = {}): Promise<VerifyReport> {
  const report: VerifyReport = {
    ok: true, meetings: 0, events: 0, votesChecked: 0, betweenStreams: 0, betweenEvents: 0, failure: null, snapshotsChecked: 0, snapshots: [],
    sealed: [], unsealed: [],
  };
  for (const stream of await log.streams()) {
    const { log: which, name, schema } = schemaOf(stream);
    if (which === 'meeting') report.meetings += 1;
    else report.betweenStreams += 1;
    const kind = replayKindOf(stream);
    const snapshot = await log.latestSnapshot(stream);
    const sealedStart = options.seals && snapshot && kind ? await startAtSeal(log, stream, snapshot, kind, options.seals) : null;
    if (sealedStart && 'refused' in sealedStart) report.unsealed.push({ stream, seq: snapshot!.seq, reason: sealedStart.refused });
    const start = sealedStart && 'start' in sealedStart ? sealedStart.start : FIRST_ROW();
    const rows = await log.read(stream, start.seq);
    let prevHash = start.hash;
    let expectedSeq = start.seq + 1;
    const rounds = start.rounds;
    let lastAt = start.at;
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
    if (start.state !== null && kind) {
      // The replay of the tail: the rows after the sealed snapshot fold onto its state.
      const failure = foldProblem(kind, start.state, rows);
      if (failure) return { ...report, ok: false, failure: { log: which, stream, ...failure } };
      report.sealed.push({ stream, seq: start.seq });
      continue;
    }
    // The chain of this stream verified from its first row: its snapshot must be the fold of it.
    if (snapshot && kind) {
      report.snapshotsChecked += 1;
      const problem = snapshotProblem(stream, snapshot, kind, rows);
      if (problem) report.snapshots.push(problem);
    }
  }
  return report;
}

/** The start after a snapshot whose seal vouches for it, or why not (null: the snapshot's versions are not today's, nothing to trust). */
async function startAtSeal(
  log: EventLog, stream: string, snapshot: Snapshot, kind: ReplayKind, seals: SnapshotSeals,
): Promise<{ start: StreamStart } | { refused: SealRefusal | 'state' } | null> {
  if (snapshot.stateVersion !== kind.stateVersion || snapshot.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) return null;
  const row = (await log.read(stream, snapshot.seq - 1))[0] ?? null;
  const seal = seals.vouch(stream, snapshot, row);
  if (typeof seal === 'string') return { refused: seal };
  let state: unknown;
  try { state = JSON.parse(snapshot.stateJson); } catch { return { refused: 'state' }; }
  if (typeof state !== 'object' || state === null) return { refused: 'state' };
  return { start: { seq: seal.seq, hash: seal.hash, at: row!.at, rounds: openRoundsOf(stream, state), state } };
}

/** The meeting votes open in a (sealed) state, as the recount follows them: its electorate, rule and ballots so far. */
function openRoundsOf(stream: string, state: object): Map<string, OpenRound> {
  const rounds = new Map<string, OpenRound>();
  if (stream.includes(':')) return rounds;
  for (const v of Object.values((state as Partial<MeetingState>).votes ?? {})) {
    if (v.status !== 'open') continue;
    const ballots: Record<string, Choice> = {};
    for (const [land, b] of Object.entries(v.ballots)) ballots[land] = b.choice;
    rounds.set(v.id, { opened: { electorate: v.electorate, decisionRule: v.decisionRule, ruleId: v.ruleId }, ballots });
  }
  return rounds;
}

/** The rows (already checked) folded onto `state`; the first row that does not fold, if any. */
function foldProblem(kind: ReplayKind, state: unknown, rows: readonly StoredRow[]): { seq: number; reason: string } | null {
  let s = state;
  for (const row of rows) {
    try {
      s = kind.evolve(s, envelopeOf(kind, row).event, row.seq);
    } catch (err) {
      return { seq: row.seq, reason: `the event does not fold onto the signed snapshot's state: ${(err as Error).message}` };
    }
  }
  return null;
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
