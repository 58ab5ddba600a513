import { io } from 'socket.io-client';
import type { SocketFactory } from './socketLike.ts';

/**
 * The production socket: same origin, cookie sent (withCredentials), WebSocket first with
 * long-polling as a fallback for networks that block upgrades. Not connected until the store says so.
 */
export const realSocketFactory: SocketFactory = ({ anonymous }) =>
  io({
    autoConnect: false,
    withCredentials: !anonymous,
    transports: ['websocket', 'polling'],
    // Lets the server tell a public viewer from a participant whose cookie is missing.
    auth: anonymous ? { public: true } : {},
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
