import type { FanoutResult } from '../scenarios/fanout.ts';
import type { ThroughputResult } from '../scenarios/throughput.ts';
import type { RestartResult } from '../scenarios/restart.ts';
import type { MachineInfo } from './machine.ts';
import type { SessionsResult } from '../scenarios/sessions.ts';
import { ratio } from '../lib/stats.ts';

export interface BenchResults {
  machine: MachineInfo;
  command: string;
  options: { rate: number; casts: number; perWorker: number; reps?: number };
  followerAdmission: string;
  /** Per N: each target's runs merged (medians, spread), and every single run. */
  steps: { n: number; plenum?: FanoutResult; bare?: FanoutResult; runs?: FanoutResult[] }[];
  sessions?: SessionsResult;
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
  { label: 'cast → follower p50 (ms)', get: (r) => r.follower.p50, ratioMax: 1 },
  { label: 'cast → follower p95 (ms)', get: (r) => r.follower.p95 },
  { label: 'cast → follower p99 (ms)', get: (r) => r.follower.p99, target: 250 },
  { label: 'cast → follower max (ms)', get: (r) => r.follower.max },
  { label: 'updates missing / out of order', get: (r) => r.delivery.missing + r.delivery.outOfOrder, digits: 0 },
  { label: 'messages per follower in the cast window', get: (r) => r.perFollower?.messages ?? NaN },
  { label: 'bytes per follower message (Socket.IO packet)', get: (r) => r.perFollower?.messageBytes ?? NaN, digits: 0 },
  { label: 'bytes per follower per second', get: (r) => r.perFollower?.bytesPerSecond ?? NaN, digits: 0 },
  { label: 'server CPU during fan-out (cores)', get: (r) => r.server.cpu, digits: 2 },
  { label: 'load generator CPU in the same window (cores)', get: (r) => r.loadGenCpu ?? NaN, digits: 2 },
  { label: 'server event-loop delay p99 (ms)', get: (r) => r.server.eldP99, digits: 2 },
  { label: 'commit (appendBatch) p99 (ms)', get: (r) => r.server.commitP99 ?? NaN, digits: 2 },
  { label: 'batch: decide → commit → broadcast → acks, p99 (ms)', get: (r) => r.server.batchP99 ?? NaN, digits: 2 },
  { label: 'one follower slice holds the loop, p99 (ms)', get: (r) => r.server.sliceP99 ?? NaN, digits: 2 },
  { label: 'one follower slice, max (ms)', get: (r) => r.server.sliceMax ?? NaN, digits: 2 },
  { label: 'server RSS per idle follower (KB)', get: (r) => r.server.rssPerFollowerKB, target: 15 },
  { label: 'server heap per idle follower (KB)', get: (r) => r.server.heapPerFollowerKB },
  { label: 'connect + join of all followers (s)', get: (r) => r.connectSeconds },
  { label: 'machine load average, start of casts (2 cores, shared)', get: (r) => r.load?.[0] ?? NaN, digits: 2 },
];

const spread = (s?: [number, number]) => (s && Number.isFinite(s[0]) ? ` (${f(s[0])}–${f(s[1])})` : '');

