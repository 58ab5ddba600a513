import { createHash, randomBytes } from 'node:crypto';

/** 256-bit secrets (well above the 128 bits the architecture asks for), URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Only this digest is stored; the secret itself exists in the link and the cookie only. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
