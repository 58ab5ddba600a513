import { ActorRole, Id, ShortText, type Actor } from '@plenum/shared';
import { z } from 'zod';
import type { Invitation, InvitationStore, SessionStore } from '../store/invitation-store.ts';
import { newId } from '../pipeline/ids.ts';
import { newSecret, secretHash } from './secrets.ts';
import { SessionClock, type SessionLifetime } from './session-lifetime.ts';

/** Roles an invitation can carry: every role except the anonymous public follower and the system. */
export const InvitableRole = ActorRole.exclude(['public', 'system']);
export const NewInvitation = z.strictObject({
  role: InvitableRole,
  participantId: Id.nullable().optional(),
  label: ShortText,
});
export type NewInvitation = z.infer<typeof NewInvitation>;

export type SessionCheck =
  | { ok: true; invitation: Invitation; actor: Actor; /** SHA-256 of the session id, to re-check or end this session later. */ sessionHash: string }
  | { ok: false; code: 'auth.required' | 'auth.revoked' };

/** Personal invitations and the sessions they are exchanged for. Secrets are never stored or logged. */
export class Invitations {
  private readonly sessionClock: SessionClock;

  constructor(
    private readonly store: InvitationStore, private readonly sessions: SessionStore, private readonly publicUrl: string,
    lifetime: SessionLifetime = { idleMs: 24 * 3_600_000, absoluteMs: 7 * 86_400_000 }, now: () => number = Date.now,
  ) {
    this.sessionClock = new SessionClock(lifetime, now);
  }

  async create(meetingId: string, input: NewInvitation): Promise<{ id: string; url: string; token: string }> {
    const token = newSecret();
    const id = newId('inv');
    await this.store.createInvitation({
      id, meetingId, role: input.role, participantId: input.participantId ?? null, label: input.label,
      createdAt: new Date().toISOString(), revokedAt: null,
    }, secretHash(token));
    return { id, url: `${this.publicUrl}/i/${token}`, token };
  }

  /** The invitation a secret stands for; null if invalid or revoked. Changes nothing. */
  async lookup(token: string): Promise<Invitation | null> {
    if (token.length < 20 || token.length > 100) return null;
    const invitation = await this.store.invitationByTokenHash(secretHash(token));
    return invitation && !invitation.revokedAt ? invitation : null;
  }

  /** Exchange an invitation secret for a new session id (the cookie value); null if invalid or revoked. */
  async redeem(token: string): Promise<{ sessionId: string; invitation: Invitation } | null> {
    const invitation = await this.lookup(token);
    if (!invitation) return null;
    const sessionId = this.sessionClock.newSessionId(newSecret());
    this.sessionClock.use(secretHash(sessionId), sessionId);
    await this.sessions.createSession(secretHash(sessionId), invitation.id, new Date().toISOString());
    return { sessionId, invitation };
  }

  async check(sessionId: string | null): Promise<SessionCheck> {
    if (!sessionId || sessionId.length > 120) return { ok: false, code: 'auth.required' };
    return this.checkHash(secretHash(sessionId), sessionId);
  }

  /** The same check by the session id's hash (kept by a socket, which must not hold the secret). */
  async checkHash(sessionHash: string, sessionId: string | null = null): Promise<SessionCheck> {
    const invitation = await this.sessions.sessionInvitation(sessionHash);
    if (!invitation) return { ok: false, code: 'auth.required' };
    // Expired (idle or absolute): the session ends here; the person redeems their link again.
    if (!this.sessionClock.use(sessionHash, sessionId)) {
      await this.sessions.deleteSession(sessionHash);
      return { ok: false, code: 'auth.required' };
    }
    if (invitation.revokedAt) return { ok: false, code: 'auth.revoked' };
    return { ok: true, invitation, actor: { role: invitation.role, participantId: invitation.participantId }, sessionHash };
  }

  /** Ends the session; returns its hash so its sockets can be told and disconnected. */
  async logout(sessionId: string): Promise<string> {
    return this.logoutHash(secretHash(sessionId));
  }
  async logoutHash(sessionHash: string): Promise<string> {
    this.sessionClock.forget(sessionHash);
    await this.sessions.deleteSession(sessionHash);
    return sessionHash;
  }
  list(meetingId: string) { return this.store.listInvitations(meetingId); }
  get(id: string) { return this.store.invitation(id); }
  revoke(id: string) { return this.store.revokeInvitation(id, new Date().toISOString()); }
}
