import type Database from 'better-sqlite3';
import type { Invitation, InvitationStore, SessionStore } from '../invitation-store.ts';
import { GENESIS_HASH } from '../hash.ts';
import {
  CHAINED_INVITATION_COLUMNS, chainedInvitation, chainedInvitationOfColumns, chainedSessionOfColumns, INVITATION_STREAM, invitationChainRow,
  type ChainedInvitation, type ChainedInvitationColumns, type ChainedSession, type InvitationChainChange,
} from '../invitation-chain.ts';

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

/** Invitations and sessions in SQLite; each change and its chained event in one transaction. */
export class SqliteInvitations implements InvitationStore, SessionStore {
  private readonly st;
  private readonly inTransaction: <T>(work: () => T) => T;
  constructor(db: Database.Database) {
    this.st = {
      create: db.prepare('INSERT INTO invitations (id, meeting_id, role, participant_id, label, token_hash, created_at, revoked_at, scope, token_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)'),
      list: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE meeting_id = ? ORDER BY created_at, rowid`),
      byHash: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE token_hash = ?`),
      byId: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations i WHERE id = ?`),
      revoke: db.prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      redeemed: db.prepare('UPDATE invitations SET redeemed_count = redeemed_count + 1, first_redeemed_at = COALESCE(first_redeemed_at, ?), last_redeemed_at = ? WHERE id = ?'),
      sealed: db.prepare<[string], { token_sealed: string | null }>('SELECT token_sealed FROM invitations WHERE id = ?'),
      all: db.prepare<[], ChainedInvitationColumns>(`SELECT ${CHAINED_INVITATION_COLUMNS} FROM invitations ORDER BY rowid`),
      createSession: db.prepare('INSERT INTO sessions (id_hash, invitation_id, created_at) VALUES (?, ?, ?)'),
      sessionInv: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM sessions s JOIN invitations i ON i.id = s.invitation_id WHERE s.id_hash = ?`),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      allSessions: db.prepare<[], { id_hash: string; invitation_id: string; created_at: string }>('SELECT id_hash, invitation_id, created_at FROM sessions ORDER BY rowid'),
      chainHead: db.prepare<[string], { seq: number; hash: string; at: string }>('SELECT seq, hash, at FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
      insertEvent: db.prepare('INSERT INTO events (stream, seq, at, actor_role, actor_participant, type, json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    this.inTransaction = (work) => db.transaction(work)();
  }

  /** The change as the next row of the invitation chain (inside the caller's transaction). */
  private chain(change: InvitationChainChange, now: string) {
    const last = this.st.chainHead.get(INVITATION_STREAM);
    const r = invitationChainRow(last ?? { seq: 0, hash: GENESIS_HASH }, last?.at ?? null, change, now);
    this.st.insertEvent.run(r.stream, r.seq, r.at, r.actorRole, r.actorParticipant, r.type, r.json, r.prevHash, r.hash);
  }

  async createInvitation(inv: Invitation, tokenHash: string, sealedSecret: string | null = null) {
    this.inTransaction(() => {
      this.st.create.run(inv.id, inv.meetingId, inv.role, inv.participantId, inv.label, tokenHash, inv.createdAt, inv.scope, sealedSecret);
      const stored = { ...inv, revokedAt: null, redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null };
      this.chain({ type: 'InvitationIssued', invitation: chainedInvitation(stored, tokenHash) }, inv.createdAt);
    });
  }
  async listInvitations(meetingId: string) { return this.st.list.all(meetingId).map(toInvitation); }
  async invitationByTokenHash(tokenHash: string) { const r = this.st.byHash.get(tokenHash); return r ? toInvitation(r) : null; }
  async invitation(id: string) { const r = this.st.byId.get(id); return r ? toInvitation(r) : null; }
  async revokeInvitation(id: string, at: string) {
    return this.inTransaction(() => {
      if (this.st.revoke.run(at, id).changes === 0) return false;
      this.chain({ type: 'InvitationRevoked', id, revokedAt: at }, at);
      return true;
    });
  }
  async recordRedemption(id: string, at: string) {
    this.inTransaction(() => {
      if (this.st.redeemed.run(at, at, id).changes > 0) this.chain({ type: 'InvitationRedeemed', id, redeemedAt: at }, at);
    });
  }
  async sealedSecret(id: string) { return this.st.sealed.get(id)?.token_sealed ?? null; }
  async invitationRows(): Promise<ChainedInvitation[]> { return this.st.all.all().map(chainedInvitationOfColumns); }
  async createSession(idHash: string, invitationId: string, at: string) {
    this.inTransaction(() => {
      this.st.createSession.run(idHash, invitationId, at);
      this.chain({ type: 'SessionStarted', session: { idHash, invitationId, createdAt: at } }, at);
    });
  }
  async sessionInvitation(idHash: string) { const r = this.st.sessionInv.get(idHash); return r ? toInvitation(r) : null; }
  async deleteSession(idHash: string) {
    this.inTransaction(() => {
      if (this.st.deleteSession.run(idHash).changes > 0) this.chain({ type: 'SessionEnded', idHash }, new Date().toISOString());
    });
  }
  async sessionRows(): Promise<ChainedSession[]> {
    return this.st.allSessions.all().map(chainedSessionOfColumns);
  }
}
