import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The production bundle of the server: server/src/main.ts with shared/ and the pure-JS
 * dependencies in one ESM file, so a start reads one file instead of compiling TypeScript with tsx
 * (≈ 0.5 s of a restart, docs/performance.md). Used by `npm run build` (→ `npm start`) and by the
 * crash test. `npm run dev` keeps running the TypeScript with tsx. The PDF worker is a second file
 * beside it (dist/server/pdf-worker.js).
 *
 * External: better-sqlite3 (native addon), piscina (finds its own worker file by __dirname) and
 * pdfmake (large, CommonJS, loaded on the first PDF
 * through createRequire, with its font files) are resolved from node_modules at run time.
 * esbuild comes with tsx (a dependency), so a fresh `npm install` has it.
 */
const ROOT = resolve(import.meta.dirname, '..');
export const SERVER_BUNDLE = resolve(ROOT, 'dist/server/main.js');

export async function buildServer(outfile = SERVER_BUNDLE): Promise<string> {
  await bundle(resolve(ROOT, 'server/src/main.ts'), outfile);
  // The protocol PDF worker thread loads its own file, found next to the bundle (pdf-renderer.ts).
  await bundle(resolve(ROOT, 'server/src/protocol-pdf/pdf-worker.ts'), join(dirname(outfile), 'pdf-worker.js'));
  return outfile;
}

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pdfmake', 'piscina'],
    // Bundled CommonJS dependencies (express, …) call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __plenumRequire } from 'node:module'; const require = __plenumRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildServer(process.argv[2] ? resolve(process.argv[2]) : SERVER_BUNDLE);
  console.log(`server bundle: ${out}`);
}
