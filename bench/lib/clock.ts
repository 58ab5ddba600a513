import { performance } from 'node:perf_hooks';

/**
 * A clock that several processes on one machine can compare: the process's time origin (wall
 * clock at start, sub-millisecond) plus the monotonic `performance.now()`. Workers also measure
 * their offset to the coordinator at start (see load/pool.ts), so skew between origins is removed.
 */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Rejects after `ms` so that no step of a bench can hang. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, rej) => { t = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms); }),
  ]);
}
