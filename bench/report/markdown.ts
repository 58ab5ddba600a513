import type { FanoutResult } from '../scenarios/fanout.ts';
import type { ThroughputResult } from '../scenarios/throughput.ts';
import type { RestartResult } from '../scenarios/restart.ts';
import type { MachineInfo } from './machine.ts';
import { ratio } from '../lib/stats.ts';

export interface BenchResults {
  machine: MachineInfo;
  command: string;
  options: { rate: number; casts: number; perWorker: number; reps?: number };
  followerAdmission: string;
  /** Per N: the pooled result of each target, and every single run. */
  steps: { n: number; plenum?: FanoutResult; bare?: FanoutResult; runs?: FanoutResult[] }[];
  throughput?: ThroughputResult;
  restart?: RestartResult;
}

const f = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✓' : ' ✗');
const le = (v: number | undefined, limit: number) => (v === undefined || !Number.isFinite(v) ? null : v <= limit);

interface Metric { label: string; get: (r: FanoutResult) => number; target?: number; digits?: number; ratioMax?: number }

const METRICS: Metric[] = [
  { label: 'followers connected', get: (r) => r.connected, digits: 0 },
  { label: 'delegate cast → ack p99 (ms)', get: (r) => r.ack.p99, target: 20 },
  { label: 'cast → chair tally p99 (ms)', get: (r) => r.chair.p99, target: 50 },
  { label: 'cast → screen p99 (ms)', get: (r) => r.screen.p99 },
  { label: 'cast → follower p50 (ms)', get: (r) => r.follower.p50, ratioMax: 1.2 },
  { label: 'cast → follower p95 (ms)', get: (r) => r.follower.p95, ratioMax: 1.2 },
  { label: 'cast → follower p99 (ms)', get: (r) => r.follower.p99, target: 250, ratioMax: 1.2 },
  { label: 'cast → follower max (ms)', get: (r) => r.follower.max },
  { label: 'updates missing / out of order', get: (r) => r.delivery.missing + r.delivery.outOfOrder, digits: 0 },
  { label: 'server CPU during fan-out (cores)', get: (r) => r.server.cpu, digits: 2, ratioMax: 1.2 },
  { label: 'load generator CPU in the same window (cores)', get: (r) => r.loadGenCpu ?? NaN, digits: 2 },
  { label: 'server event-loop delay p99 (ms)', get: (r) => r.server.eldP99, digits: 2 },
  { label: 'server RSS per idle follower (KB)', get: (r) => r.server.rssPerFollowerKB, target: 30, ratioMax: 1.2 },
  { label: 'server heap per idle follower (KB)', get: (r) => r.server.heapPerFollowerKB },
  { label: 'connect + join of all followers (s)', get: (r) => r.connectSeconds },
  { label: 'machine load average, start of casts (2 cores, shared)', get: (r) => r.load?.[0] ?? NaN, digits: 2 },
];

export function summaryTable(res: BenchResults): string {
  const head = '| N | connected ours / bare | ack p99 (≤ 20) | chair p99 (≤ 50) | follower p50: ours / bare, × (≤ 1.2) | follower p99: ours / bare, × (≤ 1.2); ≤ 250 | server CPU: ours / bare, × (≤ 1.2) | KB per idle follower: ours / bare, × (≤ 1.2); ≤ 30 |';
  const sep = '|---:|---|---:|---:|---|---|---|---|';
  const rows = res.steps.map(({ n, plenum: p, bare: b }) => {
    const pair = (get: (r: FanoutResult) => number, d = 1) => {
      const r = p && b ? ratio(get(p), get(b)) : null;
      return `${f(p && get(p), d)} / ${f(b && get(b), d)}, ${f(r, 2)}×${mark(r === null ? null : r <= 1.2)}`;
    };
    return `| ${n.toLocaleString('en')} | ${p?.connected ?? '–'} / ${b?.connected ?? '–'} | ${f(p?.ack.p99)}${mark(le(p?.ack.p99, 20))} | ${f(p?.chair.p99)}${mark(le(p?.chair.p99, 50))} | ${pair((r) => r.follower.p50)} | ${pair((r) => r.follower.p99)};${mark(le(p?.follower.p99, 250))} | ${pair((r) => r.server.cpu, 2)} | ${pair((r) => r.server.rssPerFollowerKB)};${mark(le(p?.server.rssPerFollowerKB, 30))} |`;
  });
  return [head, sep, ...rows].join('\n');
}

