import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, authorize, type Actor, type Command } from '../src/index.ts';
import { chair, delegate, member, office, scheduledSession, system } from './support/scenario.ts';

/** Minimal well-formed commands of every type (the role table does not look at their content). */
const SAMPLE: Record<string, Command> = {
  scheduleSession: { type: 'scheduleSession', title: 't', date: '2024-04-19', place: 'p', kind: 'regular', format: 'room' },
  nameRepresentative: { type: 'nameRepresentative', land: 'BW', kind: 'member', name: 'n' },
  nameTemporaryDeputy: { type: 'nameTemporaryDeputy', land: 'BW', name: 'n' },
  inviteGuest: { type: 'inviteGuest', name: 'n', guestKind: 'federalMinister' },
  announceStaff: { type: 'announceStaff', name: 'n', accompanies: 'BW' },
  nameChair: { type: 'nameChair', name: 'n' },
  addAgendaItem: { type: 'addAgendaItem', item: { number: '1', title: 't', kind: 'report', rapporteurs: ['BW'], paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'none', barredFromPublication: false }, shortNotice: false },
  editAgendaItem: { type: 'editAgendaItem', itemId: 'i', item: {} },
  removeAgendaItem: { type: 'removeAgendaItem', itemId: 'i' },
  setItPlrCoordination: { type: 'setItPlrCoordination', itemId: 'i', state: 'agreed' },
  openSession: { type: 'openSession' }, closeSession: { type: 'closeSession' },
  checkIn: { type: 'checkIn', mode: 'room' }, checkOut: { type: 'checkOut' },
  setCurrentItem: { type: 'setCurrentItem', itemId: null },
  openVote: { type: 'openVote', motion: { kind: 'setPublic', public: true } },
  castVote: { type: 'castVote', voteId: 'v', land: 'BW', choice: 'yes' },
  recordVote: { type: 'recordVote', voteId: 'v', land: 'BW', choice: 'yes', mode: 'showOfHands' },
  closeVote: { type: 'closeVote', voteId: 'v' }, cancelVote: { type: 'cancelVote', voteId: 'v' },
  noteReport: { type: 'noteReport', itemId: 'i' },
  transferVote: { type: 'transferVote', to: 'BY', scope: { kind: 'untilRevoked' } },
  revokeTransfer: { type: 'revokeTransfer', transferId: 't' },
  addDeclaration: { type: 'addDeclaration', itemId: 'i', text: 'x' },
  giveRecordingConsent: { type: 'giveRecordingConsent' }, withdrawRecordingConsent: { type: 'withdrawRecordingConsent' },
  startRecording: { type: 'startRecording' }, stopRecording: { type: 'stopRecording' },
  requestFloor: { type: 'requestFloor' }, withdrawFloorRequest: { type: 'withdrawFloorRequest' },
  giveFloor: { type: 'giveFloor' }, endFloor: { type: 'endFloor' },
  recordAgendaProposal: { type: 'recordAgendaProposal', targetSessionId: 's', drafts: [{ draftId: 'd', title: 't', version: 1, openBrackets: 0 }] },
  recordReschedule: { type: 'recordReschedule', date: '2025-03-14', place: 'Hamburg', format: 'room', chairLands: ['HB'], chairDecision: null, reason: 'x' },
  recordCancellation: { type: 'recordCancellation', reason: 'x' },
};

const s = scheduledSession();
s.run({ type: 'inviteGuest', name: 'Gast', guestKind: 'federalMinister', participantId: 'g-1' }, office);
s.run({ type: 'announceStaff', name: 'Staff', accompanies: 'BW', participantId: 's-1' }, office);
const allowed = (actor: Actor) => COMMAND_TYPES.filter((t) => authorize(s.state, SAMPLE[t], actor) === null).sort();

describe('authorize: the role table', () => {
  it('every command type has a sample', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual([...COMMAND_TYPES].sort());
  });
  it('R-CHR-2: the office prepares', () => {
    expect(allowed(office)).toEqual(['addAgendaItem', 'announceStaff', 'checkIn', 'checkOut', 'editAgendaItem', 'inviteGuest', 'nameChair',
      'nameRepresentative', 'nameTemporaryDeputy', 'recordVote', 'removeAgendaItem', 'scheduleSession', 'setItPlrCoordination'].sort());
  });
  it('the chair runs the session', () => {
    expect(allowed(chair)).toEqual(['addAgendaItem', 'cancelVote', 'checkIn', 'checkOut', 'closeSession', 'closeVote', 'endFloor', 'giveFloor',
      'giveRecordingConsent', 'nameTemporaryDeputy', 'noteReport', 'openSession', 'openVote', 'recordVote', 'requestFloor', 'setCurrentItem', 'startRecording',
      'stopRecording', 'withdrawFloorRequest', 'withdrawRecordingConsent'].sort());
  });
  it('R-MEM-2: a member acts for itself and its Land', () => {
    expect(allowed(member('BW'))).toEqual(['addDeclaration', 'castVote', 'checkIn', 'checkOut', 'giveRecordingConsent', 'nameTemporaryDeputy',
      'requestFloor', 'revokeTransfer', 'transferVote', 'withdrawFloorRequest', 'withdrawRecordingConsent'].sort());
  });
  it('R-GST-1: guests and staff follow, consent and speak; never vote (auth.notEntitled)', () => {
    const self = ['checkIn', 'checkOut', 'giveRecordingConsent', 'requestFloor', 'withdrawFloorRequest', 'withdrawRecordingConsent'].sort();
    for (const actor of [{ role: 'guest', participantId: 'g-1' }, { role: 'staff', participantId: 's-1' }] as Actor[]) {
      expect(allowed(actor)).toEqual(self);
      expect(authorize(s.state, SAMPLE.castVote, actor)).toMatchObject({ code: 'auth.notEntitled', rule: 'R-GST-1' });
      expect(authorize(s.state, SAMPLE.openVote, actor)).toMatchObject({ code: 'auth.forbidden' });
    }
  });
  it('a guest posing as a delegate is not entitled', () => {
    expect(authorize(s.state, SAMPLE.castVote, delegate('g-1'))).toMatchObject({ code: 'auth.notEntitled' });
  });
  it('screen and public may do nothing (auth.forbidden); system may do everything', () => {
    expect(allowed({ role: 'screen', participantId: null })).toEqual([]);
    expect(allowed({ role: 'public', participantId: null })).toEqual([]);
    expect(authorize(s.state, SAMPLE.checkIn, { role: 'public', participantId: null })).toMatchObject({ code: 'auth.forbidden' });
    expect(allowed(system)).toHaveLength(COMMAND_TYPES.length);
  });
  it('a delegate without a registered participant → participant.unknown', () => {
    expect(authorize(s.state, SAMPLE.checkIn, delegate('nobody'))).toMatchObject({ code: 'participant.unknown' });
  });
});
