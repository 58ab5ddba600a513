import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { PAGE_STYLE_HASH } from './page-style.ts';

/**
 * Security headers for every answer. The built client loads only its own scripts, styles and
 * socket.io from the same origin; the office's QR codes are `data:` SVG images. React's `style`
 * props set CSSOM properties, which `style-src 'self'` does not block; the server-rendered pages
 * carry one inline stylesheet, allowed by its hash.
 * HSTS only when the public URL is https: on plain http it would be ignored or, behind a
 * misconfigured proxy, lock browsers out.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const https = publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", PAGE_STYLE_HASH],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xContentTypeOptions: true,
  });
}
