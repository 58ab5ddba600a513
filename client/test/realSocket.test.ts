import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { realSocketFactory } from '../src/store/realSocket.ts';

// The server treats `auth.public === true` as a public follower whatever cookie the browser holds
// (server/test/publicWithCookie.test.ts); this checks the client sends it, and only on the public page.
describe('the real socket (not connected here)', () => {
  it('R-SES-4: the public page connects as a public viewer: auth {public: true}, no credentials', () => {
    const socket = realSocketFactory({ anonymous: true }) as Socket;
    expect(socket.connected).toBe(false);
    expect(socket.auth).toEqual({ public: true });
    expect(socket.io.opts.withCredentials).toBe(false);
  });

  it('a participant page sends the cookie and does not claim to be public', () => {
    const socket = realSocketFactory({ anonymous: false }) as Socket;
    expect(socket.auth).toEqual({});
    expect(socket.io.opts.withCredentials).toBe(true);
  });
});
