import type { BetweenService } from './service.ts';
import type { Logger } from '../log.ts';
import { OverdueGuard } from './overdue-guard.ts';

/** setTimeout cannot wait longer than ~24.8 days; look again at least this often. */
const MAX_WAIT_MS = 6 * 3_600_000;

export interface DueAction { kind: 'circular' | 'protocol'; id: string; due: string; command: { type: string } }

/**
 * Fires the deadlines of the between-sessions procedures as the actor 'system':
 * R-CIR-1/2 closeCircular at the end of the objection period; R-PRT-2 approveProtocol when the
 * objection period ends without objections.
 *
 * The due times are in the stored events, and whether an action has fired is in the folded
 * state (the procedure is no longer 'running' / 'sent'). So on start the scheduler fires what is
 * due and not yet done, and a restart neither loses nor repeats a deadline: a repeat would be
 * refused by the decider, and appends per stream are serialized with an optimistic seq check.
 */
export class BetweenScheduler {
  private timer: NodeJS.Timeout | null = null;
  /** Not started: appends plan nothing until start() (a node without the scheduler lease never starts it). */
  private stopped = true;
  private running: Promise<number> | null = null;
  /** Deadlines overdue by more than the bound wait for an operator (a clock jump, F12). */
  readonly guard: OverdueGuard;

  constructor(
    private readonly service: BetweenService, private readonly log: Logger, private readonly clock: () => Date = () => new Date(),
    maxOverdueMs = 3 * 86_400_000,
  ) {
    this.guard = new OverdueGuard(maxOverdueMs);
    service.onAppended(() => this.plan());
  }

  /** The operator says the clock is right: what is due now runs. */
  confirmClock(): Promise<number> {
    this.guard.confirm(this.clock().getTime());
    this.log.warn({ at: this.clock().toISOString() }, 'operator confirmed the clock: overdue scheduled actions run now');
    return this.tick();
  }

  /** Everything with a due time that the decider would still accept. */
  async pending(): Promise<DueAction[]> {
    const out: DueAction[] = [];
    for (const { id, state: s } of await this.service.list('circular')) {
      if (s.status === 'running' && s.deadline) out.push({ kind: 'circular', id, due: s.deadline, command: { type: 'closeCircular' } });
    }
    for (const { id, state: s } of await this.service.list('protocol')) {
      if (s.status === 'sent' && s.objectionsEnd && s.objections.length === 0) out.push({ kind: 'protocol', id, due: s.objectionsEnd, command: { type: 'approveProtocol' } });
    }
    return out.sort((a, b) => a.due.localeCompare(b.due));
  }

  /** Fire what is due now; returns how many actions were applied. */
  tick(): Promise<number> {
    this.running ??= this.fireDue().finally(() => { this.running = null; });
    return this.running;
  }

  private async fireDue(): Promise<number> {
    const now = this.clock().getTime();
    let fired = 0;
    for (const action of await this.pending()) {
      // Strictly after the last millisecond of the period.
      if (Date.parse(action.due) >= now) continue;
      if (!this.guard.allows(`${action.kind}:${action.id}`, action.due, now)) {
        this.log.error({ action, now: new Date(now).toISOString() }, 'CLOCK: a scheduled action is overdue by more than the bound; held until an operator confirms the clock (POST /operator/confirm-clock)');
        continue;
      }
      const outcome = await this.service.execute(action.kind, action.id, action.command, { role: 'system', participantId: null });
      if ('data' in outcome) fired += 1;
      else this.log.warn({ action, error: outcome.error }, 'scheduled action refused');
    }
    return fired;
  }

  /** Fire what is due, then sleep until the next due time. */
  async start(): Promise<number> {
    this.stopped = false;
    await this.service.registerAdoptedFromMeetings();
    const fired = await this.tick();
    this.plan();
    return fired;
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private plan() {
    void this.pending().then((due) => this.sleepUntil(due[0]), (err: unknown) => {
      this.log.error({ err }, 'scheduler could not read the due actions');
      this.sleepUntil(undefined);
    });
  }

  private sleepUntil(next: DueAction | undefined) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = next ? Math.max(0, Date.parse(next.due) - this.clock().getTime() + 1) : MAX_WAIT_MS;
    this.timer = setTimeout(() => { void this.tick().then(() => this.plan()); }, Math.min(wait, MAX_WAIT_MS));
    this.timer.unref();
  }
}
