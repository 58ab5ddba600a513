import { describe, expect, it } from 'vitest';
import { presentLands, quorumStatus, type MeetingEvent } from '../src/index.ts';
import { chair, delegate, landCodes, member, office, openSessionWith, scheduledSession } from './support/scenario.ts';
import { given } from './support/gwt.ts';

const LANDS = landCodes();
const guestActor = (id: string) => ({ role: 'guest' as const, participantId: id });
const staffActor = (id: string) => ({ role: 'staff' as const, participantId: id });

describe('R-GST-1: guests never vote and never count for quorum', () => {
  it('R-GST-1: the office invites the federal minister as a guest', () => {
    given(scheduledSession().events).when({ type: 'inviteGuest', name: 'Bundesminister', guestKind: 'federalMinister', participantId: 'g-bund' }, office)
      .then([{ type: 'ParticipantRegistered', participantId: 'g-bund', kind: 'guest', guestKind: 'federalMinister', land: null }]);
  });
  it('R-GST-1: a guest checked in does not count for quorum', () => {
    const s = scheduledSession();
    s.run({ type: 'inviteGuest', name: 'Bund', guestKind: 'federalMinister', participantId: 'g-bund' }, office);
    s.checkInLands(LANDS.slice(0, 10));
    s.run({ type: 'checkIn', mode: 'room' }, guestActor('g-bund'));
    expect(quorumStatus(s.state, s.profile)).toMatchObject({ present: 10, met: false });
    expect(presentLands(s.state)).toHaveLength(10);
  });
  it('R-GST-1: a guest casting a vote → auth.notEntitled', () => {
    const s = scheduledSession();
    s.run({ type: 'inviteGuest', name: 'Bund', guestKind: 'federalMinister', participantId: 'g-bund' }, office);
    s.checkInLands(LANDS.slice(0, 12)).checkIn([guestActor('g-bund')]).openSession();
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.refuse({ type: 'castVote', voteId, land: 'BE', choice: 'yes' }, guestActor('g-bund'), 'auth.notEntitled', 'R-GST-1');
    s.refuse({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, guestActor('g-bund'), 'auth.notEntitled', 'R-GST-1');
  });
  it('R-GST-1: a guest may be given the floor', () => {
    const s = scheduledSession();
    s.run({ type: 'inviteGuest', name: 'IT-PLR', guestKind: 'itPlrChair', itemIds: ['item-proposal'], participantId: 'g-itplr' }, office);
    s.checkIn([guestActor('g-itplr')]).openSession();
    s.run({ type: 'requestFloor' }, guestActor('g-itplr'));
    expect(s.run({ type: 'giveFloor' }, chair)).toMatchObject([{ type: 'FloorGiven', participantId: 'g-itplr' }]);
  });
  it('R-GST-1: a guest for an unknown item → item.unknown', () => {
    scheduledSession().refuse({ type: 'inviteGuest', name: 'X', guestKind: 'itemGuest', itemIds: ['nope'] }, office, 'item.unknown');
  });
});

describe('R-GST-2: staff announced in advance', () => {
  it('R-GST-2: staff announced before the opening keep announcedAt and are not late', () => {
    const s = scheduledSession();
    const [e] = s.run({ type: 'announceStaff', name: 'Referent', accompanies: 'BW', participantId: 's-1' }, office);
    expect(e).toMatchObject({ kind: 'staff', accompanies: 'BW', announcedAt: e.at, announcedLate: false });
  });
  it('R-GST-2: staff announced after the session opened are flagged announcedLate', () => {
    const s = openSessionWith(3);
    const [e] = s.run({ type: 'announceStaff', name: 'Referentin', accompanies: 'm-BW', participantId: 's-2' }, office);
    expect(e).toMatchObject({ announcedLate: true });
    expect(s.state.participants['s-2'].announcedLate).toBe(true);
  });
  it('R-GST-2: an announcement dated before the opening is not late', () => {
    const s = openSessionWith(3);
    const [e] = s.run({ type: 'announceStaff', name: 'R', accompanies: 'BY', announcedAt: '2024-04-18T10:00:00.000Z' }, office);
    expect(e).toMatchObject({ announcedAt: '2024-04-18T10:00:00.000Z', announcedLate: false });
  });
  it('R-GST-2: staff never vote → auth.notEntitled', () => {
    const s = openSessionWith(12);
    s.run({ type: 'announceStaff', name: 'R', accompanies: 'BW', participantId: 's-3' }, office);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.refuse({ type: 'castVote', voteId, land: 'BW', choice: 'yes' }, staffActor('s-3'), 'auth.notEntitled');
  });
  it('R-GST-2: accompanying someone unknown → participant.unknown', () => {
    scheduledSession().refuse({ type: 'announceStaff', name: 'R', accompanies: 'nobody' }, office, 'participant.unknown');
  });
});

describe('R-CHR-1: the chair derived from the date', () => {
  const schedule = (date: string, extra: object = {}) => ({ type: 'scheduleSession', title: 'DMK', date, place: 'Ort', kind: 'regular', format: 'room', ...extra });
  it('R-CHR-1: a session on 19.04.2024 is chaired by Berlin and Brandenburg jointly', () => {
    given([]).when(schedule('2024-04-19'), office).then([{ type: 'SessionScheduled', chairLands: ['BE', 'BB'], chairPeriod: 2024, chairDeviation: null }]);
  });
  it('R-CHR-1: 2030 → Nordrhein-Westfalen', () => {
    given([]).when(schedule('2030-06-01'), office).then([{ type: 'SessionScheduled', chairLands: ['NW'] }]);
  });
  it('R-CHR-1: a deviation is recorded with its decision', () => {
    given([]).when(schedule('2025-06-01', { chairDeviation: { lands: ['HH'], decision: 'Beschluss der 2. DMK, TOP 3' } }), office)
      .then([{ type: 'SessionScheduled', chairLands: ['HH'], chairDeviation: { lands: ['HH'], decision: 'Beschluss der 2. DMK, TOP 3' } }]);
  });
  it('R-CHR-1: a year before the rotation (2023) needs a recorded deviation → roster.chairPeriod', () => {
    given([]).when(schedule('2023-11-10'), office).then('roster.chairPeriod', 'R-CHR-1');
  });
  it('R-CHR-1: only one session per meeting → session.alreadyScheduled', () => {
    given(scheduledSession().events).when(schedule('2024-05-01'), office).then('session.alreadyScheduled');
  });
});

describe('R-CHR-2: the office prepares', () => {
  it('R-CHR-2: a delegate cannot schedule a session or add an agenda item → auth.forbidden', () => {
    given([]).when({ type: 'scheduleSession', title: 'x', date: '2024-04-19', place: 'y', kind: 'regular', format: 'room' }, member('BW')).then('auth.forbidden');
    const s = scheduledSession();
    s.refuse({ type: 'addAgendaItem', item: { number: '9', title: 't', kind: 'report', rapporteurs: ['BW'] } }, member('BW'), 'auth.forbidden');
  });
});

describe('R-SES-2: attendance mode', () => {
  it('R-SES-2: the mode of each participant is recorded (room / remote)', () => {
    const s = scheduledSession();
    s.run({ type: 'checkIn', mode: 'remote' }, member('BW'));
    s.run({ type: 'checkIn', mode: 'room', participantId: 'm-BY' }, chair);
    expect(s.state.participants['m-BW'].presence).toMatchObject({ mode: 'remote' });
    expect(s.state.participants['m-BY'].presence).toMatchObject({ mode: 'room' });
  });
  it('R-SES-2: checking in again with another mode changes it; the same mode → participant.alreadyPresent', () => {
    const s = scheduledSession();
    s.run({ type: 'checkIn', mode: 'remote' }, member('BW'));
    s.refuse({ type: 'checkIn', mode: 'remote' }, member('BW'), 'participant.alreadyPresent');
    s.run({ type: 'checkIn', mode: 'room' }, member('BW'));
    expect(s.state.participants['m-BW'].presence?.mode).toBe('room');
  });
  it('R-SES-2: checking out someone not present → participant.notPresent; a delegate cannot check in another', () => {
    const s = scheduledSession();
    s.refuse({ type: 'checkOut' }, member('BW'), 'participant.notPresent');
    s.refuse({ type: 'checkIn', mode: 'room', participantId: 'm-BY' }, member('BW'), 'auth.forbidden');
  });
});

describe('R-VOT-3: quorum over time', () => {
  it('R-VOT-3: the 11th Land checking in emits QuorumChanged met; the check-out of one emits it unmet', () => {
    const s = openSessionWith(10);
    const inEvents = s.run({ type: 'checkIn', mode: 'room' }, member(LANDS[10]));
    expect(inEvents.map((e) => e.type)).toEqual(['ParticipantCheckedIn', 'QuorumChanged']);
    expect(inEvents[1]).toMatchObject({ present: 11, required: 11, met: true });
    expect(s.run({ type: 'checkIn', mode: 'room' }, member(LANDS[11])).map((e) => e.type)).toEqual(['ParticipantCheckedIn']);
    s.run({ type: 'checkOut' }, member(LANDS[11]));
    const out = s.run({ type: 'checkOut' }, member(LANDS[10]));
    expect(out.at(-1)).toMatchObject({ type: 'QuorumChanged', present: 10, met: false });
    expect(s.state.quorumLog.map((q) => q.met)).toEqual([false, true, false]);
  });
  it('R-VOT-3: the quorum log starts at the opening', () => {
    const s = scheduledSession();
    s.checkInLands(LANDS.slice(0, 12));
    const events = s.run({ type: 'openSession' }, chair);
    expect(events).toMatchObject([{ type: 'SessionOpened' }, { type: 'QuorumChanged', present: 12, met: true }]);
  });
});

describe('R-SES-3: recording needs everyone\'s consent', () => {
  it('R-SES-3: recording refused while a present participant has not consented → recording.consentMissing', () => {
    const s = openSessionWith(2);
    s.run({ type: 'giveRecordingConsent' }, member(LANDS[0]));
    const r = s.refuse({ type: 'startRecording' }, chair, 'recording.consentMissing', 'R-SES-3');
    expect(r.details).toMatchObject({ missing: 1 });
  });
  it('R-SES-3: all present consented → RecordingStarted; a withdrawal stops it at once', () => {
    const s = openSessionWith(2);
    for (const l of LANDS.slice(0, 2)) s.run({ type: 'giveRecordingConsent' }, member(l));
    expect(s.run({ type: 'startRecording' }, chair)).toMatchObject([{ type: 'RecordingStarted' }]);
    const events = s.run({ type: 'withdrawRecordingConsent' }, member(LANDS[1]));
    expect(events).toMatchObject([{ type: 'RecordingConsentWithdrawn', participantId: `m-${LANDS[1]}` }, { type: 'RecordingStopped', reason: 'consentWithdrawn' }]);
    expect(s.state.recording.active).toBe(false);
  });
  it('R-SES-3: a participant without consent checking in stops the recording', () => {
    const s = openSessionWith(1);
    s.run({ type: 'giveRecordingConsent' }, member(LANDS[0]));
    s.run({ type: 'startRecording' }, chair);
    expect(s.run({ type: 'checkIn', mode: 'remote' }, member(LANDS[5]))).toMatchObject([
      { type: 'ParticipantCheckedIn' }, { type: 'RecordingStopped', reason: 'participantWithoutConsent' },
    ]);
  });
  it('R-SES-3: stopping when not recording → recording.notActive; closing the session stops the recording', () => {
    const s = openSessionWith(1);
    s.refuse({ type: 'stopRecording' }, chair, 'recording.notActive');
    s.run({ type: 'giveRecordingConsent' }, member(LANDS[0]));
    s.run({ type: 'startRecording' }, chair);
    s.refuse({ type: 'startRecording' }, chair, 'recording.alreadyActive');
    expect(s.run({ type: 'closeSession' }, chair)).toMatchObject([{ type: 'RecordingStopped', reason: 'sessionClosed' }, { type: 'SessionClosed' }]);
  });
});

describe('R-SES-4: public only by a recorded decision', () => {
  it('R-SES-4: a session is not public by default', () => {
    expect(scheduledSession().state.session?.public).toBe(false);
  });
  it('R-SES-4: an adopted setPublic motion emits PublicSwitched', () => {
    const s = openSessionWith(12);
    const { events, voteId } = s.voteOn('', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'yes'])), { kind: 'setPublic', public: true });
    expect(events.at(-1)).toMatchObject({ type: 'PublicSwitched', public: true, voteId });
    expect(s.state.session?.public).toBe(true);
  });
  it('R-SES-4: a rejected setPublic motion changes nothing', () => {
    const s = openSessionWith(12);
    const { events } = s.voteOn('', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'no'])), { kind: 'setPublic', public: true });
    expect(events.map((e: MeetingEvent) => e.type)).toEqual(['VoteClosed']);
    expect(s.state.session?.public).toBe(false);
  });
});

describe('session lifecycle', () => {
  it('open twice → session.alreadyOpen; close with an open vote → vote.alreadyOpen; after close → session.closed', () => {
    const s = openSessionWith(12);
    s.refuse({ type: 'openSession' }, chair, 'session.alreadyOpen');
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.refuse({ type: 'closeSession' }, chair, 'vote.alreadyOpen');
    s.run({ type: 'cancelVote', voteId }, chair);
    s.run({ type: 'closeSession' }, chair);
    s.refuse({ type: 'openSession' }, chair, 'session.closed');
    s.refuse({ type: 'checkIn', mode: 'room' }, delegate('m-TH'), 'session.closed');
  });
  it('commands before scheduling → session.notScheduled', () => {
    given([]).when({ type: 'openSession' }, chair).then('session.notScheduled');
  });
});
