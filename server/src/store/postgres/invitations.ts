import type { Pool } from 'pg';
import type { Invitation, InvitationStore, SessionStore } from '../invitation-store.ts';
import { reachable } from './errors.ts';

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

export class PostgresInvitations implements InvitationStore, SessionStore {
  constructor(private readonly pool: Pool) {}

  private one(sql: string, params: unknown[]): Promise<Invitation | null> {
    return reachable(async () => {
      const r = (await this.pool.query<InvitationRow>(sql, params)).rows[0];
      return r ? toInvitation(r) : null;
    });
  }

  async createInvitation(inv: Invitation, tokenHash: string, sealedSecret: string | null = null) {
    await reachable(() => this.pool.query(
      'INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at, scope, token_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)',
      [inv.id, inv.meetingId, inv.role, inv.participantId, inv.label, tokenHash, inv.createdAt, inv.scope, sealedSecret],
    ));
  }
  listInvitations(meetingId: string) {
    return reachable(async () => (await this.pool.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations i WHERE meeting_id = $1 ORDER BY created_at, ord`, [meetingId],
    )).rows.map(toInvitation));
  }
  invitationByTokenHash(tokenHash: string) { return this.one(`SELECT ${COLUMNS} FROM invitations i WHERE token_hash = $1`, [tokenHash]); }
  invitation(id: string) { return this.one(`SELECT ${COLUMNS} FROM invitations i WHERE id = $1`, [id]); }
  revokeInvitation(id: string, at: string) {
    return reachable(async () => ((await this.pool.query('UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) > 0);
  }
  async recordRedemption(id: string, at: string) {
    // One statement: concurrent redemptions on two nodes each count (the row lock orders them).
    await reachable(() => this.pool.query(
      'UPDATE invitations SET redeemed_count = redeemed_count + 1, first_redeemed_at = COALESCE(first_redeemed_at, $1), last_redeemed_at = $1 WHERE id = $2',
      [at, id],
    ));
  }
  sealedSecret(id: string) {
    return reachable(async () => (await this.pool.query<{ token_sealed: string | null }>('SELECT token_sealed FROM invitations WHERE id = $1', [id])).rows[0]?.token_sealed ?? null);
  }
  async createSession(idHash: string, invitationId: string, at: string) {
    await reachable(() => this.pool.query('INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES ($1, $2, $3)', [idHash, invitationId, at]));
  }
  sessionInvitation(idHash: string) {
    return this.one(`SELECT ${COLUMNS} FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE s.id_hash = $1`, [idHash]);
  }
  async deleteSession(idHash: string) { await reachable(() => this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash])); }
}
