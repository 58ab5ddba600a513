import { ActorRole, Id, ShortText, type Actor } from '@plenum/shared';
import { z } from 'zod';
import type { Invitation, InvitationStore, SessionStore } from '../store/invitation-store.ts';
import { newId } from '../pipeline/ids.ts';
import { newSecret, secretHash } from './secrets.ts';
import { SessionClock, type SessionLifetime } from './session-lifetime.ts';
import type { LinkSeal } from './link-seal.ts';

/** Roles an invitation can carry: every role except the anonymous public follower and the system. */
export const InvitableRole = ActorRole.exclude(['public', 'system']);
export const NewInvitation = z.strictObject({
  role: InvitableRole,
  participantId: Id.nullable().optional(),
  label: ShortText,
});
export type NewInvitation = z.infer<typeof NewInvitation>;

export type SessionCheck =
  | {
    ok: true; invitation: Invitation; actor: Actor; /** SHA-256 of the session id, to re-check or end this session later. */ sessionHash: string;
    /** The meetings this session may enter (its one meeting, or a conference invitation's sessions); read when first asked. */
    meetings: () => Promise<ReadonlySet<string>>;
  }
  | { ok: false; code: 'auth.required' | 'auth.revoked' };

/** The sessions a conference-wide invitation opens (the conference knows them; see conference/person-sessions.ts). */
export type Coverage = (invitation: Invitation) => Promise<string[]>;

export type Issued = { id: string; url: string; token: string };

/** Personal invitations and the sessions they are exchanged for. Secrets are never stored or logged. */
export class Invitations {
  private readonly sessionClock: SessionClock;
  private coverage: Coverage = async () => [];

  constructor(
    private readonly store: InvitationStore, private readonly sessions: SessionStore, private readonly publicUrl: string,
    lifetime: SessionLifetime = { idleMs: 24 * 3_600_000, absoluteMs: 7 * 86_400_000 }, now: () => number = Date.now,
    /** Seals a conference invitation's secret so the office can show the link again; without it, links are shown once. */
    private readonly seal: LinkSeal | null = null,
  ) {
    this.sessionClock = new SessionClock(lifetime, now);
  }

  /** Set once the conference exists: which sessions a conference-wide invitation opens. */
  setCoverage(coverage: Coverage) { this.coverage = coverage; }

  /** An invitation for one meeting only (a room screen, a guest of one session). */
  async create(meetingId: string, input: NewInvitation): Promise<Issued> {
    return this.issue(meetingId, 'meeting', input);
  }

  /**
   * A person's one invitation for the whole conference: it opens every session in which the
   * person holds a role. A second live one for the same person is refused (reissue instead).
   */
  async createPersonal(conferenceId: string, input: NewInvitation): Promise<Issued | { error: 'invitation.exists'; id: string }> {
    const existing = input.participantId ? await this.personalOf(conferenceId, input.participantId) : null;
    if (existing) return { error: 'invitation.exists', id: existing.id };
    return this.issue(conferenceId, 'conference', input);
  }

  /** The live conference invitation of a person, if any. */
  async personalOf(conferenceId: string, participantId: string): Promise<Invitation | null> {
    return (await this.store.listInvitations(conferenceId)).find((i) => i.scope === 'conference' && !i.revokedAt && i.participantId === participantId) ?? null;
  }

  /** The same link again (for the office to show or print as a QR code); null when the secret was not kept or the invitation is revoked. */
  async show(id: string): Promise<{ id: string; url: string } | null> {
    const invitation = await this.store.invitation(id);
    if (!invitation || invitation.revokedAt || invitation.scope !== 'conference' || !this.seal) return null;
    const sealed = await this.store.sealedSecret(id);
    const token = sealed ? this.seal.open(sealed, id) : null;
    // A sealed secret that no longer hashes to the row's is not shown (a swapped row, a foreign key).
    if (!token || (await this.store.invitationByTokenHash(secretHash(token)))?.id !== id) return null;
    return { id, url: `${this.publicUrl}/i/${token}` };
  }

  /** A new link for the same person and role; the old one is revoked (its link and sessions die). */
  async reissue(id: string): Promise<Issued | null> {
    const old = await this.store.invitation(id);
    if (!old || old.revokedAt) return null;
    if (!(await this.revoke(id))) return null;
    return this.issue(old.meetingId, old.scope, { role: old.role as NewInvitation['role'], participantId: old.participantId, label: old.label });
  }

  private async issue(meetingId: string, scope: Invitation['scope'], input: NewInvitation): Promise<Issued> {
    const token = newSecret();
    const id = newId('inv');
    await this.store.createInvitation({
      id, meetingId, role: input.role, participantId: input.participantId ?? null, label: input.label,
      createdAt: new Date().toISOString(), revokedAt: null, scope, redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null,
    }, secretHash(token), scope === 'conference' && this.seal ? this.seal.seal(token, id) : null);
    return { id, url: `${this.publicUrl}/i/${token}`, token };
  }

  /** The meetings an invitation opens: its own, or the sessions of the conference in which its person holds a role. */
  async meetingsOf(invitation: Invitation): Promise<ReadonlySet<string>> {
    return new Set(invitation.scope === 'conference' ? await this.coverage(invitation) : [invitation.meetingId]);
  }

  /** The invitation a secret stands for; null if invalid or revoked. Changes nothing. */
  async lookup(token: string): Promise<Invitation | null> {
    if (token.length < 20 || token.length > 100) return null;
    const invitation = await this.store.invitationByTokenHash(secretHash(token));
    return invitation && !invitation.revokedAt ? invitation : null;
  }

  /** Exchange an invitation secret for a new session id (the cookie value); null if invalid or revoked. */
  async redeem(token: string): Promise<{ sessionId: string; invitation: Invitation; at: string } | null> {
    const invitation = await this.lookup(token);
    if (!invitation) return null;
    const sessionId = this.sessionClock.newSessionId(newSecret());
    this.sessionClock.use(secretHash(sessionId), sessionId);
    const at = new Date().toISOString();
    await this.sessions.createSession(secretHash(sessionId), invitation.id, at);
    // F10: the office sees when and how often a link was exchanged for a session.
    await this.store.recordRedemption(invitation.id, at);
    return { sessionId, invitation, at };
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
    let meetings: Promise<ReadonlySet<string>> | null = null;
    return {
      ok: true, invitation, actor: { role: invitation.role, participantId: invitation.participantId }, sessionHash,
      meetings: () => (meetings ??= this.meetingsOf(invitation)),
    };
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
