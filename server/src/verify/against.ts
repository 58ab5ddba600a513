import { z } from 'zod';
import {
  buildResultsProtocol, DMK_PROFILE, headFingerprint, publicationOf, RECEIPTS_SCHEMA, type MeetingEvent, type MeetingState,
  type ProtocolVote, type RecordRef, type ResultsProtocolModel, type RulesProfile,
} from '@plenum/shared';
import type { EventLog, StoredRow } from '../store/event-log.ts';
import { envelopeOf } from '../pipeline/stored-events.ts';
import { MEETING_KIND } from '../meeting/kind.ts';

/**
 * F4: `npm run verify -- --against <protocol.json | receipts.json>`. A published protocol and a
 * delegate's receipts each carry fingerprints of the log as it was when they were made; here they
 * are checked against the log as it is now. A log rewritten and re-hashed, or truncated, after the
 * fact no longer has those hashes at those seqs; a protocol altered after the fact no longer
 * matches the results rebuilt from the log. Every difference is named.
 */
export interface Mismatch { where: string; reason: string }
export interface AgainstReport {
  kind: 'protocol' | 'receipts';
  meetingId: string;
  /** Votes (protocol) or receipts compared. */
  checked: number;
  record: RecordRef | null;
  mismatches: Mismatch[];
}

const PROTOCOL_SCHEMA = 'plenum.resultsProtocol/1';

const VoteDoc = z.looseObject({
  voteId: z.string(),
  outcome: z.string(),
  status: z.string(),
  explanation: z.looseObject({
    yes: z.number(), no: z.number(), abstain: z.number(), notVoted: z.number(), base: z.number(), needed: z.number(), outcome: z.string(),
  }).nullable(),
  lands: z.array(z.looseObject({ land: z.string(), choice: z.string().nullable() })),
});
const ProtocolDoc = z.looseObject({
  schema: z.literal(PROTOCOL_SCHEMA),
  meetingId: z.string().min(1),
  title: z.string(),
  date: z.string(),
  published: z.boolean(),
  withheldItems: z.number().int(),
  record: z.object({ seq: z.number().int().min(1), fingerprint: z.string() }).nullable().optional(),
  items: z.array(z.looseObject({ id: z.string(), number: z.string(), outcome: z.string(), votes: z.array(VoteDoc), proceduralVotes: z.array(VoteDoc) })),
  sessionVotes: z.array(VoteDoc),
});
const ReceiptsDoc = z.looseObject({
  schema: z.literal(RECEIPTS_SCHEMA),
  meetingId: z.string().min(1),
  participantId: z.string().nullable(),
  receipts: z.array(z.looseObject({
    key: z.string().optional(), voteId: z.string(), land: z.string(), choice: z.string(),
    seq: z.number().int().min(1), hash: z.string().optional(), fingerprint: z.string(),
  })),
});
type VoteDoc = z.infer<typeof VoteDoc>;

/** The document's kind from its `schema` field; anything else is refused with what was expected. */
export async function verifyAgainst(log: EventLog, doc: unknown, profile: RulesProfile = DMK_PROFILE): Promise<AgainstReport> {
  const schema = (doc as { schema?: unknown } | null)?.schema;
  if (schema === PROTOCOL_SCHEMA) return againstProtocol(log, parse(ProtocolDoc, doc), profile);
  if (schema === RECEIPTS_SCHEMA) return againstReceipts(log, parse(ReceiptsDoc, doc));
  throw new Error(`not a Plenum protocol (${PROTOCOL_SCHEMA}) or receipts file (${RECEIPTS_SCHEMA}): schema is ${JSON.stringify(schema ?? null)}`);
}

