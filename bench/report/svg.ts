import type { FanoutResult } from '../scenarios/fanout.ts';

/**
 * Follower latency (p50 and p99) against N for ours and bare, as a hand-written SVG: log-scale
 * y axis, linear-in-index x axis (one tick per step).
 */
export function latencyChart(rows: { n: number; plenum?: FanoutResult; bare?: FanoutResult }[], title: string): string {
  const W = 740, H = 420, L = 70, R = 190, T = 40, B = 60;
  const values = rows.flatMap((r) => [r.plenum, r.bare].flatMap((x) => (x ? [x.follower.p50, x.follower.p99, x.chair.p99] : [])))
    .filter((v) => Number.isFinite(v) && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...values, 1))));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  const x = (i: number) => L + (rows.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (rows.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const series = [
    { key: 'plenum', stat: 'p99', color: '#b3261e', dash: '', label: 'Plenum follower p99' },
    { key: 'plenum', stat: 'p50', color: '#b3261e', dash: '6 4', label: 'Plenum follower p50' },
    { key: 'bare', stat: 'p99', color: '#1d4ed8', dash: '', label: 'bare Socket.IO p99' },
    { key: 'bare', stat: 'p50', color: '#1d4ed8', dash: '6 4', label: 'bare Socket.IO p50' },
    { key: 'plenum', stat: 'chair', color: '#15803d', dash: '2 3', label: 'Plenum chair tally p99' },
    { key: 'bare', stat: 'chair', color: '#7c3aed', dash: '2 3', label: 'bare staff room p99' },
  ] as const;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="t">`);
  out.push(`<title id="t">${title}</title><rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${L}" y="22" font-size="14" font-weight="bold">${title}</text>`);
  for (let d = lo; d <= hi; d *= 10) {
    out.push(`<line x1="${L}" x2="${W - R}" y1="${y(d)}" y2="${y(d)}" stroke="#ddd"/><text x="${L - 8}" y="${y(d) + 4}" text-anchor="end">${d} ms</text>`);
  }
  rows.forEach((r, i) => out.push(`<text x="${x(i)}" y="${H - B + 20}" text-anchor="middle">${r.n.toLocaleString('en')}</text>`));
  out.push(`<text x="${(L + W - R) / 2}" y="${H - 15}" text-anchor="middle">followers (N)</text>`);
  out.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/>`);
  series.forEach((s, k) => {
    const pts = rows.map((r, i) => {
      const res = r[s.key];
      const v = !res ? NaN : s.stat === 'chair' ? res.chair.p99 : res.follower[s.stat];
      return Number.isFinite(v) && v > 0 ? [x(i), y(v)] : null;
    }).filter((p): p is number[] => p !== null);
    if (pts.length) {
      out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}" points="${pts.map((p) => p.join(',')).join(' ')}"/>`);
      for (const [px, py] of pts) out.push(`<circle cx="${px}" cy="${py}" r="3" fill="${s.color}"/>`);
    }
    const ly = T + 10 + k * 20;
    out.push(`<line x1="${W - R + 10}" x2="${W - R + 34}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/><text x="${W - R + 40}" y="${ly + 4}">${s.label}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
