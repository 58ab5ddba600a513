import { cursorStillCurrent, publicCursor, type CalledCursor, type MeetingState } from '@plenum/shared';
import { followersRoom, liveRoom } from '../meeting/state-view.ts';
import type { PlenumServer, PlenumSocket } from './types.ts';

/** At most one relay of the roll-call cursor per meeting in this time (ms); the latest cursor wins. */
export const CALL_RELAY_MS = 100;

interface Slot {
  cursor: CalledCursor | null;
  sentAt: number;
  timer: NodeJS.Timeout | null;
  /** Whether public followers were last sent a cursor (not null): they hear its end once, not every hidden move. */
  followersHaveCursor: boolean;
}

/**
 * R-VOT-7 / R-SES-2: the Land the chair calls now, relayed to the room (ephemeral, not logged:
 * shared/src/meeting/rollCallCursor.ts says why). Per meeting it keeps the latest cursor, for
 * whoever joins, and bounds the fan-out: a chair holding an arrow key down moves the cursor many
 * times a second, the room gets at most one relay per CALL_RELAY_MS (the last one always goes out).
 * Invited roles get every cursor; public followers only one of a round of the public part
 * (R-SES-4), and the end of a call.
 *
 * Several nodes: the relay goes through the Socket.IO adapter to every node's sockets, but the
 * latest cursor is kept on the node the chair is connected to; a screen that joins another node
 * sees the call from the chair's next move on.
 */
export class RollCallRelay {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly io: () => PlenumServer | null, private readonly intervalMs = CALL_RELAY_MS) {}

  /** The chair set `cursor` (already allowed by cursorRefusal); `state` reads the meeting's state when the relay goes out. */
  set(meetingId: string, cursor: CalledCursor | null, state: () => MeetingState): void {
    let slot = this.slots.get(meetingId);
    if (!slot) this.slots.set(meetingId, (slot = { cursor: null, sentAt: 0, timer: null, followersHaveCursor: false }));
    slot.cursor = cursor;
    if (slot.timer) return; // a relay is due: it takes this cursor
    const wait = slot.sentAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.relay(meetingId, slot, state());
    slot.timer = setTimeout(() => { slot.timer = null; this.relay(meetingId, slot, state()); }, wait);
    slot.timer.unref();
  }

  /** After a join: the cursor of a call that still runs, if this socket may see it. */
  sendOnJoin(socket: PlenumSocket, meetingId: string, state: MeetingState): void {
    const cursor = this.slots.get(meetingId)?.cursor;
    if (!cursor || !cursorStillCurrent(state, cursor)) return;
    if (socket.data.actor.role === 'public' && !publicCursor(state, cursor)) return;
    socket.emit('meeting:called', { meetingId, cursor });
  }

  private relay(meetingId: string, slot: Slot, state: MeetingState): void {
    slot.sentAt = Date.now();
    const { cursor } = slot;
    if (cursor === null) this.slots.delete(meetingId);
    const io = this.io();
    if (!io) return;
    io.to(liveRoom(meetingId)).emit('meeting:called', { meetingId, cursor });
    // Followers get a cursor only where R-SES-4 lets them see the round, and hear once when it is gone.
    const toFollowers = cursor !== null && publicCursor(state, cursor) ? cursor : null;
    if (toFollowers === null && !slot.followersHaveCursor) return;
    slot.followersHaveCursor = toFollowers !== null;
    io.to(followersRoom(meetingId)).emit('meeting:called', { meetingId, cursor: toFollowers });
  }

  dispose(): void {
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.slots.clear();
  }
}
