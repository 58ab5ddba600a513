import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RequestHandler, Response } from 'express';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import { secretHash } from '../auth/secrets.ts';

const tooMany = (_req: unknown, res: Response) => { res.status(429).json({ error: { code: 'rate.limited' } }); };

/**
 * REST limits per minute: by address, and by cookie session (a person behind a shared address
 * cannot use up the others' allowance, and one session cannot spread over addresses).
 */
export function restLimits(limits: { perIp: number; perSession: number }): RequestHandler[] {
  const common = { windowMs: 60_000, standardHeaders: 'draft-8' as const, legacyHeaders: false, handler: tooMany };
  const sessionOf = (cookie: string | undefined) => readCookie(cookie, SESSION_COOKIE);
  return [
    rateLimit({ ...common, limit: limits.perIp, keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '') }),
    rateLimit({
      ...common, limit: limits.perSession, identifier: 'session',
      skip: (req) => sessionOf(req.headers.cookie) === null,
      keyGenerator: (req) => secretHash(sessionOf(req.headers.cookie) ?? ''),
    }),
  ];
}
