import express, { type Express, type Request, type Response } from 'express';
import type { Config } from '../config.ts';
import type { Invitations } from '../auth/invitations.ts';
import { readCookie, SESSION_COOKIE, sessionCookie } from '../auth/cookies.ts';
import type { Logger } from '../log.ts';
import { redeemPage, type PageLang } from './redeem-page.ts';

interface Deps {
  config: Config;
  invitations: Invitations;
  log: Logger;
  /** A session was ended because its browser switched to another invitation. */
  onLoggedOut?: (sessionHash: string) => void;
  /** An invitation was redeemed: its other sessions may be told. */
  onRedeemed?: (invitationId: string, at: string) => void;
}

/**
 * Invitation links. GET shows what the link is for and changes nothing (a link opened by a
 * cross-site page, a preview bot or a shoulder-surfed room screen signs no one in). The page's
 * button POSTs back; the POST must come from our own origin, and it replaces an existing session
 * of another invitation only when the page asked and the person said so (`switch=1`).
 * Never log these URLs: the path is the secret.
 */
export function mountRedemption(app: Express, deps: Deps) {
  const { config, invitations, log } = deps;
  const secure = config.publicUrl.startsWith('https:');
  const langOf = (req: Request): PageLang => (req.query.lang === 'en' ? 'en' : 'de');
  const current = async (req: Request) => {
    const s = await invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));
    return s.ok ? s : null;
  };
  // With `no-referrer` a browser sends `Origin: null` on the form's POST; `strict-origin` sends the
  // origin (which the POST checks) and, as Referer, never more than the origin (never the secret path).
  const page = (res: Response, status: number, html: string) =>
    res.status(status).setHeader('Cache-Control', 'no-store').setHeader('Referrer-Policy', 'strict-origin').type('html').send(html);

  app.get('/i/:token', async (req, res) => {
    const invitation = await invitations.lookup(String(req.params.token));
    if (!invitation) return res.redirect(303, '/invalid-link');
    const now = await current(req);
    return page(res, 200, redeemPage(invitation, now?.invitation ?? null, langOf(req)));
  });

  app.post('/i/:token', express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 }), async (req, res) => {
    const origin = req.headers.origin;
    if (!origin || !config.allowedOrigins.includes(origin)) return res.status(403).json({ error: { code: 'auth.origin' } });
    const token = String(req.params.token);
    const invitation = await invitations.lookup(token);
    if (!invitation) return res.redirect(303, '/invalid-link');
    const now = await current(req);
    if (now && now.invitation.id === invitation.id) return res.redirect(303, '/');
    if (now && (req.body as { switch?: unknown } | undefined)?.switch !== '1') {
      return page(res, 409, redeemPage(invitation, now.invitation, langOf(req)));
    }
    const redeemed = await invitations.redeem(token);
    if (!redeemed) return res.redirect(303, '/invalid-link');
    if (now) deps.onLoggedOut?.(await invitations.logoutHash(now.sessionHash));
    log.info({ invitationId: invitation.id, role: invitation.role, switched: !!now }, 'invitation redeemed');
    deps.onRedeemed?.(invitation.id, redeemed.at);
    res.setHeader('Set-Cookie', sessionCookie(redeemed.sessionId, secure));
    return res.redirect(303, '/');
  });
}
