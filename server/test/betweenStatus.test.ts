import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFor, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

async function call(server: TestServer, path: string, cookie: string, init: { body?: string; type?: string } | null = null) {
  const res = await fetch(`${server.url}${path}`, init === null
    ? { headers: { cookie } }
    : { method: 'POST', body: init.body, headers: { cookie, origin: server.url, ...(init.type ? { 'content-type': init.type } : {}) } });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

describe('between sessions over HTTP: status codes (400 malformed, 404 unknown, 409 rule refusal)', () => {
  let server: TestServer;
  let office: string;
  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
  });
  afterAll(async () => { await server?.stop(); });

  it('a missing or non-JSON body is 400 command.invalid, not a rule refusal', async () => {
    for (const init of [{}, { body: JSON.stringify({ command: { type: 'closeCircular' } }), type: 'text/plain' }]) {
      const r = await call(server, '/api/between/circular/c-status', office, init);
      expect(r.status).toBe(400);
      expect(r.body.error?.code).toBe('command.invalid');
    }
  });

  it('a command the decider cannot parse is 400 (command.unknown / command.invalid)', async () => {
    const unknown = await call(server, '/api/between/circular/c-status', office, { body: JSON.stringify({ command: { type: 'nope' } }), type: 'application/json' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.code).toBe('command.unknown');
    const invalid = await call(server, '/api/between/circular/c-status', office, { body: JSON.stringify({ command: { type: 'startCircular', title: 42 } }), type: 'application/json' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error?.code).toBe('command.invalid');
  });

  it('R-CIR-1: a rule refusal (closing a circular that never started) stays 409', async () => {
    const r = await call(server, '/api/between/circular/c-status', office, { body: JSON.stringify({ command: { type: 'closeCircular' } }), type: 'application/json' });
    expect(r.status).toBe(409);
    expect(r.body.error?.code).toBe('circular.notStarted');
  });

  it('GET of a procedure without events is 404 stream.unknown', async () => {
    const r = await call(server, '/api/between/circular/doesnotexist', office);
    expect(r.status).toBe(404);
    expect(r.body.error?.code).toBe('stream.unknown');
  });
});
