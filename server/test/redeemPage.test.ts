import { connect, connected, delegateLinks, linkFor, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

const me = async (server: TestServer, cookie: string) => (await fetch(`${server.url}/api/me`, { headers: { cookie } })).status;
const post = (server: TestServer, token: string, opts: { origin?: string | null; cookie?: string; body?: string; query?: string } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const origin = opts.origin === undefined ? server.url : opts.origin;
  if (origin) headers.origin = origin;
  if (opts.cookie) headers.cookie = opts.cookie;
  return fetch(`${server.url}/i/${token}${opts.query ?? ''}`, { method: 'POST', redirect: 'manual', headers, body: opts.body ?? '' });
};
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? null;

describe('F9/F10: an invitation link asks before it signs in, and never silently replaces a session', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.stop(); });

  it('GET /i/:token shows a German confirmation page with a POST button and sets no cookie', async () => {
    const res = await fetch(`${server.url}/i/${tokenOf(linkFor(server.links, 'screen'))}`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    // So that the browser sends its Origin on the POST, and never the secret path as Referer.
    expect(res.headers.get('referrer-policy')).toBe('strict-origin');
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(/<form method="post"><button type="submit">Anmelden<\/button><\/form>/);
    expect(html).toContain('Saalbildschirm');
    expect(html).not.toMatch(/<script/);
  });

  it('English on request (?lang=en)', async () => {
    const html = await (await fetch(`${server.url}/i/${tokenOf(linkFor(server.links, 'screen'))}?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('>Sign in</button>');
    expect(html).toContain('lang="de">Deutsch</a>');
  });

  it('the POST needs our own Origin: none → 403, a foreign one → 403 auth.origin; no cookie either way', async () => {
    const token = tokenOf(linkFor(server.links, 'screen'));
    for (const origin of [null, 'https://evil.example']) {
      const res = await post(server, token, { origin });
      expect(res.status).toBe(403);
      expect(cookieOf(res)).toBeNull();
      expect(await res.json()).toEqual({ error: { code: 'auth.origin' } });
    }
    const ok = await post(server, token);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    expect(await me(server, cookieOf(ok)!)).toBe(200);
  });

  it('a delegate opening the room screen link (as a cross-site page would make the browser do) stays the delegate until they say "switch"', async () => {
    const delegateCookie = await redeem(server.url, tokenOf(delegateLinks(server.links)[0]));
    const screenToken = tokenOf(linkFor(server.links, 'screen'));
    const page = await fetch(`${server.url}/i/${screenToken}`, { headers: { cookie: delegateCookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(cookieOf(page)).toBeNull();
    const html = await page.text();
    expect(html).toMatch(/<p role="alert">Sie sind bereits als [^<]+ angemeldet\. Wechseln\?<\/p>/);
    expect(html).toContain('name="switch" value="1"');
    // The button without the switch answer: asked again, nothing replaced.
    const asked = await post(server, screenToken, { cookie: delegateCookie });
    expect(asked.status).toBe(409);
    expect(cookieOf(asked)).toBeNull();
    expect((await (await fetch(`${server.url}/api/me`, { headers: { cookie: delegateCookie } })).json()).role).toBe('delegate');
  });

  it('switching ends the old session: its sockets are told session:revoked, its cookie no longer works', async () => {
    const delegateCookie = await redeem(server.url, tokenOf(delegateLinks(server.links)[1]));
    const socket = connect(server.url, { cookie: delegateCookie });
    await connected(socket);
    const told = new Promise<string>((r) => socket.once('session:revoked', (m) => r(m.code)));
    const switched = await post(server, tokenOf(linkFor(server.links, 'screen')), { cookie: delegateCookie, body: 'switch=1' });
    expect(switched.status).toBe(303);
    expect(await told).toBe('auth.revoked');
    expect(await me(server, delegateCookie)).toBe(401);
    expect((await (await fetch(`${server.url}/api/me`, { headers: { cookie: cookieOf(switched)! } })).json()).role).toBe('screen');
    socket.disconnect();
  });

  it('F10: redeeming a link again tells the sessions already using it (invitation:redeemed)', async () => {
    const token = tokenOf(delegateLinks(server.links)[2]);
    const first = connect(server.url, { cookie: await redeem(server.url, token) });
    await connected(first);
    const noticed = new Promise<string>((r) => first.once('invitation:redeemed', (m) => r(m.at)));
    await redeem(server.url, token);
    expect(Date.parse(await noticed)).not.toBeNaN();
    first.disconnect();
  });

  it('an unknown or revoked link → /invalid-link, for GET and POST', async () => {
    const bad = 'x'.repeat(43);
    expect((await fetch(`${server.url}/i/${bad}`, { redirect: 'manual' })).headers.get('location')).toBe('/invalid-link');
    expect((await post(server, bad)).headers.get('location')).toBe('/invalid-link');
  });
});
