/**
 * The scheduler's guard against clock jumps. A deadline is normally acted on within moments of
 * its due time; one that is overdue by more than `maxOverdueMs` means the clock jumped forward (or
 * the server was off that long), and the two cannot be told apart from inside. Such actions are
 * held, logged loudly, and run only after an operator confirms the clock (confirm()).
 */
export class OverdueGuard {
  private confirmedUpTo = -Infinity;
  readonly held = new Map<string, { due: string; overdueMs: number }>();

  constructor(private readonly maxOverdueMs: number) {}

  /** May the action with this due time run at `now`? Records it as held if not. */
  allows(key: string, due: string, now: number): boolean {
    const overdueMs = now - Date.parse(due);
    if (overdueMs <= this.maxOverdueMs || Date.parse(due) <= this.confirmedUpTo) {
      this.held.delete(key);
      return true;
    }
    this.held.set(key, { due, overdueMs });
    return false;
  }

  /** The operator confirms that the clock is right: everything due up to `now` may run. */
  confirm(now: number): void {
    this.confirmedUpTo = now;
    this.held.clear();
  }
}
