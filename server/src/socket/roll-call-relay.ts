import { cursorStillCurrent, publicCursor, type CalledCursor, type MeetingState } from '@plenum/shared';
import { followersRoom, liveRoom } from '../meeting/state-view.ts';
import type { PlenumServer, PlenumSocket } from './types.ts';

/** At most one relay of the roll-call cursor per meeting in this time (ms); the latest cursor wins. */
export const CALL_RELAY_MS = 100;
/**
 * Public followers, who may be thousands (one write each per relay): at most one relay per
 * meeting in this time (ms), the latest cursor again winning. A roll call moves a Land every few
 * seconds; a chair sending ten cursors a second would otherwise cost ten passes over them all.
 */
export const FOLLOWER_CALL_RELAY_MS = 1000;

interface Slot {
  cursor: CalledCursor | null;
  sentAt: number;
  timer: NodeJS.Timeout | null;
  /** Whether public followers were last sent a cursor (not null): they hear its end once, not every hidden move. */
  followersHaveCursor: boolean;
  followersSentAt: number;
  followerTimer: NodeJS.Timeout | null;
  /** Reads the meeting's state when a relay goes out. */
  state: () => MeetingState;
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
    if (!slot) {
      slot = { cursor: null, sentAt: 0, timer: null, followersHaveCursor: false, followersSentAt: 0, followerTimer: null, state };
      this.slots.set(meetingId, slot);
    }
    slot.cursor = cursor;
    slot.state = state;
    if (slot.timer) return; // a relay is due: it takes this cursor
    const wait = slot.sentAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.relay(meetingId, slot);
    const due = slot;
    slot.timer = setTimeout(() => { due.timer = null; this.relay(meetingId, due); }, wait);
    slot.timer.unref();
  }

  /** After a join: the cursor of a call that still runs, if this socket may see it. */
  sendOnJoin(socket: PlenumSocket, meetingId: string, state: MeetingState): void {
    const cursor = this.slots.get(meetingId)?.cursor;
    if (!cursor || !cursorStillCurrent(state, cursor)) return;
    if (socket.data.actor.role === 'public' && !publicCursor(state, cursor)) return;
    socket.emit('meeting:called', { meetingId, cursor });
  }

  private relay(meetingId: string, slot: Slot): void {
    slot.sentAt = Date.now();
    this.io()?.to(liveRoom(meetingId)).emit('meeting:called', { meetingId, cursor: slot.cursor });
    // A follower relay already due takes the latest cursor when it goes out.
    if (!slot.followerTimer) {
      const wait = slot.followersSentAt + FOLLOWER_CALL_RELAY_MS - Date.now();
      if (wait <= 0) this.relayToFollowers(meetingId, slot);
      else {
        slot.followerTimer = setTimeout(() => { slot.followerTimer = null; this.relayToFollowers(meetingId, slot); }, wait);
        slot.followerTimer.unref();
      }
    }
    this.forget(meetingId, slot);
  }

  /** Followers get a cursor only where R-SES-4 lets them see the round, and hear once when it is gone. */
  private relayToFollowers(meetingId: string, slot: Slot): void {
    const { cursor } = slot;
    const toFollowers = cursor !== null && publicCursor(slot.state(), cursor) ? cursor : null;
    if (toFollowers !== null || slot.followersHaveCursor) {
      slot.followersHaveCursor = toFollowers !== null;
      slot.followersSentAt = Date.now();
      this.io()?.to(followersRoom(meetingId)).emit('meeting:called', { meetingId, cursor: toFollowers });
    }
    this.forget(meetingId, slot);
  }

  /** A call that ended is forgotten once nothing about it is still to be sent. */
  private forget(meetingId: string, slot: Slot): void {
    if (slot.cursor === null && !slot.timer && !slot.followerTimer && this.slots.get(meetingId) === slot) this.slots.delete(meetingId);
  }

  dispose(): void {
    for (const slot of this.slots.values()) {
      if (slot.timer) clearTimeout(slot.timer);
      if (slot.followerTimer) clearTimeout(slot.followerTimer);
    }
    this.slots.clear();
  }
}
