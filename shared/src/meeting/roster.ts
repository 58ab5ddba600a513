import { violation, isViolation, type RuleViolation } from '../violations.ts';
import { own } from '../record.ts';
import type { CommandOf } from './schema.ts';
import type { Participant } from './state.ts';
import { representativeKindFits } from './arbeitsgremium.ts';
import { ev, knownLand, needNotClosed, type EventBody, type MeetingContext, type Result } from './guards.ts';

/** Who takes part: members and deputies (R-MEM-1, R-MEM-3), guests and staff (R-GST-1, R-GST-2), the chair. */

function newParticipantId(c: MeetingContext, given: string | undefined): string | RuleViolation {
  const id = given ?? c.newId('p');
  return own(c.state.participants, id) ? violation('participant.exists', undefined, { participantId: id }) : id;
}

/** Registers a new participant under a fresh or given id; refused when the id is taken. */
function register(
  c: MeetingContext, given: string | undefined, name: string, kind: Participant['kind'],
  extra: Partial<EventBody<'ParticipantRegistered'>> = {},
): Result {
  const participantId = newParticipantId(c, given);
  if (isViolation(participantId)) return participantId;
  return [ev(c, 'ParticipantRegistered', {
    participantId, name, kind, land: null, chairPeriod: null, guestKind: null, itemIds: null, accompanies: null,
    announcedAt: null, announcedLate: false, ...extra,
  })];
}

/** R-MEM-1: one member and one permanent deputy per Land and chair period. */
export function nameRepresentative(c: MeetingContext, cmd: CommandOf<'nameRepresentative'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  if (!knownLand(c.profile, cmd.land)) return violation('land.unknown', 'R-MEM-1', { land: cmd.land });
  const misfit = representativeKindFits(session, cmd.kind);
  if (misfit) return misfit;
  const taken = Object.values(c.state.participants).some(
    (p) => p.land === cmd.land && p.kind === cmd.kind && p.chairPeriod === session.chairPeriod,
  );
  if (taken) return violation('participant.exists', 'R-MEM-1', { land: cmd.land, kind: cmd.kind, chairPeriod: session.chairPeriod });
  return register(c, cmd.participantId, cmd.name, cmd.kind, { land: cmd.land, chairPeriod: session.chairPeriod });
}

/**
 * R-MEM-3: a temporary voting deputy for this session; the event records who named whom and when.
 * One per Land: a new naming replaces the earlier deputy, who no longer represents the Land.
 */
export function nameTemporaryDeputy(c: MeetingContext, cmd: CommandOf<'nameTemporaryDeputy'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  if (!knownLand(c.profile, cmd.land)) return violation('land.unknown', 'R-MEM-3', { land: cmd.land });
  const named = register(c, cmd.participantId, cmd.name, 'temporaryDeputy', { land: cmd.land });
  if (isViolation(named)) return named;
  const replacedBy = (named[0] as { participantId: string }).participantId;
  const earlier = Object.values(c.state.participants).filter((p) => p.kind === 'temporaryDeputy' && p.land === cmd.land && !p.replacedBy);
  return [...named, ...earlier.map((p) => ev(c, 'TemporaryDeputyReplaced', { participantId: p.id, replacedBy }))];
}

/** R-GST-1: guests are invited by the chair Land; they never vote. */
export function inviteGuest(c: MeetingContext, cmd: CommandOf<'inviteGuest'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const missing = (cmd.itemIds ?? []).find((id) => !c.state.agenda.some((i) => i.id === id));
  if (missing) return violation('item.unknown', 'R-GST-1', { itemId: missing });
  return register(c, cmd.participantId, cmd.name, 'guest', { guestKind: cmd.guestKind, itemIds: cmd.itemIds ? [...cmd.itemIds] : null });
}

/** R-GST-2: staff are announced in advance; an announcement after the session opened is flagged. */
export function announceStaff(c: MeetingContext, cmd: CommandOf<'announceStaff'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  if (!knownLand(c.profile, cmd.accompanies) && !own(c.state.participants, cmd.accompanies)) {
    return violation('participant.unknown', 'R-GST-2', { accompanies: cmd.accompanies });
  }
  const announcedAt = cmd.announcedAt ?? c.now;
  const announcedLate = session.openedAt !== null && announcedAt > session.openedAt;
  return register(c, cmd.participantId, cmd.name, 'staff', { accompanies: cmd.accompanies, announcedAt, announcedLate });
}

export function nameChair(c: MeetingContext, cmd: CommandOf<'nameChair'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  return register(c, cmd.participantId, cmd.name, 'chair');
}
