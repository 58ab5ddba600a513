import { randomBytes } from 'node:crypto';

/** The one id source of the server: a prefix and 72 random bits (`vote-Xk3…`). */
export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;
