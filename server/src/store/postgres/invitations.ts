import type { Pool, PoolClient } from 'pg';
import type { Invitation, InvitationStore, SessionStore } from '../invitation-store.ts';
import { GENESIS_HASH } from '../hash.ts';
import {
  CHAINED_INVITATION_COLUMNS, chainedInvitation, chainedInvitationOfColumns, chainedSessionOfColumns, INVITATION_STREAM, invitationChainRow,
  type ChainedInvitation, type ChainedInvitationColumns, type ChainedSession, type InvitationChainChange,
} from '../invitation-chain.ts';
import { reachable } from './errors.ts';
import { inTransaction } from './transaction.ts';

interface InvitationRow {
  id: string; meeting_id: string; role: string; participant_id: string | null; label: string; created_at: string; revoked_at: string | null;
  scope: string; redeemed_count: number; first_redeemed_at: string | null; last_redeemed_at: string | null;
}
const toInvitation = (r: InvitationRow): Invitation => ({
  id: r.id, meetingId: r.meeting_id, role: r.role as Invitation['role'], participantId: r.participant_id,
  label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at, scope: r.scope === 'conference' ? 'conference' : 'meeting',
  redemptions: r.redeemed_count, firstRedeemedAt: r.first_redeemed_at, lastRedeemedAt: r.last_redeemed_at,
});
const COLUMNS = 'i.id, i.meeting_id, i.role, i.participant_id, i.label, i.created_at, i.revoked_at, i.scope, i.redeemed_count, i.first_redeemed_at, i.last_redeemed_at';

/**
 * Invitations and sessions in PostgreSQL. Each change and its chained event are one transaction
 * under the chain's advisory lock, so two nodes changing invitations at once queue (and both count).
 */
export class PostgresInvitations implements InvitationStore, SessionStore {
  constructor(private readonly pool: Pool) {}

  /** `work` in a transaction; what it returns as a change is chained in the same transaction. */
  private changing<T>(now: string, work: (c: PoolClient) => Promise<{ result: T; change: InvitationChainChange | null }>): Promise<T> {
    return reachable(() => inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [INVITATION_STREAM]);
      const { result, change } = await work(c);
      if (change) {
        const last = (await c.query<{ seq: number; hash: string; at: string }>(
          'SELECT seq, hash, at FROM events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [INVITATION_STREAM],
        )).rows[0];
        const r = invitationChainRow(last ?? { seq: 0, hash: GENESIS_HASH }, last?.at ?? null, change, now);
        await c.query(
          'INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [r.stream, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json, r.prevHash, r.hash],
        );
      }
      return result;
    }));
  }

  private one(sql: string, params: unknown[]): Promise<Invitation | null> {
    return reachable(async () => {
      const r = (await this.pool.query<InvitationRow>(sql, params)).rows[0];
      return r ? toInvitation(r) : null;
    });
  }

  async createInvitation(inv: Invitation, tokenHash: string, sealedSecret: string | null = null) {
    await this.changing(inv.createdAt, async (c) => {
      await c.query(
        'INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at, scope, token_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)',
        [inv.id, inv.meetingId, inv.role, inv.participantId, inv.label, tokenHash, inv.createdAt, inv.scope, sealedSecret],
      );
      const stored = { ...inv, revokedAt: null, redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null };
      return { result: undefined, change: { type: 'InvitationIssued', invitation: chainedInvitation(stored, tokenHash) } };
    });
  }
  listInvitations(meetingId: string) {
    return reachable(async () => (await this.pool.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations i WHERE meeting_id = $1 ORDER BY created_at, ord`, [meetingId],
    )).rows.map(toInvitation));
  }
  invitationByTokenHash(tokenHash: string) { return this.one(`SELECT ${COLUMNS} FROM invitations i WHERE token_hash = $1`, [tokenHash]); }
  invitation(id: string) { return this.one(`SELECT ${COLUMNS} FROM invitations i WHERE id = $1`, [id]); }
  revokeInvitation(id: string, at: string) {
    return this.changing(at, async (c) => {
      const done = ((await c.query('UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) > 0;
      return { result: done, change: done ? { type: 'InvitationRevoked', id, revokedAt: at } : null };
    });
  }
  async recordRedemption(id: string, at: string) {
    // One statement: concurrent redemptions on two nodes each count (the chain's lock orders them).
    await this.changing(at, async (c) => {
      const done = ((await c.query(
        'UPDATE invitations SET redeemed_count = redeemed_count + 1, first_redeemed_at = COALESCE(first_redeemed_at, $1), last_redeemed_at = $1 WHERE id = $2',
        [at, id],
      )).rowCount ?? 0) > 0;
      return { result: undefined, change: done ? { type: 'InvitationRedeemed', id, redeemedAt: at } : null };
    });
  }
  invitationRows(): Promise<ChainedInvitation[]> {
    return reachable(async () => (await this.pool.query<ChainedInvitationColumns>(
      `SELECT ${CHAINED_INVITATION_COLUMNS} FROM invitations ORDER BY ord`,
    )).rows.map(chainedInvitationOfColumns));
  }
  sealedSecret(id: string) {
    return reachable(async () => (await this.pool.query<{ token_sealed: string | null }>('SELECT token_sealed FROM invitations WHERE id = $1', [id])).rows[0]?.token_sealed ?? null);
  }
  async createSession(idHash: string, invitationId: string, at: string) {
    await this.changing(at, async (c) => {
      await c.query('INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES ($1, $2, $3)', [idHash, invitationId, at]);
      return { result: undefined, change: { type: 'SessionStarted', session: { idHash, invitationId, createdAt: at } } };
    });
  }
  sessionInvitation(idHash: string) {
    return this.one(`SELECT ${COLUMNS} FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE s.id_hash = $1`, [idHash]);
  }
  async deleteSession(idHash: string) {
    await this.changing(new Date().toISOString(), async (c) => {
      const done = ((await c.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])).rowCount ?? 0) > 0;
      return { result: undefined, change: done ? { type: 'SessionEnded', idHash } : null };
    });
  }
  sessionRows(): Promise<ChainedSession[]> {
    return reachable(async () => (await this.pool.query<{ id_hash: string; invitation_id: string; created_at: string }>(
      'SELECT id_hash, invitation_id, created_at FROM sessions ORDER BY created_at, id_hash',
    )).rows.map(chainedSessionOfColumns));
  }
}
