import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientStylesheet } from '../src/http/client-stylesheet.ts';
import { publicationsPage } from '../src/between/publications.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('server pages wear the client\'s stylesheet (KERN look)', () => {
  it('finds the built stylesheet in the client build\'s index.html, and null without a build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-client-'));
    dirs.push(dir);
    expect(clientStylesheet(dir)).toBeNull();
    writeFileSync(join(dir, 'index.html'), '<head><script type="module" crossorigin src="/assets/index-a1.js"></script>\n<link rel="stylesheet" crossorigin href="/assets/index-B2c3.css"></head>');
    expect(clientStylesheet(dir)).toBe('/assets/index-B2c3.css');
  });

  it('/publications links the stylesheet and counts in correct German', () => {
    const empty = { protocols: [], resolutions: [] } as unknown as Parameters<typeof publicationsPage>[0];
    const html = publicationsPage(empty, {}, [], '/assets/index-B2c3.css');
    expect(html).toContain('<link rel="stylesheet" href="/assets/index-B2c3.css">');
    expect(html).toContain('<body class="server-page publications">');
    expect(html).toContain('0 Beschlüsse gefunden.');
    expect(publicationsPage(empty, {}, [])).not.toContain('<link rel="stylesheet"');
  });
});
