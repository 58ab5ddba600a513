import { createHash } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { startTestServer, type TestServer } from './helpers.ts';

const directives = (csp: string | null) =>
  Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...v]) => [name, v]));

describe('F8: security headers on every answer', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.stop(); });

  it.each(['/', '/healthz', '/api/me', '/i/not-a-valid-token-but-long-enough'])('GET %s carries CSP, frame-ancestors, nosniff, no-referrer', async (path) => {
    const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // Plain http: no HSTS (a browser ignores it there; behind a wrong proxy it would lock users out).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('the server-rendered publications page: its one inline style is allowed by hash, nothing else inline', async () => {
    const res = await fetch(`${server.url}/publications`);
    const html = await res.text();
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0]).digest('base64')}'`;
    expect(directives(res.headers.get('content-security-policy'))['style-src']).toEqual(["'self'", hash]);
    expect(html).not.toMatch(/<script|style="/);
  });

  it('HSTS and upgrade-insecure-requests when PUBLIC_URL is https', async () => {
    const tls = await startTestServer({ publicUrl: 'https://plenum.example.org' });
    try {
      const res = await fetch(`${tls.url}/healthz`);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
      expect(directives(res.headers.get('content-security-policy'))).toHaveProperty('upgrade-insecure-requests');
    } finally { await tls.stop(); }
  });
});

describe('F13: /metrics is for this machine or a token holder only', () => {
  it('without a token: a direct local request reads it, a forwarded one (a proxy in front) gets 404', async () => {
    const server = await startTestServer();
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
      const proxied = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(proxied.status).toBe(404);
      expect(await proxied.text()).not.toContain('plenum_');
    } finally { await server.stop(); }
  });

  it('without a token: a request over a non-loopback address gets 404', async (ctx) => {
    const ip = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!ip) {
      console.warn('SKIPPED: no non-loopback IPv4 address on this machine');
      if (process.env.CI === 'true') throw new Error('no non-loopback address in CI');
      return ctx.skip();
    }
    const server = await startTestServer({ host: '0.0.0.0' });
    try {
      const res = await fetch(`http://${ip}:${server.port}/metrics`);
      expect(res.status).toBe(404);
      expect((await fetch(`http://${ip}:${server.port}/healthz`)).status).toBe(200);
    } finally { await server.stop(); }
  });

  it('with METRICS_TOKEN: only the bearer of the token reads it, even locally', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const server = await startTestServer({ metricsToken: token });
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abcd' } })).status).toBe(404);
      const ok = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/^plenum_sockets \d+$/m);
    } finally { await server.stop(); }
  });
});
