import type { SocketLike } from '../../src/store/socketLike.ts';

type Listener = (...args: any[]) => void;
export interface Emitted {
  event: string;
  payload: any;
  ack?: (res: unknown) => void;
}

/**
 * An in-memory stand-in for a socket.io-client Socket, for the jsdom unit tests only (the real
 * server is exercised by the browser tests). The test plays the server: it answers emits through
 * `handlers`, or keeps the ack to answer later (or never, to simulate a lost connection).
 */
export class FakeSocket implements SocketLike {
  connected = false;
  active = true;
  emitted: Emitted[] = [];
  connectCalls = 0;
  private listeners = new Map<string, Set<Listener>>();
  /** Server behaviour per client event; without one the ack is kept in `emitted`. */
  handlers: Record<string, (payload: any, ack: (res: unknown) => void) => void> = {};

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener?: Listener) {
    if (listener) this.listeners.get(event)?.delete(listener);
    else this.listeners.delete(event);
    return this;
  }
  emit(event: string, payload?: unknown, ack?: (res: unknown) => void) {
    if (!this.connected) throw new Error(`emit '${event}' while disconnected: the store must queue instead`);
    this.emitted.push({ event, payload, ack });
    this.handlers[event]?.(payload, (res) => ack?.(res));
    return this;
  }
  connect() {
    this.connectCalls += 1;
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }

  // ── the test's side ──────────────────────────────────────────────────────────────────────
  /** The transport is up: socket.io fires 'connect'. */
  serverConnect() {
    this.connected = true;
    this.fire('connect');
  }
  /** The transport dropped (e.g. 'transport close'); acks of in-flight emits never arrive. */
  serverDrop(reason = 'transport close') {
    this.connected = false;
    this.fire('disconnect', reason);
  }
  /** A server → client event, e.g. 'meeting:events'. */
  fire(event: string, ...args: unknown[]) {
    for (const l of [...(this.listeners.get(event) ?? [])]) l(...args);
  }
  sent(event: string): Emitted[] {
    return this.emitted.filter((e) => e.event === event);
  }
}
