import type { EventLog } from '../store/event-log.ts';
import type { InvitationStore, SessionStore } from '../store/invitation-store.ts';
import { INVITATION_STREAM } from '../store/invitation-chain.ts';
import type { CheckpointBook } from './checkpoints.ts';

/**
 * The invitation and session stores, with the head of their chain signed into the checkpoints after
 * every change, as a meeting's head is after every commit: deleting the last invitations together
 * with their chained rows no longer goes unnoticed.
 */
export function checkpointedInvitationStores(
  invitations: InvitationStore, sessions: SessionStore, log: EventLog, book: CheckpointBook,
): { invitations: InvitationStore; sessions: SessionStore } {
  const signHead = async () => {
    const head = await log.head(INVITATION_STREAM);
    const known = book.get(INVITATION_STREAM);
    if (head.seq > 0 && (!known || known.seq !== head.seq || known.hash !== head.hash)) book.record(INVITATION_STREAM, head.seq, head.hash);
  };
  const after = <A extends unknown[], R>(change: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    const result = await change(...args);
    await signHead();
    return result;
  };
  return {
    invitations: {
      createInvitation: after(invitations.createInvitation.bind(invitations)),
      revokeInvitation: after(invitations.revokeInvitation.bind(invitations)),
      recordRedemption: after(invitations.recordRedemption.bind(invitations)),
      listInvitations: invitations.listInvitations.bind(invitations),
      invitationByTokenHash: invitations.invitationByTokenHash.bind(invitations),
      invitation: invitations.invitation.bind(invitations),
      sealedSecret: invitations.sealedSecret.bind(invitations),
      invitationRows: invitations.invitationRows.bind(invitations),
    },
    sessions: {
      createSession: after(sessions.createSession.bind(sessions)),
      deleteSession: after(sessions.deleteSession.bind(sessions)),
      sessionInvitation: sessions.sessionInvitation.bind(sessions),
      sessionRows: sessions.sessionRows.bind(sessions),
    },
  };
}
