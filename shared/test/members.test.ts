import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, electorateFor, liveTally, presentLands, quorumStatus, landsParticipantMayCast, type MeetingEvent } from '../src/index.ts';
import { chair, delegate, deputy, landCodes, member, office, openSessionWith, scheduledSession } from './support/scenario.ts';
import { given } from './support/gwt.ts';

const LANDS = landCodes();
const RESOLUTION = { kind: 'resolution', itemId: 'item-proposal', paragraph: null } as const;

describe('R-MEM-1: roster per chair period', () => {
  it('R-MEM-1: member and permanent deputy are registered for the chair period of the session', () => {
    const s = scheduledSession();
    expect(s.state.participants['m-BW']).toMatchObject({ kind: 'member', land: 'BW', chairPeriod: 2024 });
    expect(s.state.participants['d-BW']).toMatchObject({ kind: 'permanentDeputy', land: 'BW', chairPeriod: 2024 });
  });
  it('R-MEM-1: a second member for the same Land and period → participant.exists', () => {
    const s = scheduledSession();
    s.refuse({ type: 'nameRepresentative', land: 'BW', kind: 'member', name: 'Zweites Mitglied' }, office, 'participant.exists', 'R-MEM-1');
  });
  it('R-MEM-1: a Land not in the profile → land.unknown', () => {
    const s = scheduledSession();
    s.refuse({ type: 'nameRepresentative', land: 'XX', kind: 'member', name: 'Niemand' }, office, 'land.unknown');
  });
  it('R-MEM-1: a member of another chair period neither counts as present nor votes', () => {
    const s = scheduledSession();
    const old: MeetingEvent = {
      type: 'ParticipantRegistered', at: s.now, by: { role: 'office', participantId: null }, participantId: 'old-BW', name: 'Alt', kind: 'member',
      land: 'BW', chairPeriod: 2023, guestKind: null, itemIds: null, accompanies: null, announcedAt: null, announcedLate: false,
    };
    s.apply([old]);
    s.checkIn([delegate('old-BW')]);
    expect(presentLands(s.state)).not.toContain('BW');
    s.checkInLands(LANDS.slice(1, 12));
    s.openSession();
    const voteId = s.openVote(RESOLUTION);
    expect(s.state.votes[voteId].electorate.BW).toBeUndefined();
    s.refuse({ type: 'castVote', voteId, land: 'BW', choice: 'yes' }, delegate('old-BW'), 'roster.chairPeriod', 'R-MEM-1');
  });
  it('R-MEM-1: the chair period is derived from the session date', () => {
    const s = scheduledSession({ date: '2026-03-01' });
    expect(s.state.participants['m-HH'].chairPeriod).toBe(2026);
  });
});