/** Every single run, in the order it ran, with the machine's load: pooled figures hide which run was disturbed. */
export function runsTable(res: BenchResults): string {
  const rows = res.steps.flatMap((st) => (st.runs ?? []).map((r) =>
    `| ${st.n.toLocaleString('en')} | ${r.target} | ${f(r.load[0], 2)} | ${f(r.ack.p99)} | ${f(r.chair.p99)} | ${f(r.follower.p50)} | ${f(r.follower.p99)} | ${f(r.server.cpu, 2)} | ${f(r.loadGenCpu, 2)} | ${r.delivery.missing + r.delivery.outOfOrder} |`));
  return ['| N | server | load avg | ack p99 | chair p99 | follower p50 | follower p99 | server CPU | load generator CPU | missing + out of order |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

export function detailTable(step: BenchResults['steps'][number]): string {
  const { plenum: p, bare: b } = step;
  const rows = METRICS.map((m) => {
    const ov = p ? m.get(p) : NaN;
    const bv = b ? m.get(b) : NaN;
    const r = ratio(ov, bv);
    const target = m.target !== undefined ? `≤ ${m.target}${mark(le(ov, m.target))}` : '';
    const rmark = m.ratioMax !== undefined && r !== null ? mark(r <= m.ratioMax) : '';
    return `| ${m.label} | ${f(ov, m.digits ?? 1)} | ${f(bv, m.digits ?? 1)} | ${f(r, 2)}${rmark} | ${target} |`;
  });
  return ['| metric | Plenum | bare | Plenum / bare | target |', '|---|---:|---:|---:|---|', ...rows].join('\n');
}

export function resultsMarkdown(res: BenchResults, chartPath: string): string {
  const m = res.machine;
  const out: string[] = [];
  out.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} cores (${m.cpuModel}), ${m.memTotalGB} GB RAM, Node ${m.node}, \`ulimit -n\` ${m.ulimitN}.`);
  out.push('', '```', `$ ${res.command}`, '$ free -h', m.freeH, '```', '');
  out.push(`Fan-out: ${res.options.reps ?? 1} run(s) per target and N in the order Plenum, bare, bare, Plenum (latencies pooled over the runs, CPU and memory averaged), each ${res.options.casts} casts at ${res.options.rate}/s (open loop, the 16 delegates in turn); followers in worker processes of ≤ ${res.options.perWorker} connections each. Followers: ${res.followerAdmission}. ✓/✗: target met or missed; ratio ✗ when above 1.2× bare.`, '');
  out.push(summaryTable(res), '');
  out.push(`![Follower latency vs N, Plenum and bare Socket.IO](${chartPath})`, '');
  if (res.steps.some((st) => (st.runs?.length ?? 0) > 0)) {
    out.push('<details><summary>Every single run, with the load average at its start</summary>', '', runsTable(res), '', '</details>', '');
  }
  for (const step of res.steps) {
    out.push(`<details><summary>N = ${step.n.toLocaleString('en')}: all figures</summary>`, '', detailTable(step), '', '</details>', '');
  }
  if (res.throughput) {
    const t = res.throughput;
    out.push(`**Durable throughput** (${t.note}): **${t.votesPerSecond} acknowledged votes/s**${mark(t.votesPerSecond >= 2000)} (target ≥ 2,000) over ${t.seconds} s, ${t.acked} acks, refusals ${JSON.stringify(t.refused)}; ack p50 ${f(t.ack.p50)} ms, p99 ${f(t.ack.p99)} ms with 16 in flight; server CPU ${f(t.serverCpu, 2)} cores.`, '');
  }
  if (res.restart) {
    const r = res.restart;
    out.push(`**Restart** (${r.note}): ${r.small.events} events: ready ${f(r.small.readyMs, 0)} ms, first join ${f(r.small.firstJoinMs, 0)} ms; ` +
      `**${r.large.events.toLocaleString('en')} events: ready ${f(r.large.readyMs, 0)} ms, first join ${f(r.large.firstJoinMs, 0)} ms**${mark(r.large.firstJoinMs <= 1000)} (target ≤ 1 s)` +
      (r.tsx ? `; with \`node --import tsx server/src/main.ts\` in the same minutes: ${r.tsx.small.events} events: ready ${f(r.tsx.small.readyMs, 0)} ms, first join ${f(r.tsx.small.firstJoinMs, 0)} ms; ${r.tsx.large.events.toLocaleString('en')} events: ready ${f(r.tsx.large.readyMs, 0)} ms, first join ${f(r.tsx.large.firstJoinMs, 0)} ms` : '') +
      `. Log generated through the real runtime in ${r.generateSeconds} s.`, '');
  }
  return out.join('\n');
}

export const BEGIN = '<!-- bench:results:begin (generated by npm run bench; edit outside this block) -->';
export const END = '<!-- bench:results:end -->';

/** Replaces the generated block of docs/performance.md, keeping the hand-written text around it. */
export function spliceResults(doc: string, block: string): string {
  const i = doc.indexOf(BEGIN);
  const j = doc.indexOf(END);
  if (i < 0 || j < i) return `${doc.trimEnd()}\n\n${BEGIN}\n${block}\n${END}\n`;
  return `${doc.slice(0, i)}${BEGIN}\n${block}\n${END}${doc.slice(j + END.length)}`;
}
