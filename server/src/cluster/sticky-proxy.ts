import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A small reverse proxy in front of the nodes, for trying a cluster on one machine (`npm run
 * cluster`) and for the cluster crash test; production uses nginx or HAProxy (docs/deploy.md) with
 * the same behaviour:
 *
 * - **Sticky**: the first answer sets a cookie naming the node (`plenum_node`); later requests of
 *   that browser go to the same node while it is up. Socket.IO's polling transport needs this (its
 *   requests carry a session id only that node knows); a WebSocket is one connection anyway.
 * - **Failover**: a node that refuses a connection is skipped for `downMs`, and the request or
 *   WebSocket goes to the next live node. A client whose node died reconnects through the proxy
 *   to another node, joins with its last seq and resends its queue (the cookie session and the
 *   record are in PostgreSQL, so any node serves it).
 */
export interface Backend { host: string; port: number }

const COOKIE = 'plenum_node';

export interface StickyProxy {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startStickyProxy(backends: Backend[], options: { port?: number; host?: string; downMs?: number } = {}): Promise<StickyProxy> {
  const downUntil = backends.map(() => 0);
  const downMs = options.downMs ?? 1_000;
  let next = 0;
  const open = new Set<Socket>();

  /** The node named by the cookie if it is up, then the others in turn. */
  const order = (cookie: string | undefined): number[] => {
    const named = Number(/(?:^|;\s*)plenum_node=(\d+)/.exec(cookie ?? '')?.[1] ?? -1);
    const start = next++ % backends.length;
    const rest = backends.map((_, i) => (start + i) % backends.length);
    const now = Date.now();
    const up = (i: number) => downUntil[i]! <= now;
    const list = [...(named >= 0 && named < backends.length ? [named] : []), ...rest.filter((i) => i !== named)];
    // Nodes marked down go last, not never: they may be back.
    return [...list.filter(up), ...list.filter((i) => !up(i))];
  };
  const markDown = (i: number) => { downUntil[i] = Date.now() + downMs; };

  const forward = (req: IncomingMessage, res: ServerResponse, candidates: number[]) => {
    const i = candidates[0]!;
    const b = backends[i]!;
    const upstream = request({ host: b.host, port: b.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers };
      if (!new RegExp(`(?:^|;\\s*)${COOKIE}=${i}(?:;|$)`).test(req.headers.cookie ?? '')) {
        const cookies = [answer.headers['set-cookie'] ?? []].flat();
        headers['set-cookie'] = [...cookies, `${COOKIE}=${i}; Path=/; HttpOnly; SameSite=Lax`];
      }
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) { res.destroy(); return; }
      markDown(i);
      // Only a request without a body can be sent again as it was.
      const again = err.code === 'ECONNREFUSED' && (req.method === 'GET' || req.method === 'HEAD') && candidates.length > 1;
      if (again) return forward(req, res, candidates.slice(1));
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no node answered');
    });
    req.pipe(upstream);
  };

  const tunnel = (req: IncomingMessage, client: Socket, head: Buffer, candidates: number[]) => {
    const i = candidates[0];
    if (i === undefined) { client.destroy(); return; }
    const b = backends[i]!;
    const upstream = connect(b.port, b.host);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      open.add(upstream);
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let k = 0; k < req.rawHeaders.length; k += 2) lines.push(`${req.rawHeaders[k]}: ${req.rawHeaders[k + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => {
      if (!connected) { markDown(i); return tunnel(req, client, head, candidates.slice(1)); }
      client.destroy();
    });
    upstream.on('close', () => { open.delete(upstream); client.destroy(); });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  };

  const server: Server = createServer((req, res) => forward(req, res, order(req.headers.cookie)));
  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    tunnel(req, client, head, order(req.headers.cookie));
  });
  server.on('connection', (s) => { open.add(s); s.on('close', () => open.delete(s)); });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
