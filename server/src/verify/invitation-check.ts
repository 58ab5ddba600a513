import { isDeepStrictEqual } from 'node:util';
import type { EventLog } from '../store/event-log.ts';
import type { InvitationStore, SessionStore } from '../store/invitation-store.ts';
import {
  evolveInvitationChain, initialInvitationChainState, INVITATION_STREAM, InvitationChainEvent, type ChainedInvitation,
} from '../store/invitation-chain.ts';
import type { CheckpointProblem } from './checkpoints.ts';

/** What the check reads of the stores: the two tables as stored. */
export interface InvitationTables {
  invitations: Pick<InvitationStore, 'invitationRows'>;
  sessions: Pick<SessionStore, 'sessionRows'>;
}

const describe = (r: ChainedInvitation) => `invitation ${r.id} (${r.role}${r.participantId ? ` ${r.participantId}` : ''}, "${r.label}")`;
const show = (v: unknown) => (v === null ? 'none' : JSON.stringify(v));

/**
 * The invitations and sessions tables against the fold of their chain (the chain itself is checked
 * with every other stream: seq, hashes, signed checkpoint). Every difference is a problem naming the
 * row: an invitation edited (which column, what the table says, what the chain says), deleted or
 * inserted; a session inserted, moved to another invitation, or brought back after it ended.
 * Sessions that the chain says exist but the table lacks are not reported: a deleted session only
 * logs its holder out.
 */
export async function checkInvitationTables(log: EventLog, tables: InvitationTables): Promise<CheckpointProblem[]> {
  const problems: CheckpointProblem[] = [];
  const problem = (seq: number, reason: string) => problems.push({ stream: INVITATION_STREAM, seq, reason });
  let state = initialInvitationChainState();
  for (const row of await log.read(INVITATION_STREAM, 0)) {
    let value: unknown;
    try { value = JSON.parse(row.json); } catch { value = null; }
    const parsed = InvitationChainEvent.safeParse(value);
    // A row that does not parse is the chain check's to report (verifyLog): the fold stops there.
    if (!parsed.success) return problems;
    state = evolveInvitationChain(state, parsed.data, row.seq);
  }
  const stored = new Map((await tables.invitations.invitationRows()).map((r) => [r.id, r]));
  for (const [id, { row: chained, seq }] of state.invitations) {
    const row = stored.get(id);
    if (!row) { problem(seq, `${describe(chained)} is in the chain but not in the invitations table (deleted)`); continue; }
    for (const column of Object.keys(chained) as (keyof ChainedInvitation)[]) {
      if (!isDeepStrictEqual(row[column], chained[column])) {
        problem(seq, `${describe(chained)}: ${column} is ${show(row[column])} in the invitations table, ${show(chained[column])} in the chain (edited)`);
      }
    }
  }
  for (const row of stored.values()) {
    if (!state.invitations.has(row.id)) problem(0, `${describe(row)} is in the invitations table but not in the chain (inserted)`);
  }
  for (const session of await tables.sessions.sessionRows()) {
    const chained = state.sessions.get(session.idHash);
    const name = `session ${session.idHash.slice(0, 12)}… of invitation ${session.invitationId}`;
    if (!chained) problem(0, `${name} is in the sessions table but not among the chain's open sessions (inserted, or ended and put back)`);
    else if (!isDeepStrictEqual(chained.row, session)) {
      problem(chained.seq, `${name}: the chain has it for invitation ${chained.row.invitationId} since ${chained.row.createdAt} (edited)`);
    }
  }
  return problems;
}
