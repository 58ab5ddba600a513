import type { Server } from 'socket.io';

/**
 * The conference's changes reach every invited page at once (the session switcher's statuses):
 * each socket of a person with an invitation is in one room and hears 'conference:changed' after
 * every append to the conference stream. The message names nothing: each page reads its person's
 * own sessions again (GET /api/me), so no one learns of sessions that are not theirs. Public
 * followers are not in the room.
 */
export const CONFERENCE_ROOM = 'conference';

export function joinConferenceRoom(io: Server) {
  io.on('connection', (socket) => {
    const role = (socket.data as { actor?: { role?: string } }).actor?.role;
    if (role && role !== 'public') void socket.join(CONFERENCE_ROOM);
  });
}

export function announceConferenceChange(io: Server | null, at: string) {
  io?.to(CONFERENCE_ROOM).emit('conference:changed', { at });
}
