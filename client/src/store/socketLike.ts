/**
 * The part of a socket.io-client Socket the store uses. The real socket satisfies it; unit tests
 * pass an in-memory fake (client/test/fakeSocket.ts) through the socket factory.
 */
export interface SocketLike {
  readonly connected: boolean;
  /** socket.io: false once it stopped trying to reconnect (e.g. a handshake refusal). */
  readonly active?: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener?: (...args: any[]) => void): unknown;
  emit(event: string, ...args: any[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface SocketOptions {
  /** Public viewers join without a personal invitation (R-SES-4). */
  anonymous: boolean;
}

export type SocketFactory = (options: SocketOptions) => SocketLike;
