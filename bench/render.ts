import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BenchResults } from './report/markdown.ts';
import { writeOutputs } from './report/write-docs.ts';

/** Re-render the chart and docs/performance.md from a stored run: `node --import tsx bench/render.ts bench/results/<date>.json` */
const file = process.argv[2];
if (!file) { console.error('usage: bench/render.ts bench/results/<name>.json'); process.exit(1); }
const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
console.log(`wrote ${writeOutputs(results, basename(file, '.json'), true).join(', ')}`);