describe('R-MEM-2: one vote per Land, one slot', () => {
  it('R-MEM-2: member and permanent deputy set the same slot; the last choice counts; the Land counts once', () => {
    const s = openSessionWith(12);
    s.checkIn([deputy('BW')]);
    const voteId = s.openVote(RESOLUTION);
    s.cast(voteId, 'BW', 'yes', member('BW'));
    s.cast(voteId, 'BW', 'no', deputy('BW'));
    const ballot = s.state.votes[voteId].ballots.BW;
    expect(ballot.choice).toBe('no');
    expect(ballot.history.map((h) => [h.participantId, h.choice])).toEqual([['m-BW', 'yes'], ['d-BW', 'no']]);
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 0, no: 1, base: 12 });
  });
  it('R-MEM-2: two representatives of one Land choosing differently → VoteCast.conflict and Ballot.conflict', () => {
    const s = openSessionWith(12);
    s.checkIn([deputy('BW')]);
    const voteId = s.openVote(RESOLUTION);
    expect(s.cast(voteId, 'BW', 'yes', member('BW'))[0]).toMatchObject({ type: 'VoteCast', conflict: false });
    expect(s.cast(voteId, 'BW', 'no', deputy('BW'))[0]).toMatchObject({ type: 'VoteCast', conflict: true, participantId: 'd-BW' });
    expect(s.state.votes[voteId].ballots.BW.conflict).toBe(true);
  });
  it('R-MEM-2: member yes, member changes to no, deputy no → no conflict (only the other person\'s latest choice counts)', () => {
    const s = openSessionWith(12);
    s.checkIn([deputy('BW')]);
    const voteId = s.openVote(RESOLUTION);
    s.cast(voteId, 'BW', 'yes', member('BW'));
    s.cast(voteId, 'BW', 'no', member('BW'));
    expect(s.cast(voteId, 'BW', 'no', deputy('BW'))[0]).toMatchObject({ type: 'VoteCast', conflict: false });
    expect(s.state.votes[voteId].ballots.BW.conflict).toBe(false);
  });
  it('R-MEM-2: a conflict clears when the representatives converge; the history keeps every entry; the close records the final flag', () => {
    const s = openSessionWith(12);
    s.checkIn([deputy('BW')]);
    const voteId = s.openVote(RESOLUTION);
    s.cast(voteId, 'BW', 'yes', member('BW'));
    expect(s.cast(voteId, 'BW', 'no', deputy('BW'))[0]).toMatchObject({ conflict: true });
    expect(s.state.votes[voteId].ballots.BW.conflict).toBe(true);
    expect(s.cast(voteId, 'BW', 'no', member('BW'))[0]).toMatchObject({ conflict: false });
    expect(s.state.votes[voteId].ballots.BW).toMatchObject({ choice: 'no', conflict: false });
    expect(s.state.votes[voteId].ballots.BW.history.map((h) => [h.participantId, h.choice])).toEqual([['m-BW', 'yes'], ['d-BW', 'no'], ['m-BW', 'no']]);
    // Diverging again raises it again, and it stays for the close (the protocol shows conflicts at the close).
    expect(s.cast(voteId, 'BW', 'abstain', deputy('BW'))[0]).toMatchObject({ conflict: true });
    s.closeVote(voteId);
    expect(s.state.votes[voteId].ballots.BW.conflict).toBe(true);
  });
  it('R-MEM-2: one person changing their mind is no conflict', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote(RESOLUTION);
    s.cast(voteId, 'BW', 'yes');
    expect(s.cast(voteId, 'BW', 'abstain')[0]).toMatchObject({ conflict: false });
    expect(s.state.votes[voteId].ballots.BW).toMatchObject({ choice: 'abstain', conflict: false });
  });
  it('R-MEM-2: conflicts are not recorded when the setting is off', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, recordRepresentativeConflicts: false } };
    const s = openSessionWith(12, { profile });
    s.checkIn([deputy('BW')]);
    const voteId = s.openVote(RESOLUTION);
    s.cast(voteId, 'BW', 'yes', member('BW'));
    expect(s.cast(voteId, 'BW', 'no', deputy('BW'))[0]).toMatchObject({ conflict: false });
  });
  it('R-MEM-2: a delegate cannot set another Land\'s slot → vote.notYourLand', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote(RESOLUTION);
    s.refuse({ type: 'castVote', voteId, land: 'BY', choice: 'yes' }, member('BW'), 'vote.notYourLand');
  });
  it('R-MEM-2: a representative who is not checked in cannot vote → participant.notPresent', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote(RESOLUTION);
    s.refuse({ type: 'castVote', voteId, land: 'BW', choice: 'yes' }, deputy('BW'), 'participant.notPresent');
  });
});

