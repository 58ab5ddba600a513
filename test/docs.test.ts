import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The docs are part of the product: a person who clones the repository reads the rule catalogue and
 * the map of where each rule is enforced. These checks keep them true to the code.
 */
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const catalogueIds = [...read('docs/rule-catalogue.md').matchAll(/^- \*\*(R-[A-Z]{3}-\d+)\*\*/gm)].map((m) => m[1]!);
const testFiles = ['shared/test', 'server/test', 'client/test', 'test']
  .flatMap((dir) => filesUnder(dir, (p) => /\.test\.tsx?$/.test(p)));
const testTitles = testFiles.flatMap((file) =>
  [...read(file).matchAll(/\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(['"`])(.*?)\1/g)].map((m) => m[2]!));

describe('docs: the rule catalogue', () => {
  it('lists each of the 38 rules once', () => {
    expect(catalogueIds.length).toBe(38);
    expect(new Set(catalogueIds).size).toBe(catalogueIds.length);
  });

  it('every rule of the catalogue has a row in docs/rules.md (where enforced, which test)', () => {
    const map = read('docs/rules.md');
    const missing = catalogueIds.filter((id) => !new RegExp(`^\\| ${id} `, 'm').test(map));
    expect(missing).toEqual([]);
  });

  it('every rule of the catalogue is proved by at least one test titled with its ID', () => {
    const unproved = catalogueIds.filter((id) => !testTitles.some((title) => new RegExp(`\\b${id}\\b`).test(title)));
    expect(unproved).toEqual([]);
  });

  it('every test file named in docs/rules.md exists', () => {
    const map = read('docs/rules.md');
    const named = [...map.matchAll(/`((?:shared\/|server\/|client\/|test\/)?(?:test|src)\/[\w/.-]+\.(?:tsx?|md))/g)].map((m) => m[1]!);
    // The map writes paths under shared/ bare (`test/x.test.ts`, `src/x.ts`); a bare path may also
    // name a file of the server, the client or the cross-cutting tests, so it must exist in one of them.
    const exists = (p: string) => (/^(test|src)\//.test(p)
      ? ['shared/', 'server/', 'client/', ''].some((dir) => existsSync(join(root, dir + p)))
      : existsSync(join(root, p)));
    const gone = [...new Set(named)].filter((p) => !exists(p));
    expect(gone).toEqual([]);
  });
});

describe('docs: the repository stands on its own', () => {
  it('README and docs/ point to nothing outside the repository', () => {
    const docs = ['README.md', ...filesUnder('docs', (p) => p.endsWith('.md'))];
    const outside = docs.filter((p) => /\.\.\/shared\/|\/work\/|\/tmp\//.test(read(p))).map((p) => relative(root, join(root, p)));
    expect(outside).toEqual([]);
  });
});
