import type { EventEnvelope, MeetingState } from '@plenum/shared';
import { eventsForGuest, followersRoom, guestItems, guestRoom, liveRoom } from '../meeting/state-view.ts';
import { FollowerFanout, type FanoutOptions } from './follower-fanout.ts';
import type { PlenumServer } from './types.ts';

/**
 * After a commit here, or another node's commit taken in here (cluster): this node's own sockets
 * only (`io.local`; each node sends its sockets what its own state holds). The live room (chair, delegates, screen: every invited role) gets the events at
 * once with one emit; public followers get the public projection after the ack, coalesced and in
 * slices (follower-fanout.ts). When the session stops being public, followers are told
 * ('session.notPublic', R-SES-4) and disconnected.
 */
export function broadcaster(io: () => PlenumServer | null, options: FanoutOptions = {}, fanout = new FollowerFanout(io, options)) {
  return (meetingId: string, events: EventEnvelope[], state: MeetingState) => {
    const server = io();
    if (!server) return;
    const serverTime = new Date().toISOString();
    server.local.to(liveRoom(meetingId)).emit('meeting:events', { meetingId, events, serverTime });
    // R-GST-1: each guest invited for single items gets only the events of its items.
    for (const [participantId, p] of Object.entries(state.participants)) {
      const items = p.kind === 'guest' ? guestItems(state, participantId) : null;
      const mine = items ? eventsForGuest(events, state, items) : [];
      if (mine.length > 0) server.local.to(guestRoom(meetingId, participantId)).emit('meeting:events', { meetingId, events: mine, serverTime });
    }
    fanout.update(followersRoom(meetingId), meetingId, state);
  };
}