function parse<T>(schema: z.ZodType<T>, doc: unknown): T {
  const r = schema.safeParse(doc);
  if (!r.success) throw new Error(`the file does not have the expected shape: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The row a document names, and its fingerprint against the one the document carries. */
function rowProblem(rows: readonly StoredRow[], seq: number, fingerprint: string, hash?: string): { row: StoredRow | null; reason: string | null } {
  const row = rows[seq - 1]?.seq === seq ? rows[seq - 1]! : rows.find((r) => r.seq === seq) ?? null;
  if (!row) return { row, reason: `the log ends at seq ${rows.at(-1)?.seq ?? 0}, but this was made at seq ${seq} (rows were deleted)` };
  const inLog = headFingerprint(row.hash);
  if (inLog !== fingerprint) return { row, reason: `fingerprint ${fingerprint} as shown, ${inLog} in the log at seq ${seq} (the log was rewritten and re-hashed)` };
  if (hash !== undefined && hash !== row.hash) return { row, reason: `hash ${hash.slice(0, 16)}… as shown, ${row.hash.slice(0, 16)}… in the log at seq ${seq}` };
  return { row, reason: null };
}

async function againstProtocol(log: EventLog, doc: z.infer<typeof ProtocolDoc>, profile: RulesProfile): Promise<AgainstReport> {
  const report: AgainstReport = { kind: 'protocol', meetingId: doc.meetingId, checked: 0, record: doc.record ?? null, mismatches: [] };
  const miss = (where: string, reason: string) => report.mismatches.push({ where, reason });
  const rows = await log.read(doc.meetingId, 0);
  if (rows.length === 0) { miss(`meeting ${doc.meetingId}`, 'the log holds no events of this meeting'); return report; }
  let upTo = rows.at(-1)!.seq;
  if (!doc.record) {
    miss('record', 'the protocol carries no fingerprint (made before protocols named their log position): its results are compared with the whole log');
  } else {
    const { reason } = rowProblem(rows, doc.record.seq, doc.record.fingerprint);
    if (reason) miss(`record (seq ${doc.record.seq})`, reason);
    upTo = Math.min(upTo, doc.record.seq);
  }
  // The protocol as the log has it at that position, built by the same code that made it.
  let state = MEETING_KIND.initial() as MeetingState;
  const events: MeetingEvent[] = [];
  for (const row of rows) {
    if (row.seq > upTo) break;
    const { event } = envelopeOf(MEETING_KIND, row);
    state = MEETING_KIND.evolve(state, event, row.seq);
    events.push(event);
  }
  if (!state.session) { miss(`meeting ${doc.meetingId}`, 'the log has no session at that position'); return report; }
  const built = buildResultsProtocol(state, events, profile, doc.record ?? null);
  const model: ResultsProtocolModel = doc.published ? publicationOf(built) : built;

  if (doc.title !== model.title) miss('title', `${JSON.stringify(doc.title)} in the protocol, ${JSON.stringify(model.title)} in the log`);
  if (doc.date !== model.date) miss('date', `${doc.date} in the protocol, ${model.date} in the log`);
  if (doc.withheldItems !== model.withheldItems) miss('withheldItems', `${doc.withheldItems} in the protocol, ${model.withheldItems} in the log`);
  const logItems = new Map(model.items.map((i) => [i.id, i]));
  for (const item of doc.items) {
    const where = `${item.number} (${item.id})`;
    const mine = logItems.get(item.id);
    logItems.delete(item.id);
    if (!mine) { miss(where, 'in the protocol, not in the log'); continue; }
    if (item.outcome !== mine.outcome) miss(where, `outcome ${item.outcome} in the protocol, ${mine.outcome} in the log`);
    report.checked += compareVotes(where, [...item.proceduralVotes, ...item.votes], [...mine.proceduralVotes, ...mine.votes], miss);
  }
  for (const left of logItems.values()) miss(`${left.number} (${left.id})`, 'in the log, missing from the protocol');
  report.checked += compareVotes('session', doc.sessionVotes, model.sessionVotes, miss);
  return report;
}

const COUNTS = ['yes', 'no', 'abstain', 'notVoted', 'base', 'needed', 'outcome'] as const;

/** Each vote by id, both ways: outcome, status, the counts and every Land's choice. Returns how many were compared. */
function compareVotes(where: string, doc: readonly VoteDoc[], log: readonly ProtocolVote[], miss: (where: string, reason: string) => void): number {
  const fromLog = new Map(log.map((v) => [v.voteId, v]));
  let compared = 0;
  for (const v of doc) {
    const at = `${where}, vote ${v.voteId}`;
    const mine = fromLog.get(v.voteId);
    fromLog.delete(v.voteId);
    if (!mine) { miss(at, 'in the protocol, not in the log'); continue; }
    compared += 1;
    if (v.status !== mine.status) miss(at, `status ${v.status} in the protocol, ${mine.status} in the log`);
    if (v.outcome !== mine.outcome) miss(at, `outcome ${v.outcome} in the protocol, ${mine.outcome} in the log`);
    for (const k of COUNTS) {
      const a = v.explanation?.[k] ?? null;
      const b = mine.explanation?.[k] ?? null;
      if (a !== b) miss(at, `${k}: ${a} in the protocol, ${b} in the log`);
    }
    const lands = new Map(mine.lands.map((l) => [l.land as string, l.choice]));
    for (const l of v.lands) {
      const b = lands.has(l.land) ? lands.get(l.land)! : undefined;
      if (b === undefined) miss(at, `${l.land} voted ${l.choice} in the protocol, not in the log's electorate`);
      else if (l.choice !== b) miss(at, `${l.land}: ${l.choice ?? 'no vote'} in the protocol, ${b ?? 'no vote'} in the log`);
      lands.delete(l.land);
    }
    for (const [land, choice] of lands) miss(at, `${land} (${choice ?? 'no vote'}) in the log, missing from the protocol`);
  }
  for (const left of fromLog.values()) miss(`${where}, vote ${left.voteId}`, 'in the log, missing from the protocol');
  return compared;
}

