/** Reconnect times (ms) as one line: how many, median, p95, max. */
export function summarizeReconnects(ms: number[]): string {
  if (ms.length === 0) return 'none measured';
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `${s.length} clients: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s.at(-1)} ms`;
}
