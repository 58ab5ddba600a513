import pg from 'pg';
import type { Logger } from '../log.ts';

/** The advisory lock key of the between-sessions scheduler (any fixed bigint; 'PLNMSCHD' in ASCII). */
export const SCHEDULER_LOCK_KEY = 0x504c4e4d53434844n;

export interface Lease {
  /** Whether this node holds the lease now. */
  held(): boolean;
  /** The first try: settled when it failed, or when it succeeded and the work's start finished. */
  firstAttempt: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Work that must run on one node at a time (the between-sessions scheduler), under a PostgreSQL
 * session-level advisory lock held on a connection of its own. The node that holds it runs the
 * work; the others try again every `retryMs`. The lock goes with the connection: a node that dies
 * (even with -9) or loses its database releases it, and another takes over. A node that loses the
 * connection stops the work at once (`onLost`) before anything else may take the lock.
 *
 * The lock makes a double run rare, not impossible (a holder cut off from the database may still
 * be finishing a tick): what makes it harmless is the append with the expected seq, after which
 * the decider refuses the action that was already done.
 */
export function startAdvisoryLease(
  url: string, key: bigint, work: { onAcquired: () => Promise<void>; onLost: () => void }, log: Logger, retryMs = 2_000,
): Lease {
  let client: pg.Client | null = null;
  let holding = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const lose = (why: string) => {
    if (holding) {
      holding = false;
      log.warn({ why }, 'scheduler lease lost: this node stops the scheduler');
      work.onLost();
    }
    const c = client;
    client = null;
    void c?.end().catch(() => undefined);
    schedule();
  };
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => { timer = null; void attempt(); }, retryMs);
    timer.unref();
  };
  const attempt = async () => {
    if (stopped) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
        c.on('error', (err) => lose(err.message));
        c.on('end', () => { if (client === c) lose('connection ended'); });
        client = c;
        await c.connect();
      }
      const r = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [key.toString()]);
      if (stopped) return;
      if (r.rows[0]?.got) {
        holding = true;
        log.info('scheduler lease taken: this node runs the between-sessions scheduler');
        await work.onAcquired().catch((err: unknown) => log.error({ err }, 'scheduler start failed'));
      } else schedule();
    } catch (err) {
      lose((err as Error).message);
    }
  };
  const firstAttempt = attempt();

  return {
    held: () => holding,
    firstAttempt,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (holding) { holding = false; work.onLost(); }
      const c = client;
      client = null;
      // Ending the connection releases the lock.
      await c?.end().catch(() => undefined);
    },
  };
}
