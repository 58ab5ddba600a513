import type { EventEnvelope, MeetingState } from '@plenum/shared';
import { followersRoom, liveRoom } from '../meeting/state-view.ts';
import { FollowerFanout, type FanoutOptions } from './follower-fanout.ts';
import type { PlenumServer } from './types.ts';

/**
 * After a commit: the live room (chair, delegates, screen: every invited role) gets the events at
 * once with one emit; public followers get the public projection after the ack, coalesced and in
 * slices (follower-fanout.ts). When the session stops being public, followers are told
 * ('session.notPublic', R-SES-4) and disconnected.
 */
export function broadcaster(io: () => PlenumServer | null, options: FanoutOptions = {}, fanout = new FollowerFanout(io, options)) {
  return (meetingId: string, events: EventEnvelope[], state: MeetingState) => {
    const server = io();
    if (!server) return;
    server.to(liveRoom(meetingId)).emit('meeting:events', { meetingId, events, serverTime: new Date().toISOString() });
    fanout.update(followersRoom(meetingId), meetingId, state);
  };
}