async function againstReceipts(log: EventLog, doc: z.infer<typeof ReceiptsDoc>): Promise<AgainstReport> {
  const report: AgainstReport = { kind: 'receipts', meetingId: doc.meetingId, checked: 0, record: null, mismatches: [] };
  const rows = await log.read(doc.meetingId, 0);
  for (const [i, r] of doc.receipts.entries()) {
    const where = `receipt ${i + 1} (seq ${r.seq}${r.key ? `, key ${r.key}` : ''})`;
    report.checked += 1;
    const { row, reason } = rowProblem(rows, r.seq, r.fingerprint, r.hash);
    if (reason) { report.mismatches.push({ where, reason }); continue; }
    const event = envelopeOf(MEETING_KIND, row!).event;
    if (event.type !== 'VoteCast' || event.voteId !== r.voteId || event.land !== r.land || event.choice !== r.choice
      || (doc.participantId !== null && event.participantId !== doc.participantId)) {
      const what = event.type === 'VoteCast' ? `${event.land} ${event.choice} in vote ${event.voteId} by ${event.participantId}` : event.type;
      report.mismatches.push({ where, reason: `the receipt says ${r.land} ${r.choice} in vote ${r.voteId}; the log has ${what} at seq ${r.seq}` });
      continue;
    }
    if (r.key) {
      const problem = await keyProblem(log, doc.meetingId, r.key, row!);
      if (problem) report.mismatches.push({ where, reason: problem });
    }
  }
  return report;
}

/** The command key of a receipt: stored, answering with this row, and not chained to another row. */
async function keyProblem(log: EventLog, stream: string, key: string, row: StoredRow): Promise<string | null> {
  if (row.commandKey && row.commandKey.key !== key) return `the row at seq ${row.seq} is chained to another command key (${row.commandKey.key})`;
  const stored = await log.findIdempotency(stream, key);
  if (!stored) return 'the command key is not in the log (command_keys): the command that was acknowledged is not on record';
  let answer: { events?: { seq?: number; hash?: string }[] };
  try { answer = JSON.parse(stored.responseJson) as typeof answer; } catch { return 'the stored answer of the command key does not parse'; }
  if (!answer.events?.some((e) => e.seq === row.seq && e.hash === row.hash)) return `the stored answer of the command key does not name the row at seq ${row.seq} with its hash`;
  return null;
}
