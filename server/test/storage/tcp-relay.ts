import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a service (PostgreSQL, Redis) that a test can cut (every connection
 * dropped, new ones refused) and restore on the same port: an outage without touching the service.
 */
export class TcpRelay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly upstreamPort: number, private readonly upstreamHost = '127.0.0.1') {}
  async up() {
    this.server = createServer((client) => {
      const upstream = connect(this.upstreamPort, this.upstreamHost);
      for (const s of [client, upstream]) { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); s.on('error', () => { client.destroy(); upstream.destroy(); }); }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }
  async down() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }
}
