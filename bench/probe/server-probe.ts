import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Preloaded into a server child (`--import bench/probe/server-probe.ts`), ours or bare alike, so
 * both are measured the same way without touching server code: event-loop delay from perf_hooks,
 * memory and CPU from the process itself, answered over the fork IPC channel.
 */
/** The histogram records the whole interval between samples; the delay is what exceeds it. */
const RESOLUTION_MS = 1;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

export interface ProbeReading {
  eld: { p50: number; p99: number; max: number; mean: number };
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

if (process.send) {
  process.on('message', (msg: unknown) => {
    const m = msg as { bench?: string; op?: string; id?: number };
    if (m?.bench !== 'probe') return;
    if (m.op === 'reset') histogram.reset();
    if (m.op === 'gc') (globalThis as { gc?: () => void }).gc?.();
    const reading: ProbeReading = {
      eld: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
    };
    process.send!({ bench: 'probe', id: m.id, reading });
  });
  // The probe must never keep a server alive on its own.
  process.channel?.unref();
}
