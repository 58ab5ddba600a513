import type { ActorClient } from '../lib/actor.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import type { ConnectSpec } from '../load/messages.ts';

export interface CastSample { seq: number; t0: number; tAck: number; ok: boolean; error?: string }

/** A server under test, started and brought to "a vote is open, followers may join". */
export interface Live {
  server: ServerProcess;
  chair: ActorClient;
  screen: ActorClient;
  follower: Omit<ConnectSpec, 'count' | 'concurrency'>;
  /** Cast number k (delegates in turn); resolves with its seq and timings. */
  cast(k: number): Promise<CastSample>;
  /** Size of a VoteCast broadcast as the screen received it, bytes. */
  broadcastBytes(): number;
  close(): Promise<void>;
}

export interface Target {
  name: 'plenum' | 'bare';
  /** How public followers are admitted, for the report. */
  followerNote: string;
  /** payloadBytes: Plenum's VoteCast broadcast to the live room; followerBytes: its public projection message. */
  start(opts: { payloadBytes?: number; followerBytes?: number }): Promise<Live>;
}