export function summaryTable(res: BenchResults): string {
  const head = '| N | connected ours / bare | missing + out of order | ack p99 (≤ 20) | chair p99 (≤ 50) | follower p50: ours / bare, × (≤ 1.0) | follower p99 (≤ 250): ours / bare | bytes per follower per s: ours / bare | server CPU: ours / bare | KB per idle follower (≤ 15): ours / bare |';
  const sep = '|---:|---|---:|---:|---:|---|---|---|---|---|';
  const rows = res.steps.map(({ n, plenum: p, bare: b }) => {
    const pair = (get: (r: FanoutResult) => number, d = 1) => `${f(p && get(p), d)} / ${f(b && get(b), d)}`;
    const r50 = p && b ? ratio(p.follower.p50, b.follower.p50) : null;
    const lost = (r?: FanoutResult) => (r ? String(r.delivery.missing + r.delivery.outOfOrder) : '–');
    return `| ${n.toLocaleString('en')} | ${p?.connected ?? '–'} / ${b?.connected ?? '–'} | ${lost(p)} / ${lost(b)} | ` +
      `${f(p?.ack.p99)}${spread(p?.spread?.ackP99)}${mark(le(p?.ack.p99, 20))} | ${f(p?.chair.p99)}${spread(p?.spread?.chairP99)}${mark(le(p?.chair.p99, 50))} | ` +
      `${f(p?.follower.p50)}${spread(p?.spread?.followerP50)} / ${f(b?.follower.p50)}${spread(b?.spread?.followerP50)}, ${f(r50, 2)}×${mark(r50 === null ? null : r50 <= 1)} | ` +
      `${f(p?.follower.p99)}${spread(p?.spread?.followerP99)}${mark(le(p?.follower.p99, 250))} / ${f(b?.follower.p99)}${spread(b?.spread?.followerP99)} | ` +
      `${pair((r) => r.perFollower?.bytesPerSecond ?? NaN, 0)} | ${pair((r) => r.server.cpu, 2)} | ${pair((r) => r.server.rssPerFollowerKB)}${mark(le(p?.server.rssPerFollowerKB, 15))} |`;
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
  out.push(`Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} cores (${m.cpuModel}), ${m.memTotalGB} GB RAM, Node ${m.node}, \`ulimit -n\` ${m.ulimitN}${m.priority ? `; scheduling: ${m.priority}` : ''}.`);
  out.push('', '```', `$ ${res.command}`, '$ free -h', m.freeH, '```', '');
  out.push(`Fan-out: ${res.options.reps ?? 1} run(s) per target and N in the order Plenum, bare, bare, Plenum, … Each figure is the **median of the runs**, (min–max) its spread; each run ${res.options.casts} casts at ${res.options.rate}/s (open loop, the 16 delegates in turn); followers in worker processes of ≤ ${res.options.perWorker} connections each. Followers: ${res.followerAdmission}. Follower latency is cast → the first picture that shows the cast (Plenum: the public projection at or after the cast's seq; bare: its picture of that cast). ✓/✗: goal met or missed.`, '');
  out.push(summaryTable(res), '');
  out.push(`![Follower latency vs N, Plenum and bare Socket.IO](${chartPath})`, '');
  if (res.steps.some((st) => (st.runs?.length ?? 0) > 0)) {
    out.push('<details><summary>Every single run, with the load average at its start</summary>', '', runsTable(res), '', '</details>', '');
  }
  for (const step of res.steps) {
    out.push(`<details><summary>N = ${step.n.toLocaleString('en')}: all figures</summary>`, '', detailTable(step), '', '</details>', '');
  }
  if (res.sessions) out.push(sessionsMarkdown(res.sessions), '');
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

function sessionsMarkdown(r: SessionsResult): string {
  return `**Many sessions on one node** (${r.note}): ${r.sessions} sessions × 16 delegates × ${r.followersPerSession} public followers (${r.connected} of ${r.sessions * r.followersPerSession} connected), ${r.casts} casts (${r.ratePerSession}/s per session, ${r.sessions * r.ratePerSession}/s on the node): ` +
    `**ack p99 ${f(r.ack.p99)} ms**${mark(le(r.ack.p99, 50))} (goal ≤ 50; p50 ${f(r.ack.p50)}), chair p99 ${f(r.chair.p99)} ms, follower p50 / p99 ${f(r.follower.p50)} / ${f(r.follower.p99)} ms, ` +
    `${r.delivery.missing} missing, ${r.delivery.outOfOrder} out of order; server CPU ${f(r.serverCpu, 2)} cores, event-loop delay p99 ${f(r.eldP99, 2)} ms; load average ${f(r.load, 2)}.`;
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
