/** Command-line flags of `npm run bench`. */
export interface BenchArgs {
  steps: number[];
  /** Casts per second during the fan-out phase (open loop: sent on schedule, not after acks). */
  rate: number;
  casts: number;
  perWorker: number;
  targets: ('plenum' | 'bare')[];
  throughputSeconds: number;
  restartEvents: number;
  skipThroughput: boolean;
  skipRestart: boolean;
  writeDocs: boolean;
  quick: boolean;
  /** Raise the bench's own scheduling priority while it runs (bench/lib/priority.ts). */
  priority: boolean;
  /** Before each run, wait (at most this many seconds) until the 1-minute load average is below the core count. */
  waitQuiet: number;
  /** Runs per target and step (medians and spread; order Plenum, bare, bare, Plenum, …). */
  reps: number;
  /** Many sessions per node: sessions, followers per session, casts per second per session, casts per session (0 sessions: skipped). */
  sessions: { count: number; followers: number; rate: number; casts: number };
}

export function parseArgs(argv: string[]): BenchArgs {
  const has = (f: string) => argv.includes(f);
  const val = (f: string) => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : undefined; };
  const quick = has('--quick');
  const steps = (val('--steps') ?? (quick ? '200,500' : '1000,2500,5000,10000,20000'))
    .split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  const targets = (val('--targets') ?? 'plenum,bare').split(',').filter((t): t is 'plenum' | 'bare' => t === 'plenum' || t === 'bare');
  return {
    steps,
    rate: Number(val('--rate') ?? 4),
    casts: Number(val('--casts') ?? (quick ? 12 : 40)),
    perWorker: Number(val('--per-worker') ?? 2500),
    targets,
    throughputSeconds: Number(val('--throughput-seconds') ?? (quick ? 2 : 5)),
    restartEvents: Number(val('--restart-events') ?? (quick ? 5000 : 100_000)),
    skipThroughput: has('--no-throughput'),
    skipRestart: has('--no-restart'),
    writeDocs: !has('--no-docs'),
    quick,
    // Full runs by default; --no-priority (or --priority in a quick run) says otherwise.
    priority: has('--priority') || (!quick && !has('--no-priority')),
    // Full runs wait for a quiet machine by default (the machine is shared); --wait-quiet 0 turns it off.
    waitQuiet: Number(val('--wait-quiet') ?? (quick ? 0 : 60)),
    reps: Number(val('--reps') ?? (quick ? 1 : 3)),
    sessions: {
      count: has('--no-sessions') ? 0 : Number(val('--sessions') ?? (quick ? 5 : 50)),
      followers: Number(val('--session-followers') ?? (quick ? 20 : 100)),
      rate: Number(val('--session-rate') ?? 1),
      casts: Number(val('--session-casts') ?? (quick ? 5 : 10)),
    },
  };
}
