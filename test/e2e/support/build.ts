import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/** Newest modification time of any file below dir (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * Builds the client the way a user does (`npx vite build` into dist/client), but only when the
 * build is missing or older than the client's sources: the build costs CPU the box does not have.
 */
export function buildClientIfStale(): { built: boolean } {
  const builtIndex = join(REPO_ROOT, 'dist', 'client', 'index.html');
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(join(REPO_ROOT, 'client', 'src')),
    existsSync(join(REPO_ROOT, 'client', 'index.html')) ? statSync(join(REPO_ROOT, 'client', 'index.html')).mtimeMs : 0,
    newestMtime(join(REPO_ROOT, 'shared', 'src')),
  );
  if (builtAt > sources) return { built: false };
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return { built: true };
}
