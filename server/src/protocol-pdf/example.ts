import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildResultsProtocol, runExampleSession } from '@plenum/shared';
import { renderProtocolPdf } from './renderProtocolPdf.ts';

/**
 * npm run protocol:example — the results protocol of an example run of the demo session as PDF
 * (docs/examples/protocol-example.pdf) and its first page as PNG (pdftoppm, 80 dpi).
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = join(root, 'docs/examples');
mkdirSync(outDir, { recursive: true });
const { state, events } = runExampleSession();
const pdfPath = join(outDir, 'protocol-example.pdf');
writeFileSync(pdfPath, await renderProtocolPdf(buildResultsProtocol(state, events), 'de'));
execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(outDir, 'protocol-example-page1')]);
console.log(`wrote ${pdfPath} and ${join(outDir, 'protocol-example-page1.png')}`);
