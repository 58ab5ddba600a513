import { z } from 'zod';
import type { ChainHead, StoredRow } from './event-log.ts';
import { chainRows } from './hash.ts';

/**
 * The invitations and cookie sessions are tables the server reads on every request, but who may do
 * what rests on them: an edited role or participant, a revoked invitation un-revoked, a swapped
 * secret hash or an inserted session would give someone rights nobody granted. So every change to
 * them is also written, in the same transaction, as an event of this chained stream (in the events
 * table, hashed like every other stream, its head signed into the checkpoints). The tables must be
 * the fold of this stream; `verify/invitation-check.ts` compares them row by row.
 *
 * Not chained: the sealed secret (`token_sealed`, useless without its key and checked against
 * `token_hash` before it is shown) and nothing else.
 */
export const INVITATION_STREAM = 'invitations:all';

/** An invitation row as the chain records it (every column but the sealed secret). */
export const ChainedInvitation = z.strictObject({
  id: z.string(), meetingId: z.string(), role: z.string(), participantId: z.string().nullable(), label: z.string(),
  tokenHash: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(), scope: z.string(),
  redemptions: z.number().int(), firstRedeemedAt: z.string().nullable(), lastRedeemedAt: z.string().nullable(),
});
export type ChainedInvitation = z.infer<typeof ChainedInvitation>;
/** A cookie session row: the hash of its id, the invitation it stands for, when it began. */
export const ChainedSession = z.strictObject({ idHash: z.string(), invitationId: z.string(), createdAt: z.string() });
export type ChainedSession = z.infer<typeof ChainedSession>;

const at = { at: z.string() };
export const InvitationChainEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('InvitationIssued'), ...at, invitation: ChainedInvitation }),
  z.strictObject({ type: z.literal('InvitationRevoked'), ...at, id: z.string(), revokedAt: z.string() }),
  z.strictObject({ type: z.literal('InvitationRedeemed'), ...at, id: z.string(), redeemedAt: z.string() }),
  z.strictObject({ type: z.literal('SessionStarted'), ...at, session: ChainedSession }),
  z.strictObject({ type: z.literal('SessionEnded'), ...at, idHash: z.string() }),
  // Written once by the migration that introduced the chain: the tables as they were then.
  z.strictObject({ type: z.literal('InvitationsCarried'), ...at, invitations: z.array(ChainedInvitation), sessions: z.array(ChainedSession) }),
]);
export type InvitationChainEvent = z.infer<typeof InvitationChainEvent>;
/** An event before the chain gives it its time. */
export type InvitationChainChange = InvitationChainEvent extends infer E ? E extends InvitationChainEvent ? Omit<E, 'at'> : never : never;

/** What the tables must hold: every invitation, and the sessions not ended; each with the seq of the last event about it. */
export interface InvitationChainState {
  invitations: Map<string, { row: ChainedInvitation; seq: number }>;
  sessions: Map<string, { row: ChainedSession; seq: number }>;
}

export const initialInvitationChainState = (): InvitationChainState => ({ invitations: new Map(), sessions: new Map() });

export function evolveInvitationChain(state: InvitationChainState, e: InvitationChainEvent, seq: number): InvitationChainState {
  const change = (id: string, edit: (row: ChainedInvitation) => ChainedInvitation) => {
    const known = state.invitations.get(id);
    if (known) state.invitations.set(id, { row: edit(known.row), seq });
  };
  switch (e.type) {
    case 'InvitationIssued': state.invitations.set(e.invitation.id, { row: e.invitation, seq }); break;
    case 'InvitationRevoked': change(e.id, (r) => ({ ...r, revokedAt: r.revokedAt ?? e.revokedAt })); break;
    case 'InvitationRedeemed':
      change(e.id, (r) => ({ ...r, redemptions: r.redemptions + 1, firstRedeemedAt: r.firstRedeemedAt ?? e.redeemedAt, lastRedeemedAt: e.redeemedAt }));
      break;
    case 'SessionStarted': state.sessions.set(e.session.idHash, { row: e.session, seq }); break;
    case 'SessionEnded': state.sessions.delete(e.idHash); break;
    case 'InvitationsCarried':
      for (const row of e.invitations) state.invitations.set(row.id, { row, seq });
      for (const row of e.sessions) state.sessions.set(row.idHash, { row, seq });
      break;
  }
  return state;
}

/**
 * The chained row of one change after `head`. Its time is `now`, or the previous row's when the
 * clock (or another node's) is behind it: the stream's times only go forward, as every stream's do.
 */
export function invitationChainRow(head: ChainHead, lastAt: string | null, change: InvitationChainChange, now: string): StoredRow {
  const time = lastAt !== null && Date.parse(lastAt) > Date.parse(now) ? lastAt : now;
  return chainRows(INVITATION_STREAM, head, [{ ...change, at: time } as InvitationChainEvent], { role: 'system', participantId: null })[0]!;
}

/** The chained form of an invitation as the stores write it. */
export const chainedInvitation = (inv: {
  id: string; meetingId: string; role: string; participantId: string | null; label: string; createdAt: string; revokedAt: string | null;
  scope: string; redemptions: number; firstRedeemedAt: string | null; lastRedeemedAt: string | null;
}, tokenHash: string): ChainedInvitation => ({
  id: inv.id, meetingId: inv.meetingId, role: inv.role, participantId: inv.participantId, label: inv.label, tokenHash,
  createdAt: inv.createdAt, revokedAt: inv.revokedAt, scope: inv.scope,
  redemptions: inv.redemptions, firstRedeemedAt: inv.firstRedeemedAt, lastRedeemedAt: inv.lastRedeemedAt,
});

/**
 * For the migration that introduced the chain: one event holding the tables as they are (nothing
 * when they are empty). From then on every change is chained; what came before is vouched for by
 * the migration alone.
 */
export function carriedRow(invitations: ChainedInvitation[], sessions: ChainedSession[], head: ChainHead, lastAt: string | null, now: string): StoredRow | null {
  if (invitations.length === 0 && sessions.length === 0) return null;
  return invitationChainRow(head, lastAt, { type: 'InvitationsCarried', invitations, sessions }, now);
}

/** The columns of an invitations row the chain covers, as both databases name them. */
export const CHAINED_INVITATION_COLUMNS = 'id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at, scope, redeemed_count, first_redeemed_at, last_redeemed_at';
export interface ChainedInvitationColumns {
  id: string; meeting_id: string; role: string; participant_id: string | null; label: string; token_hash: string; created_at: string;
  revoked_at: string | null; scope: string; redeemed_count: number; first_redeemed_at: string | null; last_redeemed_at: string | null;
}
export const chainedInvitationOfColumns = (r: ChainedInvitationColumns): ChainedInvitation => chainedInvitation({
  id: r.id, meetingId: r.meeting_id, role: r.role, participantId: r.participant_id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at,
  scope: r.scope, redemptions: r.redeemed_count, firstRedeemedAt: r.first_redeemed_at, lastRedeemedAt: r.last_redeemed_at,
}, r.token_hash);
/** A sessions row as both databases name its columns. */
export const chainedSessionOfColumns = (r: { id_hash: string; invitation_id: string; created_at: string }): ChainedSession => (
  { idHash: r.id_hash, invitationId: r.invitation_id, createdAt: r.created_at });
