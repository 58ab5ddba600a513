import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

let found: { dir: string; href: string } | null = null;

/**
 * The built client's stylesheet (the KERN look, self-hosted), found in the build's index.html, so
 * the server-rendered pages (publications) look like the app. Null when the client is not built:
 * the pages then keep their small inline style only.
 */
export function clientStylesheet(clientDir = 'dist/client'): string | null {
  const dir = resolve(clientDir);
  if (found?.dir === dir) return found.href;
  try {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const href = /<link\b[^>]*\bhref="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    if (href) found = { dir, href };
    return href ?? null;
  } catch {
    return null;
  }
}
