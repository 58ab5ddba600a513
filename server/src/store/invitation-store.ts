import type { ActorRole } from '@plenum/shared';
import type { ChainedInvitation, ChainedSession } from './invitation-chain.ts';

/**
 * 'meeting': valid for its one meeting (a room screen, a guest for one session, the sessions of
 * the first versions). 'conference': a person's one invitation for the whole conference
 * (meetingId holds the conference id); it opens every session in which that person holds a role.
 */
export type InvitationScope = 'meeting' | 'conference';

export interface Invitation {
  id: string;
  meetingId: string;
  role: ActorRole;
  participantId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  scope: InvitationScope;
  /** How often the link was exchanged for a session, and when first and last (F10: the office sees it). */
  redemptions: number;
  firstRedeemedAt: string | null;
  lastRedeemedAt: string | null;
}

/**
 * Personal invitations, found by the hash of their secret (the secret itself is never stored in the clear).
 * Every change is also chained, in the same transaction, into the stream `invitations:all` (store/invitation-chain.ts).
 */
export interface InvitationStore {
  /** `sealedSecret`: the secret sealed with a key outside the store (LinkSeal), for showing the link again; null when not kept. */
  createInvitation(inv: Invitation, tokenHash: string, sealedSecret?: string | null): Promise<void>;
  listInvitations(meetingId: string): Promise<Invitation[]>;
  invitationByTokenHash(tokenHash: string): Promise<Invitation | null>;
  invitation(id: string): Promise<Invitation | null>;
  /** False when unknown or already revoked. */
  revokeInvitation(id: string, at: string): Promise<boolean>;
  /** One more redemption at `at` (count, first and last time). */
  recordRedemption(id: string, at: string): Promise<void>;
  /** The sealed secret, or null when none was kept. */
  sealedSecret(id: string): Promise<string | null>;
  /** Every row as stored, with its secret's hash: what the tamper check compares with the chain. */
  invitationRows(): Promise<ChainedInvitation[]>;
}

/** Cookie sessions, by the hash of their id, each bound to an invitation; starts and ends chained like invitations. */
export interface SessionStore {
  createSession(idHash: string, invitationId: string, at: string): Promise<void>;
  /** The invitation behind a session (revoked ones included: the caller tells revoked from unknown). */
  sessionInvitation(idHash: string): Promise<Invitation | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Every row as stored: what the tamper check compares with the chain. */
  sessionRows(): Promise<ChainedSession[]>;
}
