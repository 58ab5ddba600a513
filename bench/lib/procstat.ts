import { readFileSync } from 'node:fs';

/**
 * CPU and memory of another process, read from /proc so that it works for any server child,
 * ours or bare, without its cooperation.
 */
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface ProcSample { at: number; cpuMs: number; rssBytes: number }

export function sampleProc(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return { at: Date.now(), cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}

/** Share of one core used between two samples (1.0 = one core fully busy). */
export const cpuShare = (a: ProcSample, b: ProcSample): number =>
  b.at > a.at ? (b.cpuMs - a.cpuMs) / (b.at - a.at) : NaN;