describe('R-MEM-3: temporary deputies for one session', () => {
  it('R-MEM-3: a member names a temporary deputy of its Land; the log records who named whom and when', () => {
    const s = scheduledSession();
    given(s.events).when({ type: 'nameTemporaryDeputy', land: 'BW', name: 'Frau Vertretung', participantId: 't-BW' }, member('BW'))
      .then([{ type: 'ParticipantRegistered', participantId: 't-BW', kind: 'temporaryDeputy', land: 'BW', chairPeriod: null,
        at: '2024-04-19T12:00:00.000Z', by: { role: 'delegate', participantId: 'm-BW' } }]);
  });
  it('R-MEM-3: the chair may name a temporary deputy; a member may not name one for another Land', () => {
    const s = scheduledSession();
    given(s.events).when({ type: 'nameTemporaryDeputy', land: 'HB', name: 'Vertretung HB' }, chair).then([{ type: 'ParticipantRegistered', land: 'HB' }]);
    given(s.events).when({ type: 'nameTemporaryDeputy', land: 'HB', name: 'Vertretung HB' }, member('BW')).then('vote.notYourLand');
  });
  it('R-MEM-3: a temporary deputy counts for quorum and casts the Land\'s vote', () => {
    const s = scheduledSession();
    s.run({ type: 'nameTemporaryDeputy', land: 'BW', name: 'Vertretung', participantId: 't-BW' }, office);
    s.checkIn(['t-BW']).checkInLands(LANDS.slice(1, 11)).openSession();
    expect(quorumStatus(s.state, s.profile).met).toBe(true);
    const voteId = s.openVote(RESOLUTION);
    expect(s.cast(voteId, 'BW', 'yes', delegate('t-BW'))[0]).toMatchObject({ land: 'BW', participantId: 't-BW' });
  });
  it('R-MEM-3: a temporary deputy cannot name further deputies', () => {
    const s = scheduledSession();
    s.run({ type: 'nameTemporaryDeputy', land: 'BW', name: 'Vertretung', participantId: 't-BW' }, office);
    s.refuse({ type: 'nameTemporaryDeputy', land: 'BW', name: 'Noch eine' }, delegate('t-BW'), 'auth.forbidden');
  });
});

