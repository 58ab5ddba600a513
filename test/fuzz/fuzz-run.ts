import { parseArgs } from 'node:util';
import { runFuzz } from './harness.ts';

/**
 * `npm run fuzz -- --messages 100000 [--seed N] [--leak-mb 64]`
 * Prints the report; exits 1 unless accepted-when-invalid, crashes, leaks and appended-by-refused are all 0.
 */
const { values } = parseArgs({ options: { messages: { type: 'string', default: '10000' }, seed: { type: 'string' }, 'leak-mb': { type: 'string', default: '64' } } });
const started = Date.now();
const report = await runFuzz({
  messages: Number(values.messages), seed: values.seed ? Number(values.seed) : undefined, leakMb: Number(values['leak-mb']),
  log: (s) => console.log(`fuzz: ${s}`),
});
console.log(JSON.stringify({ ...report, seconds: Math.round((Date.now() - started) / 1000) }, null, 2));
const bad = report.acceptedWhenInvalid + report.crashes + report.leaks + report.appendedByRefused;
console.log(`accepted-when-invalid ${report.acceptedWhenInvalid}, crashes ${report.crashes}, leaks ${report.leaks} (heap growth ${report.heapGrowthMb ?? 'n/a'} MB), appended-by-refused ${report.appendedByRefused}`);
process.exit(bad === 0 ? 0 : 1);
