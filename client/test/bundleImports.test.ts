import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The browser bundle must not carry zod: the schemas are built at module load (side effects the
 * bundler keeps), so a single runtime import of a schema module pulls in all of zod (~38 KB gzip).
 * This walks the client's runtime import graph (static and lazy imports; `import type` is erased)
 * from main.tsx and fails on zod or on the shared index (which re-exports every schema).
 */
const root = resolve(__dirname, '..', '..');
const sharedAlias = '@plenum/shared';

function runtimeSpecifiers(source: string): string[] {
  const out: string[] = [];
  // import … from '…' / export … from '…' (not `import type` / `export type`), import '…', import('…')
  const fromRe = /^\s*(import|export)\s+(?!type\b)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(fromRe)) {
    const clause = m[2].trim();
    // `import { type A, type B } from` is erased too.
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (named && named[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    out.push(m[3]);
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

function resolveSpecifier(from: string, spec: string): string | null {
  if (spec.startsWith('.')) return resolve(dirname(from), spec);
  if (spec === sharedAlias) return join(root, 'shared/src/index.ts');
  if (spec.startsWith(`${sharedAlias}/`)) return join(root, 'shared', spec.slice(sharedAlias.length + 1));
  return null; // a package
}

function runtimeGraph(entry: string) {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file) || !/\.(ts|tsx)$/.test(file)) continue;
    files.add(file);
    for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec);
      if (target) queue.push(target);
      else if (!packages.has(spec)) packages.set(spec, file.slice(root.length + 1));
    }
  }
  return { files, packages };
}

describe('bundle: what the browser loads', () => {
  const { files, packages } = runtimeGraph(join(root, 'client/src/main.tsx'));

  it('the walk reaches the views and the shared modules they use', () => {
    expect([...files].some((f) => f.endsWith('views/delegate/DelegateView.tsx'))).toBe(true);
    expect([...files].some((f) => f.endsWith('shared/src/meeting/evolve.ts'))).toBe(true);
    expect(packages.has('react')).toBe(true);
  });

  it('no client module imports zod at runtime, directly or through shared', () => {
    expect(packages.get('zod') ?? null).toBeNull();
  });

  it('the shared index (all schemas) is imported only for types', () => {
    expect([...files].filter((f) => f.endsWith('shared/src/index.ts'))).toEqual([]);
  });

  it('English is not in the up-front graph of i18n: it is a lazy import', () => {
    const i18n = readFileSync(join(root, 'client/src/i18n/index.ts'), 'utf8');
    expect(i18n).not.toMatch(/^import[^;]*'\.\/en\.ts'/m);
    expect(i18n).toMatch(/import\('\.\/en\.ts'\)/);
  });
});
