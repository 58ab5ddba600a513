import { violation, isViolation } from '../violations.ts';
import type { CommandOf, MeetingEvent } from './schema.ts';
import { ev, needOpen, targetParticipant, type MeetingContext, type Result } from './guards.ts';

/** The speakers list: requests, the floor given by the chair (R-GST-1: guests may be given it too). */

export function requestFloor(c: MeetingContext, cmd: CommandOf<'requestFloor'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  const p = targetParticipant(c, cmd.participantId);
  if (isViolation(p)) return p;
  const { queue, current } = c.state.speakers;
  if (queue.some((q) => q.participantId === p.id) || current?.participantId === p.id) {
    return violation('floor.alreadyRequested', undefined, { participantId: p.id });
  }
  return [ev(c, 'FloorRequested', { participantId: p.id })];
}

export function withdrawFloorRequest(c: MeetingContext, cmd: CommandOf<'withdrawFloorRequest'>): Result {
  const p = targetParticipant(c, cmd.participantId);
  if (isViolation(p)) return p;
  if (!c.state.speakers.queue.some((q) => q.participantId === p.id)) return violation('floor.notRequested', undefined, { participantId: p.id });
  return [ev(c, 'FloorRequestWithdrawn', { participantId: p.id })];
}

/** The next in line, or a named participant. */
export function giveFloor(c: MeetingContext, cmd: CommandOf<'giveFloor'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  let next: string;
  if (cmd.participantId) {
    const named = targetParticipant(c, cmd.participantId);
    if (isViolation(named)) return named;
    next = named.id;
  } else {
    const head = c.state.speakers.queue[0];
    if (!head) return violation('floor.queueEmpty');
    next = head.participantId;
  }
  const current = c.state.speakers.current;
  const events: MeetingEvent[] = [];
  if (current) events.push(ev(c, 'FloorEnded', { participantId: current.participantId }));
  events.push(ev(c, 'FloorGiven', { participantId: next }));
  return events;
}

export function endFloor(c: MeetingContext): Result {
  const current = c.state.speakers.current;
  if (!current) return violation('floor.noneActive');
  return [ev(c, 'FloorEnded', { participantId: current.participantId })];
}
