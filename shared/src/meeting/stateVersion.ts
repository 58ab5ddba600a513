/**
 * The shape of MeetingState (state.ts). Bump it whenever that shape changes: the server stores it
 * with every snapshot and rebuilds the state by replay when a snapshot carries another version.
 * In a zod-free module so that the client can import it without zod.
 */
export const MEETING_STATE_VERSION = 4;
