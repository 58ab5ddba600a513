import { violation, isViolation } from '../violations.ts';
import type { MeetingEvent } from './schema.ts';
import { ev, needOpen, targetParticipant, type MeetingContext, type Result } from './guards.ts';

/** R-SES-3: recording needs the consent of every participant present; a withdrawal stops it at once. */

export function giveRecordingConsent(c: MeetingContext): Result {
  const p = targetParticipant(c, undefined);
  if (isViolation(p)) return p;
  return p.recordingConsent ? [] : [ev(c, 'RecordingConsentGiven', { participantId: p.id })];
}

export function withdrawRecordingConsent(c: MeetingContext): Result {
  const p = targetParticipant(c, undefined);
  if (isViolation(p)) return p;
  if (!p.recordingConsent) return [];
  const events: MeetingEvent[] = [ev(c, 'RecordingConsentWithdrawn', { participantId: p.id })];
  if (c.state.recording.active) events.push(ev(c, 'RecordingStopped', { reason: 'consentWithdrawn' }));
  return events;
}

export function startRecording(c: MeetingContext): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  if (c.state.recording.active) return violation('recording.alreadyActive', 'R-SES-3');
  const missing = Object.values(c.state.participants).filter((p) => p.presence !== null && !p.recordingConsent);
  if (missing.length > 0) {
    return violation('recording.consentMissing', 'R-SES-3', { missing: missing.length, first: missing[0].id });
  }
  return [ev(c, 'RecordingStarted', {})];
}

export function stopRecording(c: MeetingContext): Result {
  if (!c.state.recording.active) return violation('recording.notActive', 'R-SES-3');
  return [ev(c, 'RecordingStopped', { reason: 'chair' })];
}
