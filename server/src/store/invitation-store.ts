import type { ActorRole } from '@plenum/shared';

export interface Invitation {
  id: string;
  meetingId: string;
  role: ActorRole;
  participantId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Personal invitations, found by the hash of their secret (the secret itself is never stored). */
export interface InvitationStore {
  createInvitation(inv: Invitation, tokenHash: string): Promise<void>;
  listInvitations(meetingId: string): Promise<Invitation[]>;
  invitationByTokenHash(tokenHash: string): Promise<Invitation | null>;
  invitation(id: string): Promise<Invitation | null>;
  /** False when unknown or already revoked. */
  revokeInvitation(id: string, at: string): Promise<boolean>;
}

/** Cookie sessions, by the hash of their id, each bound to an invitation. */
export interface SessionStore {
  createSession(idHash: string, invitationId: string, at: string): Promise<void>;
  /** The invitation behind a session (revoked ones included: the caller tells revoked from unknown). */
  sessionInvitation(idHash: string): Promise<Invitation | null>;
  deleteSession(idHash: string): Promise<void>;
}
