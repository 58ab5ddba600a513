import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/store/invitation-store.ts';
import type { Stores } from '../../src/store/stores.ts';
import { INVITATION_STREAM } from '../../src/store/invitation-chain.ts';
import { checkInvitationTables } from '../../src/verify/invitation-check.ts';
import { verifyLog } from '../../src/verify/verify-log.ts';

const invitation = (id: string, extra: Partial<Invitation> = {}): Invitation => ({
  id, meetingId: 'm1', role: 'delegate', participantId: `p-${id}`, label: `Label ${id}`, createdAt: '2026-01-01T09:00:00.000Z', revokedAt: null,
  scope: 'meeting', redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null, ...extra,
});

/**
 * The contract of the InvitationStore, SessionStore and MeetingDirectory every store must pass
 * (SQLite, PostgreSQL), with a factory that gives fresh, empty stores.
 */
export function runInvitationContract(name: string, makeStores: () => Promise<{ stores: Stores; close(): Promise<void> }>) {
  describe(`InvitationStore, SessionStore, MeetingDirectory contract: ${name}`, () => {
    let stores: Stores;
    let close: () => Promise<void>;
    beforeEach(async () => { ({ stores, close } = await makeStores()); });
    afterEach(async () => { await close(); });

    it('meetings: created once (a second create is a no-op), listed in creation order', async () => {
      await stores.meetings.createMeeting('m-b', '2026-01-01T09:00:00.000Z');
      await stores.meetings.createMeeting('m-a', '2026-01-02T09:00:00.000Z');
      await stores.meetings.createMeeting('m-b', '2026-01-03T09:00:00.000Z');
      expect(await stores.meetings.meetings()).toEqual(['m-b', 'm-a']);
    });

    it('invitations: found by id and by the hash of their secret, listed per meeting in creation order, revoked once', async () => {
      await stores.invitations.createInvitation(invitation('i2', { label: 'Bayern "Ä"' }), 'hash-2');
      await stores.invitations.createInvitation(invitation('i1', { role: 'chair', participantId: null }), 'hash-1');
      await stores.invitations.createInvitation(invitation('i3', { meetingId: 'm2' }), 'hash-3');
      expect((await stores.invitations.listInvitations('m1')).map((i) => i.id)).toEqual(['i2', 'i1']);
      expect(await stores.invitations.invitationByTokenHash('hash-2')).toEqual(invitation('i2', { label: 'Bayern "Ä"' }));
      expect(await stores.invitations.invitation('i1')).toEqual(invitation('i1', { role: 'chair', participantId: null }));
      expect(await stores.invitations.invitationByTokenHash('nope')).toBeNull();
      expect(await stores.invitations.revokeInvitation('i1', '2026-01-05T00:00:00.000Z')).toBe(true);
      expect(await stores.invitations.revokeInvitation('i1', '2026-01-06T00:00:00.000Z')).toBe(false);
      expect(await stores.invitations.revokeInvitation('unknown', '2026-01-06T00:00:00.000Z')).toBe(false);
      expect((await stores.invitations.invitation('i1'))!.revokedAt).toBe('2026-01-05T00:00:00.000Z');
    });

    it('F10: redemptions are counted with their first and last time; a conference invitation keeps its scope and its sealed secret', async () => {
      await stores.invitations.createInvitation(invitation('c1', { meetingId: 'dmk', scope: 'conference' }), 'hash-c1', 'v1.sealed');
      await stores.invitations.createInvitation(invitation('m1'), 'hash-m1');
      expect(await stores.invitations.sealedSecret('c1')).toBe('v1.sealed');
      expect(await stores.invitations.sealedSecret('m1')).toBeNull();
      expect(await stores.invitations.sealedSecret('unknown')).toBeNull();
      await Promise.all([
        stores.invitations.recordRedemption('c1', '2026-01-02T08:00:00.000Z'),
        stores.invitations.recordRedemption('c1', '2026-01-02T09:00:00.000Z'),
      ]);
      await stores.invitations.recordRedemption('c1', '2026-01-03T10:00:00.000Z');
      const c1 = await stores.invitations.invitationByTokenHash('hash-c1');
      expect(c1).toEqual(invitation('c1', {
        meetingId: 'dmk', scope: 'conference', redemptions: 3, firstRedeemedAt: '2026-01-02T08:00:00.000Z', lastRedeemedAt: '2026-01-03T10:00:00.000Z',
      }));
      expect((await stores.invitations.listInvitations('dmk')).map((i) => [i.id, i.scope, i.redemptions])).toEqual([['c1', 'conference', 3]]);
      expect((await stores.invitations.invitation('m1'))!.redemptions).toBe(0);
    });

    it('a secret hash is unique: a second invitation with it is refused', async () => {
      await stores.invitations.createInvitation(invitation('i1'), 'hash-1');
      await expect(stores.invitations.createInvitation(invitation('i2'), 'hash-1')).rejects.toThrow();
      expect(await stores.invitations.invitation('i2')).toBeNull();
    });

    it('sessions: lead to their invitation (revoked ones too), and are gone once deleted', async () => {
      await stores.invitations.createInvitation(invitation('i1'), 'hash-1');
      await stores.sessions.createSession('s-hash', 'i1', '2026-01-01T10:00:00.000Z');
      expect((await stores.sessions.sessionInvitation('s-hash'))!.id).toBe('i1');
      await stores.invitations.revokeInvitation('i1', '2026-01-02T00:00:00.000Z');
      expect((await stores.sessions.sessionInvitation('s-hash'))!.revokedAt).toBe('2026-01-02T00:00:00.000Z');
      await stores.sessions.deleteSession('s-hash');
      expect(await stores.sessions.sessionInvitation('s-hash')).toBeNull();
      expect(await stores.sessions.sessionInvitation('never')).toBeNull();
    });

    it('F4: every change to invitations and sessions is chained into invitations:all, in order and with times that only go forward; the tables are its fold', async () => {
      await stores.invitations.createInvitation(invitation('i1', { redemptions: 7 }), 'hash-1');
      await stores.sessions.createSession('s1', 'i1', '2026-01-01T10:00:00.000Z');
      await stores.invitations.recordRedemption('i1', '2026-01-01T10:00:00.000Z');
      // Earlier than the row before it (another node's clock): the row keeps the later time, the table the given one.
      expect(await stores.invitations.revokeInvitation('i1', '2026-01-01T09:30:00.000Z')).toBe(true);
      expect(await stores.invitations.revokeInvitation('i1', '2026-01-01T11:00:00.000Z')).toBe(false);
      await stores.sessions.deleteSession('s1');
      await stores.sessions.deleteSession('s1');
      await stores.invitations.recordRedemption('unknown', '2026-01-01T12:00:00.000Z');
      const rows = await stores.events.read(INVITATION_STREAM, 0);
      // Nothing changed, nothing chained: a second revocation, a second logout, an unknown invitation.
      expect(rows.map((r) => r.type)).toEqual(['InvitationIssued', 'SessionStarted', 'InvitationRedeemed', 'InvitationRevoked', 'SessionEnded']);
      expect(rows[3]!.at).toBe('2026-01-01T10:00:00.000Z');
      expect(JSON.parse(rows[0]!.json)).toMatchObject({ invitation: { id: 'i1', tokenHash: 'hash-1', redemptions: 0 } });
      expect((await stores.invitations.invitation('i1'))!.revokedAt).toBe('2026-01-01T09:30:00.000Z');
      expect(await checkInvitationTables(stores.events, stores)).toEqual([]);
      expect(await verifyLog(stores.events)).toMatchObject({ ok: true, betweenStreams: 1, betweenEvents: 5 });
    });

    it('ping answers true while the store is open', async () => {
      expect(await stores.ping()).toBe(true);
    });
  });
}
