import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../log.ts';
import type { FollowableStreams } from '../pipeline/stream-registry.ts';
import type { CommitNotice, PlenumServer } from '../socket/types.ts';

/** 'off': one node (no REDIS_URL); 'ok': the other nodes hear of each commit; 'degraded': Redis cannot be reached. */
export type FanoutHealth = 'off' | 'ok' | 'degraded';

export interface FanoutOptions {
  url: string;
  /** Names the Redis stream and channels, so several installations (or test runs) can share one Redis. */
  prefix: string;
  /** Every stream registry of this node: commits made here are announced, notices from the others are routed. */
  registries: FollowableStreams[];
  log: Logger;
  /** How often loaded streams read the log while Redis is away and for a while after it is back (ms). */
  sweepMs?: number;
  /** How often they read it anyway, in case a notice was lost without a later one showing the gap (ms). */
  safetySweepMs?: number;
}

export interface ClusterFanout {
  health(): FanoutHealth;
  close(): Promise<void>;
}

/** After Redis is back, keep sweeping this long: the subscriber reconnects on its own schedule. */
const RECOVERY_SWEEPS_MS = 5_000;

/**
 * Fan-out between equal nodes (issue 14), through Socket.IO's Redis streams adapter.
 *
 * - **Commits.** A node that commits tells the others with one notice per commit
 *   (`serverSideEmit('plenum:committed', {stream, envelopes})`). Each node folds the notice into
 *   its own runtime of that stream (if loaded) and, through the runtime's follow listeners, sends
 *   its own sockets what its own state now holds: the events to the live room and guests, and its
 *   own public projection to its public followers (socket/follower-fanout.ts). So a client never
 *   sees an event before the node it talks to has it, and a resync there never goes backwards.
 * - **Gaps.** Notices travel by Redis PUB/SUB (the adapter's path for server-side emits), which
 *   drops what is sent while a node is cut off. A notice whose first seq does not follow the
 *   runtime's seq makes it read the log (PostgreSQL is the record); clients see no gap.
 * - **Redis away.** Commands still commit (the log is PostgreSQL); notices are not sent (nothing
 *   piles up in memory); /healthz says 'degraded'; every loaded stream reads the log every
 *   `sweepMs`, so this node's clients are at most that far behind. When Redis is back, the node
 *   announces the last event of each stream it committed to meanwhile (the others see the gap and
 *   read the log) and sweeps once more.
 * - Room broadcasts the app makes through `io.to(...)` (an invitation revoked, a session logged
 *   out, a draft changed) reach every node's sockets through the adapter's stream.
 */
export async function startRedisFanout(io: PlenumServer, options: FanoutOptions): Promise<ClusterFanout> {
  const { log, registries } = options;
  const sweepMs = options.sweepMs ?? 1_000;
  const safetySweepMs = options.safetySweepMs ?? 15_000;
  const client = createClient({
    url: options.url,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1_000) },
    // A dead connection that does not close (a cut cable) is noticed within this.
    pingInterval: 2_000,
  });
  let degradedSince: number | null = Date.now();
  let recoveredAt = 0;
  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    sweeping ??= Promise.all(registries.map((r) => r.sweep())).then(() => undefined).finally(() => { sweeping = null; });
    return sweeping;
  };
  /** Per stream, the last event committed here while Redis was away: announced when it is back. */
  const unannounced = new Map<string, CommitNotice['envelopes'][number]>();
  client.on('error', (err: Error) => {
    if (degradedSince === null) {
      degradedSince = Date.now();
      log.error({ err: err.message }, 'fan-out degraded: Redis cannot be reached; commands still commit, other nodes catch up from the log');
    }
  });
  client.on('ready', () => {
    if (degradedSince !== null) log.info({ degradedMs: Date.now() - degradedSince }, 'fan-out: Redis reached');
    degradedSince = null;
    recoveredAt = Date.now();
    // What this node committed meanwhile: the last event per stream is enough, since a notice that
    // does not follow on makes the others read the log.
    for (const [stream, last] of unannounced) io.serverSideEmit('plenum:committed', { stream, envelopes: [last] });
    unannounced.clear();
    void sweep();
  });
  // The first connection may fail (Redis not up yet): the node still serves, degraded, and keeps trying.
  const connected = client.connect().catch((err: unknown) => log.error({ err }, 'fan-out: first connection to Redis failed'));
  await Promise.race([connected, new Promise((r) => setTimeout(r, 3_000))]);

  io.adapter(createAdapter(client, {
    streamName: `${options.prefix}:socket.io`,
    channelPrefix: `${options.prefix}:socket.io`,
    maxLen: 10_000,
    // A shorter block than the default 5 s, so a node's reader stops soon after close().
    blockTimeInMs: 2_000,
  }));

  const route = (notice: CommitNotice) => {
    if (!notice || typeof notice.stream !== 'string' || !Array.isArray(notice.envelopes)) return;
    for (const registry of registries) {
      const id = registry.idOf(notice.stream);
      if (id !== null) { registry.follow(id, notice.envelopes); return; }
    }
  };
  io.on('plenum:committed', route);

  for (const registry of registries) {
    registry.tapCommits((stream, envelopes) => {
      if (envelopes.length === 0) return;
      // Not while Redis is away: the client would queue every notice until it is back.
      if (!client.isReady) unannounced.set(stream, envelopes.at(-1)!);
      else io.serverSideEmit('plenum:committed', { stream, envelopes });
    });
  }

  let lastSweep = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    const eager = degradedSince !== null || now - recoveredAt < RECOVERY_SWEEPS_MS;
    if (!eager && now - lastSweep < safetySweepMs) return;
    lastSweep = now;
    void sweep();
  }, sweepMs);
  timer.unref();

  return {
    health: () => (client.isReady ? 'ok' : 'degraded'),
    async close() {
      clearInterval(timer);
      await sweeping?.catch(() => undefined);
      // The adapter's own clients close with io.close(); this one is ours.
      client.destroy();
    },
  };
}
