import type Database from 'better-sqlite3';
import type { Invitation, InvitationStore, SessionStore } from '../invitation-store.ts';

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

export class SqliteInvitations implements InvitationStore, SessionStore {
  private readonly st;
  constructor(db: Database.Database) {
    this.st = {
      create: db.prepare('INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at, scope, token_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)'),
      list: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE meeting_id = ? ORDER BY created_at, rowid`),
      byHash: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE token_hash = ?`),
      byId: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE id = ?`),
      revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      redeemed: db.prepare('UPDATE invitations SET redeemed_count = redeemed_count + 1, first_redeemed_at = COALESCE(first_redeemed_at, ?), last_redeemed_at = ? WHERE id = ?'),
      sealed: db.prepare<[string], { token_sealed: string | null }>('SELECT token_sealed FROM invitations WHERE id = ?'),
      createSession: db.prepare('INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES (?, ?, ?)'),
      sessionInv: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE s.id_hash = ?`),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    };
  }
  async createInvitation(inv: Invitation, tokenHash: string, sealedSecret: string | null = null) {
    this.st.create.run(inv.id, inv.meetingId, inv.role, inv.participantId, inv.label, tokenHash, inv.createdAt, inv.scope, sealedSecret);
  }
  async listInvitations(meetingId: string) { return this.st.list.all(meetingId).map(toInvitation); }
  async invitationByTokenHash(tokenHash: string) { const r = this.st.byHash.get(tokenHash); return r ? toInvitation(r) : null; }
  async invitation(id: string) { const r = this.st.byId.get(id); return r ? toInvitation(r) : null; }
  async revokeInvitation(id: string, at: string) { return this.st.revoke.run(at, id).changes > 0; }
  async recordRedemption(id: string, at: string) { this.st.redeemed.run(at, at, id); }
  async sealedSecret(id: string) { return this.st.sealed.get(id)?.token_sealed ?? null; }
  async createSession(idHash: string, invitationId: string, at: string) { this.st.createSession.run(idHash, invitationId, at); }
  async sessionInvitation(idHash: string) { const r = this.st.sessionInv.get(idHash); return r ? toInvitation(r) : null; }
  async deleteSession(idHash: string) { this.st.deleteSession.run(idHash); }
}
