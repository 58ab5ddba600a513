import type { EventEnvelope, MeetingState } from '@plenum/shared';
import { followersRoom, liveRoom, viewEvents } from '../meeting/state-view.ts';
import { FollowerFanout } from './follower-fanout.ts';
import type { PlenumServer } from './types.ts';

/**
 * After a commit: the live room (chair, delegates, screen) at once with one emit; public followers
 * after the ack, in slices and coalesced when busy (follower-fanout.ts). When the session stops
 * being public, followers get that last batch, are told ('session.notPublic', R-SES-4) and are
 * disconnected.
 */
export function broadcaster(io: () => PlenumServer | null, fanout = new FollowerFanout(io)) {
  return (meetingId: string, events: EventEnvelope[], state: MeetingState) => {
    const server = io();
    if (!server) return;
    const serverTime = new Date().toISOString();
    server.to(liveRoom(meetingId)).emit('meeting:events', { meetingId, events, serverTime });
    const forFollowers = viewEvents('public', state, events);
    const room = followersRoom(meetingId);
    const stillPublic = state.session?.public === true;
    const disconnect = () => {
      const s = io();
      if (!s) return;
      s.to(room).emit('meeting:error', { code: 'session.notPublic', rule: 'R-SES-4' });
      s.in(room).disconnectSockets(true);
    };
    // Through the fan-out queue even when empty, so a disconnect never overtakes the last batch.
    if (forFollowers.length > 0 || !stillPublic) fanout.push(room, meetingId, forFollowers, stillPublic ? undefined : disconnect);
  };
}