describe('R-MEM-4: transfer of a Land\'s vote', () => {
  const transfer = (to: string, itemIds?: string[]) =>
    ({ type: 'transferVote', to, scope: itemIds ? { kind: 'items', itemIds } : { kind: 'untilRevoked' } });

  it('R-MEM-4: a transfer for named items is recorded with from, to and scope', () => {
    const s = openSessionWith(12);
    given(s.events).when(transfer('BY', ['item-proposal']), member('BW'))
      .then([{ type: 'VoteTransferred', from: 'BW', to: 'BY', scope: { kind: 'items', itemIds: ['item-proposal'] }, by: { participantId: 'm-BW' } }]);
  });
  it('R-MEM-4: the holder casts the transferred vote separately with land = from', () => {
    const s = scheduledSession();
    s.checkInLands(LANDS.slice(1, 12)).openSession();
    s.run({ ...transfer('BY', ['item-proposal']), from: 'BW' }, { role: 'system', participantId: null });
    const voteId = s.openVote(RESOLUTION);
    expect(s.state.votes[voteId].electorate.BW).toMatchObject({ castBy: 'BY' });
    expect(landsParticipantMayCast(s.state, s.state.votes[voteId], 'm-BY').sort()).toEqual(['BW', 'BY']);
    s.cast(voteId, 'BY', 'yes', member('BY'));
    expect(s.cast(voteId, 'BW', 'no', member('BY'))[0]).toMatchObject({ land: 'BW', castBy: 'BY', choice: 'no' });
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 1, no: 1, base: 12 });
  });
  it('R-MEM-4: the transferring Land\'s own representatives cannot cast it → vote.heldByTransfer', () => {
    const s = openSessionWith(12);
    s.run(transfer('BY', ['item-proposal']), member('BW'));
    const voteId = s.openVote(RESOLUTION);
    s.refuse({ type: 'castVote', voteId, land: 'BW', choice: 'yes' }, member('BW'), 'vote.heldByTransfer', 'R-MEM-4');
  });
  it('R-MEM-4: a transfer for another item does not cover this vote', () => {
    const s = openSessionWith(12);
    s.run(transfer('BY', ['item-bundesrat']), member('BW'));
    const voteId = s.openVote(RESOLUTION);
    expect(s.state.votes[voteId].electorate.BW).toEqual({ castBy: 'BW', transferId: null });
  });
  it('R-MEM-4: to itself → proxy.self', () => {
    openSessionWith(12).refuse(transfer('BW'), member('BW'), 'proxy.self');
  });
  it('R-MEM-4: a second transfer of the same vote → proxy.alreadyTransferred', () => {
    const s = openSessionWith(12);
    s.run(transfer('BY'), member('BW'));
    s.refuse(transfer('HE', ['item-proposal']), deputy('BW'), 'proxy.alreadyTransferred');
  });
  it('R-MEM-4: a vote held by transfer cannot be passed on → proxy.chainForbidden (both directions)', () => {
    const s = openSessionWith(12);
    s.run(transfer('BY'), member('BW'));
    s.refuse(transfer('HE'), member('BY'), 'proxy.chainForbidden', 'R-MEM-4'); // BW → BY → HE
    s.refuse(transfer('BW'), member('SN'), 'proxy.chainForbidden', 'R-MEM-4'); // SN → BW → BY
  });
  it('R-MEM-4: with transferChainsAllowed the chain is followed to its end', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferChainsAllowed: true } };
    const s = openSessionWith(12, { profile });
    s.run(transfer('BY'), member('BW'));
    s.run(transfer('HE'), member('BY'));
    const e = electorateFor(s.state, RESOLUTION, profile);
    expect(e.BW.castBy).toBe('HE');
    expect(e.BY.castBy).toBe('HE');
  });
  it('R-MEM-4: transfer of another Land\'s vote by a delegate → vote.notYourLand', () => {
    openSessionWith(12).refuse({ ...transfer('HE'), from: 'BY' }, member('BW'), 'vote.notYourLand');
  });
  it('R-MEM-4: revocation refused while a vote is open on a covered item → proxy.voteOpen; allowed after the close', () => {
    const s = openSessionWith(12);
    const [t] = s.run(transfer('BY', ['item-proposal']), member('BW'));
    const transferId = t.type === 'VoteTransferred' ? t.transferId : '';
    const voteId = s.openVote(RESOLUTION);
    s.refuse({ type: 'revokeTransfer', transferId }, member('BW'), 'proxy.voteOpen', 'R-MEM-4');
    s.closeVote(voteId);
    expect(s.run({ type: 'revokeTransfer', transferId }, member('BW'))[0]).toMatchObject({ type: 'TransferRevoked', transferId });
    s.refuse({ type: 'revokeTransfer', transferId }, member('BW'), 'proxy.revoked');
  });
  it('R-MEM-4: a transfer covering the item of the open vote → proxy.voteOpen; for another item it is accepted; after the close it is accepted', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote(RESOLUTION);
    const r = s.refuse(transfer('BY', ['item-proposal']), member('BW'), 'proxy.voteOpen', 'R-MEM-4');
    expect(r.details).toMatchObject({ voteId });
    s.refuse(transfer('BY'), member('BW'), 'proxy.voteOpen', 'R-MEM-4'); // untilRevoked covers every motion
    s.run(transfer('HE', ['item-bundesrat']), member('SN'));
    s.closeVote(voteId);
    expect(s.run(transfer('BY', ['item-proposal']), member('BW'))[0]).toMatchObject({ type: 'VoteTransferred', from: 'BW', to: 'BY' });
  });
  it('R-MEM-4: revocation allowed while a vote is open on an item the transfer does not cover', () => {
    const s = openSessionWith(12);
    const [t] = s.run(transfer('BY', ['item-bundesrat']), member('BW'));
    s.openVote(RESOLUTION);
    given(s.events).when({ type: 'revokeTransfer', transferId: (t as { transferId: string }).transferId }, member('BW')).then([{ type: 'TransferRevoked' }]);
  });
  it('R-MEM-4: only the transferring Land revokes → vote.notYourLand; unknown → proxy.unknown', () => {
    const s = openSessionWith(12);
    const [t] = s.run(transfer('BY'), member('BW'));
    s.refuse({ type: 'revokeTransfer', transferId: (t as { transferId: string }).transferId }, member('BY'), 'vote.notYourLand');
    s.refuse({ type: 'revokeTransfer', transferId: 'nope' }, member('BW'), 'proxy.unknown');
  });
  it('R-MEM-4: a transfer naming an unknown item → proxy.itemUnknown', () => {
    openSessionWith(12).refuse(transfer('BY', ['nope']), member('BW'), 'proxy.itemUnknown');
  });
  it('R-MEM-4 / R-VOT-2: a vote transferred to an absent Land cannot be cast', () => {
    const s = openSessionWith(12);
    s.run(transfer('TH'), member('BW')); // TH (16th) is absent
    s.run({ type: 'checkOut' }, member('BW'));
    s.checkIn([deputy('SN')]);
    const e = electorateFor(s.state, RESOLUTION, DMK_PROFILE);
    expect(e.BW).toBeUndefined();
    expect(e.SN).toEqual({ castBy: 'SN', transferId: null });
    expect(Object.keys(e)).toHaveLength(11 + 1);
  });
  it('R-MEM-4 / R-VOT-3: a transferred vote counts for the base, not for quorum (transferredCountsForQuorum false)', () => {
    const s = scheduledSession();
    s.checkInLands(LANDS.slice(0, 11));
    s.run({ type: 'transferVote', from: 'TH', to: 'BW', scope: { kind: 'untilRevoked' } }, { role: 'system', participantId: null });
    expect(quorumStatus(s.state, DMK_PROFILE).present).toBe(11);
    expect(Object.keys(electorateFor(s.state, RESOLUTION, DMK_PROFILE))).toHaveLength(12);
    const counting = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferredCountsForQuorum: true } };
    expect(quorumStatus(s.state, counting).present).toBe(12);
  });
});

