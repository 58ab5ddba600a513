import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { latencyChart } from './svg.ts';
import { resultsMarkdown, spliceResults, type BenchResults } from './markdown.ts';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** The chart next to the results file, and (for full runs) docs/performance.md + its chart. */
export function writeOutputs(results: BenchResults, name: string, docs: boolean): string[] {
  const chart = latencyChart(results.steps, `Cast → follower latency vs N (${results.machine.nproc} cores, ${results.options.rate} casts/s)`);
  writeFileSync(root(`bench/results/${name}-latency.svg`), chart);
  const written = [`bench/results/${name}-latency.svg`];
  if (docs) {
    writeFileSync(root('docs/performance-latency.svg'), chart);
    const docPath = root('docs/performance.md');
    const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance of the live path\n';
    writeFileSync(docPath, spliceResults(doc, resultsMarkdown(results, 'performance-latency.svg')));
    written.push('docs/performance-latency.svg', 'docs/performance.md');
  }
  return written;
}
