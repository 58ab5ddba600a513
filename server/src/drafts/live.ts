import type { Server } from 'socket.io';

/**
 * Live updates of drafts (R-AGR-1: all Länder see the same paper): every socket of the office,
 * the chair, a Land's officer or a room screen (it shows the Arbeitsgremium's called bracket) is in one room and hears each change of any draft with its new
 * state. Drafts are few and small; one room keeps the protocol free of watch/unwatch messages.
 */
export const DRAFTS_ROOM = 'drafts';
const WATCHING_ROLES = new Set(['office', 'chair', 'delegate', 'screen']);

export interface DraftChanged { kind: 'draft' | 'assignment'; id: string; seq: number; state: unknown; types: string[] }

export function joinDraftsRoom(io: Server) {
  io.on('connection', (socket) => {
    const role = (socket.data as { actor?: { role?: string } }).actor?.role;
    if (role && WATCHING_ROLES.has(role)) void socket.join(DRAFTS_ROOM);
  });
}

export function broadcastDraftChange(io: Server | null, change: DraftChanged) {
  io?.to(DRAFTS_ROOM).emit('draft:changed', change);
}
