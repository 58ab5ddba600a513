import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The machines are shared: other people's tests run beside the bench. Linux groups processes by
 * session into autogroups and splits the CPU between the groups first, so a `nice` of the bench's
 * own processes does not reach past its group. With `--priority` (on by default in full runs) the
 * bench raises its own autogroup (itself, the server under test and the follower workers) to nice
 * −20 while it runs, and puts the old value back at exit. It needs root or CAP_SYS_NICE; where the
 * kernel or the rights refuse, the run goes on unchanged and says so in the results.
 */
const FILE = '/proc/self/autogroup';
const niceOf = (text: string) => Number(/nice\s+(-?\d+)/.exec(text)?.[1] ?? NaN);

export function raiseOwnPriority(): string {
  let before: number;
  try { before = niceOf(readFileSync(FILE, 'utf8')); } catch { return 'unchanged (no Linux autogroup)'; }
  try {
    writeFileSync(FILE, '-20');
  } catch (e) {
    return `unchanged (autogroup nice ${before}: ${(e as Error).message})`;
  }
  const restore = () => { try { writeFileSync(FILE, String(before)); } catch { /* the group may be gone */ } };
  process.once('exit', restore);
  return `autogroup nice −20 (was ${before}): other sessions' processes on the machine got a small share of the CPU`;
}
