import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The secret of a personal conference invitation, sealed so the office can show the same link
 * again (link and QR code) without the database holding it in the clear.
 * - AES-256-GCM with a 32-byte key in its own file (mode 0600), never in the database: a copy or
 *   dump of the database alone (a backup, a read-only SQL injection, a PostgreSQL replica) yields
 *   no usable link.
 * - The invitation id is the additional authenticated data: a sealed secret copied onto another
 *   row does not open.
 * - Lookup stays by the SHA-256 of the secret; the sealed form is read only when the office asks
 *   to show a link.
 */
export class LinkSeal {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): LinkSeal {
    if (key.length !== 32) throw new Error('invitation link key must be 32 bytes');
    return new LinkSeal(key);
  }

  /** Generated on first start (mode 0600), like the checkpoint key. */
  static loadOrCreate(file: string): LinkSeal {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
    return LinkSeal.fromKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  seal(secret: string, invitationId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(invitationId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The secret, or null when the sealed text is not ours (another key, another row, altered). */
  open(sealed: string, invitationId: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(invitationId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
