import type { EventEnvelope, MeetingEvent, MeetingState } from '@plenum/shared';
import type { Commit } from '../pipeline/stream-runtime.ts';
import { canFollow } from './state-view.ts';

/**
 * One listener call per run of commands with the same public audience before and after, so a
 * batch is broadcast in one message to the live room, while the public followers see exactly what
 * they saw command by command: events up to and including the one that ends publicity, nothing
 * after it (R-SES-4; state-view.ts decides by the state it is given).
 */
export function broadcastSegments(commit: Commit<MeetingState, MeetingEvent>): { events: EventEnvelope[]; state: MeetingState }[] {
  const out: { events: EventEnvelope[]; state: MeetingState; audience: string }[] = [];
  let previous = canFollow('public', commit.before);
  for (const step of commit.steps) {
    if (step.envelopes.length === 0) continue;
    const now = canFollow('public', step.state);
    const audience = `${previous}>${now}`;
    previous = now;
    const last = out.at(-1);
    if (last && last.audience === audience) {
      last.events.push(...step.envelopes);
      last.state = step.state;
    } else out.push({ events: [...step.envelopes], state: step.state, audience });
  }
  return out.map(({ events, state }) => ({ events, state }));
}
