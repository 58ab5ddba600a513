import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Plain counters for GET /metrics (text, one `name value` a line). */
export class Metrics {
  sockets = 0;
  commandsTotal = 0;
  commandsRefused = 0;
  eventsAppended = 0;
  private readonly recent: number[] = [];
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor() { this.loop.enable(); }

  command(refused: boolean) {
    this.commandsTotal += 1;
    if (refused) this.commandsRefused += 1;
    const now = Date.now();
    this.recent.push(now);
    while (this.recent.length > 0 && this.recent[0] < now - 10_000) this.recent.shift();
  }

  /** Commands per second over the last 10 seconds. */
  commandsPerSecond(): number {
    const now = Date.now();
    return this.recent.filter((t) => t >= now - 10_000).length / 10;
  }

  text(): string {
    const p99 = this.loop.percentile(99) / 1e6;
    return [
      `plenum_sockets ${this.sockets}`,
      `plenum_commands_total ${this.commandsTotal}`,
      `plenum_commands_refused_total ${this.commandsRefused}`,
      `plenum_events_appended_total ${this.eventsAppended}`,
      `plenum_commands_per_second ${this.commandsPerSecond().toFixed(2)}`,
      `plenum_event_loop_delay_p99_ms ${Number.isFinite(p99) ? p99.toFixed(2) : '0'}`,
      '',
    ].join('\n');
  }

  close() { this.loop.disable(); }
}
