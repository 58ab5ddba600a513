import { violation, isViolation } from '../violations.ts';
import type { CommandOf, MeetingEvent } from './schema.ts';
import { ev, needNotClosed, targetParticipant, type MeetingContext, type Result } from './guards.ts';

/** R-SES-2: who is present, and how. */

/**
 * R-SES-2: check in with the attendance mode (and, remote, the channel: video or telephone);
 * checking in again with another mode or channel changes it.
 */
export function checkIn(c: MeetingContext, cmd: CommandOf<'checkIn'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  if (cmd.via && cmd.mode !== 'remote') return violation('attendance.viaWithoutRemote', 'R-SES-2', { mode: cmd.mode, via: cmd.via });
  const p = targetParticipant(c, cmd.participantId);
  if (isViolation(p)) return p;
  const via = cmd.via ?? null;
  if (p.presence?.mode === cmd.mode && (p.presence.via ?? null) === via) {
    return violation('participant.alreadyPresent', 'R-SES-2', { participantId: p.id });
  }
  const events: MeetingEvent[] = [ev(c, 'ParticipantCheckedIn', { participantId: p.id, mode: cmd.mode, via })];
  // R-SES-3: recording needs the consent of everyone present; a newcomer without it stops it.
  if (c.state.recording.active && !p.recordingConsent) events.push(ev(c, 'RecordingStopped', { reason: 'participantWithoutConsent' }));
  return events;
}

/** Checking out also takes the participant off the speakers list. */
export function checkOut(c: MeetingContext, cmd: CommandOf<'checkOut'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const p = targetParticipant(c, cmd.participantId);
  if (isViolation(p)) return p;
  if (!p.presence) return violation('participant.notPresent', undefined, { participantId: p.id });
  const events: MeetingEvent[] = [];
  if (c.state.speakers.current?.participantId === p.id) events.push(ev(c, 'FloorEnded', { participantId: p.id }));
  if (c.state.speakers.queue.some((q) => q.participantId === p.id)) events.push(ev(c, 'FloorRequestWithdrawn', { participantId: p.id }));
  events.push(ev(c, 'ParticipantCheckedOut', { participantId: p.id }));
  return events;
}
