import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LinkSeal } from '../src/auth/link-seal.ts';

describe('LinkSeal: an invitation secret sealed with a key outside the database', () => {
  it('opens only with the same key and the same invitation id; an altered text does not open', () => {
    const seal = LinkSeal.fromKey(randomBytes(32));
    const sealed = seal.seal('secret-abc', 'inv-1');
    expect(sealed).not.toContain('secret-abc');
    expect(seal.open(sealed, 'inv-1')).toBe('secret-abc');
    expect(seal.open(sealed, 'inv-2')).toBeNull();
    expect(LinkSeal.fromKey(randomBytes(32)).open(sealed, 'inv-1')).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(seal.open([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'inv-1')).toBeNull();
    expect(seal.open('garbage', 'inv-1')).toBeNull();
  });

  it('the key file is created once with mode 0600 and read again on the next start', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plenum-seal-')), 'keys', 'invitation-links.key');
    const sealed = LinkSeal.loadOrCreate(file).seal('s', 'i');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8');
    expect(LinkSeal.loadOrCreate(file).open(sealed, 'i')).toBe('s');
    expect(readFileSync(file, 'utf8')).toBe(key);
  });
});
