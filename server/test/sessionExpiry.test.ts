import { startServer, type RunningServer } from '../src/app.ts';
import { linkFor, redeem, send, connect, connected, tmpDataDir, tokenOf } from './helpers.ts';
import { rmSync } from 'node:fs';
import type { DemoLink } from '../src/demo/seed-demo.ts';

const HOUR = 3_600_000;

async function serverAt(now: { t: number }): Promise<{ server: RunningServer; links: DemoLink[]; dataDir: string }> {
  const dataDir = tmpDataDir();
  const server = await startServer(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir, sessionIdleMinutes: 120, sessionAbsoluteHours: 10 },
    { clock: () => new Date(now.t) },
  );
  return { server, links: server.demoLinks ?? [], dataDir };
}
const me = async (server: RunningServer, cookie: string) => (await fetch(`${server.url}/api/me`, { headers: { cookie } })).status;

describe('F10: sessions expire after an idle time and an absolute time', () => {
  it('unused for longer than the idle time (2 h) → the session has ended (401), the link works again', async () => {
    const now = { t: Date.now() };
    const { server, links, dataDir } = await serverAt(now);
    try {
      const cookie = await redeem(server.url, tokenOf(linkFor(links, 'office')));
      now.t += 1.5 * HOUR;
      expect(await me(server, cookie)).toBe(200);
      now.t += 1.5 * HOUR; // 1.5 h since the last use: still fine
      expect(await me(server, cookie)).toBe(200);
      now.t += 2 * HOUR + 60_000;
      expect(await me(server, cookie)).toBe(401);
      expect(await me(server, cookie)).toBe(401);
      expect(await me(server, await redeem(server.url, tokenOf(linkFor(links, 'office'))))).toBe(200);
    } finally { await server.close(); rmSync(dataDir, { recursive: true, force: true }); }
  });

  it('used every hour, it still ends after the absolute time (10 h); a socket command then answers auth.revoked', async () => {
    const now = { t: Date.now() };
    const { server, links, dataDir } = await serverAt(now);
    try {
      const cookie = await redeem(server.url, tokenOf(linkFor(links, 'chair')));
      const socket = connect(server.url, { cookie });
      await connected(socket);
      for (let h = 1; h <= 9; h++) {
        now.t += HOUR;
        expect(await me(server, cookie), `hour ${h}`).toBe(200);
      }
      now.t += 1.5 * HOUR;
      expect(await me(server, cookie)).toBe(401);
      const res = await send(socket, { type: 'openSession' });
      expect(res).toMatchObject({ error: { code: 'auth.revoked' } });
      socket.disconnect();
    } finally { await server.close(); rmSync(dataDir, { recursive: true, force: true }); }
  });
});
