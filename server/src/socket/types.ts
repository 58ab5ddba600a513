import type { Server, Socket } from 'socket.io';
import type { Actor, ClientToServerEvents, ServerToClientEvents } from '@plenum/shared';
import type { TokenBucket } from './rate-limit.ts';

export interface SocketData {
  actor: Actor;
  /** The invitation behind the cookie session; null for public followers. */
  invitationId: string | null;
  /**
   * The meeting this socket acts in: a meeting invitation's own from the start; a conference
   * invitation's once it joined one of its sessions (one meeting per socket); null for public
   * followers (they may follow any public meeting).
   */
  meetingId: string | null;
  /** The meetings this socket's invitation may enter (null for public followers). */
  meetings: (() => Promise<ReadonlySet<string>>) | null;
  /** SHA-256 of the cookie session id; null for public followers. Re-checked on every command (logout ends it). */
  sessionHash: string | null;
  bucket: TokenBucket;
  /** Whose limits this socket draws on: the cookie session, or the address of a public follower (PersonLimits). */
  personKey: string;
}

/** One node tells the others, through the Redis adapter, what it committed (server/src/cluster/redis-fanout.ts). */
export interface CommitNotice {
  stream: string;
  envelopes: { seq: number; at: string; hash: string; event: unknown }[];
}
export interface InterServerEvents {
  'plenum:committed': (notice: CommitNotice) => void;
}

export type PlenumServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type PlenumSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Room of all sockets of one invitation, so a revocation reaches them all. */
export const invitationRoom = (invitationId: string) => `inv:${invitationId}`;
/** Room of all sockets of one cookie session, so a logout reaches them all. */
export const sessionRoom = (sessionHash: string) => `ses:${sessionHash}`;
