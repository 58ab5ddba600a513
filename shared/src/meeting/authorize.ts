import type { Actor } from '../context.ts';
import { own } from '../record.ts';
import type { Command, CommandType } from './schema.ts';
import type { MeetingState, Participant } from './state.ts';
import { isEntitledRepresentative } from './derive.ts';
import { violation, type RuleViolation } from '../violations.ts';

/**
 * The role table: who may ask for what. `decide` calls it before any rule guard; the server
 * derives the actor from the session cookie. What a command then may touch (which Land, which
 * participant) is checked here too, so that the guards in `decide` only deal with the rules.
 */

type Role = Actor['role'];

/** Office prepares (R-CHR-2). */
const OFFICE: CommandType[] = [
  'scheduleSession', 'nameRepresentative', 'nameTemporaryDeputy', 'inviteGuest', 'announceStaff', 'nameChair',
  'addAgendaItem', 'editAgendaItem', 'removeAgendaItem', 'setItPlrCoordination', 'checkIn', 'checkOut',
  // R-VOT-7: at the chair's side, the office may record votes declared orally.
  'recordVote',
];
/** The chair runs the session. */
const CHAIR: CommandType[] = [
  'openSession', 'closeSession', 'setCurrentItem', 'openVote', 'closeVote', 'cancelVote', 'noteReport',
  'giveFloor', 'endFloor', 'startRecording', 'stopRecording', 'checkIn', 'checkOut', 'nameTemporaryDeputy', 'addAgendaItem',
  'requestFloor', 'withdrawFloorRequest', 'giveRecordingConsent', 'withdrawRecordingConsent', 'recordVote',
];
/** Participants acting for themselves. */
const SELF: CommandType[] = ['checkIn', 'checkOut', 'giveRecordingConsent', 'withdrawRecordingConsent', 'requestFloor', 'withdrawFloorRequest'];
/** Delegates: their Land's vote and its representation (R-MEM-2..4, R-VOT-4). */
const DELEGATE: CommandType[] = [...SELF, 'castVote', 'transferVote', 'revokeTransfer', 'addDeclaration', 'nameTemporaryDeputy'];
/** Commands that exercise a Land's voting right: guests and staff are not entitled (R-GST-1). */
const VOTING_RIGHTS: CommandType[] = ['castVote', 'transferVote', 'revokeTransfer', 'addDeclaration', 'nameTemporaryDeputy'];

const TABLE: Record<Role, readonly CommandType[]> = {
  system: [], office: OFFICE, chair: CHAIR, delegate: DELEGATE, guest: SELF, staff: SELF, screen: [], public: [],
};

/**
 * Whether the role table lets `role` ask for `type` at all (the UI offers only what may be asked;
 * authorize still checks each command, with its target).
 */
export function roleMay(role: Role, type: CommandType): boolean {
  return role === 'system' || TABLE[role].includes(type);
}

/** A participant acting on someone else where only self-service is allowed. */
function targetsOther(command: Command, actor: Actor): boolean {
  const target = 'participantId' in command ? command.participantId : undefined;
  return target !== undefined && target !== actor.participantId;
}

function ownParticipant(state: MeetingState, actor: Actor): Participant | undefined {
  return actor.participantId === null ? undefined : own(state.participants, actor.participantId);
}

export function authorize(state: MeetingState, command: Command, actor: Actor): RuleViolation | null {
  if (actor.role === 'system') return null;
  const allowed = TABLE[actor.role];
  if (!allowed.includes(command.type)) {
    if ((actor.role === 'guest' || actor.role === 'staff') && VOTING_RIGHTS.includes(command.type)) {
      return violation('auth.notEntitled', 'R-GST-1');
    }
    return violation('auth.forbidden', undefined, { role: actor.role, command: command.type });
  }
  if (actor.role === 'office') return null;
  if (actor.role === 'chair') {
    // The chair may check in, check out or put on the speakers list anyone; consent is personal (R-SES-3).
    if ((command.type === 'giveRecordingConsent' || command.type === 'withdrawRecordingConsent') && !ownParticipant(state, actor)) {
      return violation('participant.unknown');
    }
    return null;
  }

  // Participants (delegate, guest, staff) act only for themselves.
  const me = ownParticipant(state, actor);
  if (!me) return violation('participant.unknown', undefined, { participantId: actor.participantId });
  if (SELF.includes(command.type)) {
    return targetsOther(command, actor) ? violation('auth.forbidden', undefined, { reason: 'otherParticipant' }) : null;
  }
  // delegate only from here on
  const entitled: boolean = isEntitledRepresentative(state, me);
  if (!entitled) {
    return me.kind === 'member' || me.kind === 'permanentDeputy'
      ? violation('roster.chairPeriod', 'R-MEM-1', { chairPeriod: me.chairPeriod })
      : violation('auth.notEntitled', 'R-GST-1');
  }
  switch (command.type) {
    case 'addDeclaration':
      return me.kind === 'temporaryDeputy' ? violation('declaration.temporaryDeputy', 'R-VOT-4') : null;
    case 'nameTemporaryDeputy':
      if (me.kind === 'temporaryDeputy') return violation('auth.forbidden', 'R-MEM-3', { reason: 'temporaryDeputy' });
      return command.land === me.land ? null : violation('vote.notYourLand', 'R-MEM-3', { land: command.land });
    case 'transferVote':
      return command.from === undefined || command.from === me.land ? null : violation('vote.notYourLand', 'R-MEM-4', { land: command.from });
    case 'revokeTransfer': {
      const t = state.transfers.find((x) => x.id === command.transferId);
      return !t || t.from === me.land ? null : violation('vote.notYourLand', 'R-MEM-4', { land: t.from });
    }
    default:
      return null; // castVote: which Land the delegate may set is a rule (R-MEM-2, R-MEM-4), checked in decide.
  }
}
