/** IPC messages between the bench coordinator and a follower worker process. */
export interface ConnectSpec {
  url: string;
  count: number;
  meetingId: string;
  /** Many sessions: follower i joins meetingIds[i % length] instead of meetingId. */
  meetingIds?: string[];
  /** Sent as the Socket.IO handshake `auth` (bare uses it to tell followers from staff). */
  auth?: Record<string, string>;
  /** Extra HTTP headers of the WebSocket upgrade (Origin, Cookie). */
  headers?: Record<string, string>;
  /** Connections in flight at once, per worker. */
  concurrency: number;
}

export type ToWorker =
  | { op: 'clock'; t: number }
  | { op: 'connect'; spec: ConnectSpec }
  /** How many followers have `seq` (per meeting index with many sessions). */
  | { op: 'progress'; seq: number | number[] }
  /** `meeting`: the meeting index of the cast with many sessions (only that meeting's followers count). */
  | { op: 'collect'; casts: Cast[]; offset: number }
  | { op: 'close' };

export type Cast = [seq: number, t0: number, meeting?: number];

export interface ConnectReport { ok: number; failed: number; errors: string[]; ms: number }
export interface CollectReport {
  /** Cast → receipt at each follower, ms, coordinator clock. */
  latencies: Float64Array;
  /** (follower, cast) pairs never received. */
  missing: number;
  /** Pictures (envelopes or projections) that arrived with a seq below the follower's last one. */
  outOfOrder: number;
  /** Pictures repeated with the follower's last seq (harmless). */
  duplicates: number;
  /** Distinct pictures (seqs) received by anyone in this worker. */
  messages: number;
  /** The worker's first follower: messages and Socket.IO packet bytes received after its join. */
  firstFollower: { messages: number; bytes: number };
  /** Followers disconnected during the run. */
  disconnected: number;
  /** Followers that received every cast, in order. */
  complete: number;
  followers: number;
}

export type FromWorker =
  | { op: 'clock'; t: number; w: number }
  | { op: 'connected'; report: ConnectReport }
  | { op: 'progress'; have: number }
  | { op: 'results'; report: CollectReport }
  | { op: 'error'; message: string };
