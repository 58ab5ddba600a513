import type { EventEnvelope, MeetingState } from '@plenum/shared';
import { followersRoom, liveRoom, viewEvents } from '../meeting/state-view.ts';
import type { PlenumServer } from './types.ts';

/**
 * After a commit: one emit per room (never a loop over sockets), the live room first. Public
 * followers get what their view allows; when the session stops being public they are told
 * ('session.notPublic', R-SES-4) and disconnected.
 */
export function broadcaster(io: () => PlenumServer | null) {
  return (meetingId: string, events: EventEnvelope[], state: MeetingState) => {
    const server = io();
    if (!server) return;
    const serverTime = new Date().toISOString();
    server.to(liveRoom(meetingId)).emit('meeting:events', { meetingId, events, serverTime });
    const forFollowers = viewEvents('public', state, events);
    const room = followersRoom(meetingId);
    if (forFollowers.length > 0) server.to(room).emit('meeting:events', { meetingId, events: forFollowers, serverTime });
    if (state.session?.public !== true) {
      server.to(room).emit('meeting:error', { code: 'session.notPublic', rule: 'R-SES-4' });
      server.in(room).disconnectSockets(true);
    }
  };
}
