import type { BrowserContext, WebSocketRoute } from 'playwright-core';

/**
 * A person's network that the test can break. Chromium's offline emulation (context.setOffline)
 * blocks new requests and fires the browser's `offline` event, but leaves an open WebSocket alive;
 * a phone that loses its network loses the socket too. So the context's Socket.IO WebSockets are
 * routed through here, where going offline also drops them, and where the answers from the server
 * can be lost on the way back (the command arrived, its acknowledgement did not).
 */
export class FlakyNetwork {
  private readonly open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  private down = false;
  /** When true, messages from the server to the page are dropped (lost acknowledgements). */
  loseAnswers = false;

  private constructor(private readonly context: BrowserContext) {}

  /** Must run before the person's page connects. */
  static async attach(context: BrowserContext): Promise<FlakyNetwork> {
    const network = new FlakyNetwork(context);
    await context.routeWebSocket((url) => url.pathname.startsWith('/socket.io/'), (page) => network.route(page));
    return network;
  }

  private route(page: WebSocketRoute) {
    if (this.down) {
      void page.close({ code: 4000, reason: 'network down' }).catch(() => {});
      return;
    }
    const server = page.connectToServer();
    const pair = { page, server };
    this.open.add(pair);
    page.onMessage((m) => server.send(m));
    server.onMessage((m) => { if (!this.loseAnswers) page.send(m); });
    page.onClose(() => { this.open.delete(pair); void server.close().catch(() => {}); });
    server.onClose(() => { this.open.delete(pair); void page.close().catch(() => {}); });
  }

  async goOffline(): Promise<void> {
    this.down = true;
    await this.context.setOffline(true);
    for (const { page, server } of [...this.open]) {
      await server.close().catch(() => {});
      await page.close().catch(() => {});
    }
    this.open.clear();
  }

  async goOnline(): Promise<void> {
    this.down = false;
    this.loseAnswers = false;
    await this.context.setOffline(false);
  }
}