describe('R-VOT-3: a present Land whose vote is held by another Land does not count for quorum', () => {
  const system = { role: 'system', participantId: null } as const;
  it('R-VOT-3: 11 present, BW\'s vote held by BY for the item → 10 for that item (openVote refused), 11 for other items and for motions without an item', () => {
    const s = openSessionWith(11);
    s.run({ type: 'transferVote', from: 'BW', to: 'BY', scope: { kind: 'items', itemIds: ['item-proposal'] } }, system);
    expect(quorumStatus(s.state, DMK_PROFILE, 'item-proposal')).toEqual({ present: 10, required: 11, met: false });
    expect(quorumStatus(s.state, DMK_PROFILE, 'item-bundesrat').present).toBe(11);
    expect(quorumStatus(s.state, DMK_PROFILE, null).present).toBe(11);
    const r = s.refuse({ type: 'openVote', motion: RESOLUTION }, chair, 'quorum.notReached', 'R-VOT-3');
    expect(r.details).toEqual({ present: 10, required: 11 });
    const counting = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferredCountsForQuorum: true } };
    expect(quorumStatus(s.state, counting, 'item-proposal').present).toBe(11);
  });
  it('R-VOT-3: an untilRevoked transfer takes the Land out of quorum for every motion; a transfer to an absent Land does not', () => {
    const s = openSessionWith(12);
    s.run({ type: 'transferVote', from: 'BW', to: 'BY', scope: { kind: 'untilRevoked' } }, system);
    s.run({ type: 'transferVote', from: 'BE', to: 'TH', scope: { kind: 'untilRevoked' } }, system); // TH is absent: BE keeps its vote
    for (const item of ['item-proposal', 'item-bundesrat', null]) expect(quorumStatus(s.state, DMK_PROFILE, item).present).toBe(11);
  });
  it('R-VOT-3: the close counts quorum for the vote\'s item: a departure that leaves 10 Länder with their own vote → notDecided', () => {
    const s = openSessionWith(12);
    s.run({ type: 'transferVote', from: 'BW', to: 'BY', scope: { kind: 'items', itemIds: ['item-proposal'] } }, system);
    const voteId = s.openVote(RESOLUTION);
    expect(s.state.votes[voteId].quorumAtOpen).toEqual({ present: 11, required: 11 });
    s.run({ type: 'checkOut' }, member(LANDS[11]));
    const { explanation } = s.closeVote(voteId);
    expect(explanation).toMatchObject({ outcome: 'notDecided', rule: 'R-VOT-3', quorum: { present: 10, required: 11, met: false } });
  });
});

describe('R-MEM-4: rings of transfers', () => {
  it('R-MEM-4: with chains allowed, a transfer closing a ring → proxy.chainForbidden', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, transferChainsAllowed: true } };
    const s = openSessionWith(12, { profile });
    s.run({ type: 'transferVote', to: 'BY', scope: { kind: 'untilRevoked' } }, member('BW'));
    s.run({ type: 'transferVote', to: 'HE', scope: { kind: 'untilRevoked' } }, member('BY'));
    const r = s.refuse({ type: 'transferVote', to: 'BW', scope: { kind: 'untilRevoked' } }, member('HE'), 'proxy.chainForbidden');
    expect(r.details).toMatchObject({ reason: 'cycle' });
  });
});
