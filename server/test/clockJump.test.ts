import type { ProtocolWorkflowState } from '@plenum/shared';
import { linkFor, MEETING, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';
import { startServer } from '../src/app.ts';

const DAY = 86_400_000;

/** A server whose scheduler clock the test moves; the meeting closed and the protocol draft sent. */
async function serverWithSentProtocol(now: { t: number }): Promise<TestServer> {
  const base = await startTestServer();
  const dataDir = base.dataDir;
  await base.stop(false);
  const server = await startServer({ port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir }, { clock: () => new Date(now.t) });
  const t: TestServer = { ...server, dataDir, links: base.links, async stop() { await server.close(); } };
  const rt = (await server.registry.get(MEETING))!;
  const chair = { role: 'chair' as const, participantId: 'p-chair' };
  expect('data' in (await rt.execute({ key: 'cj-open', command: { type: 'openSession' }, actor: chair, context: {} })).ack).toBe(true);
  expect('data' in (await rt.execute({ key: 'cj-close', command: { type: 'closeSession' }, actor: chair, context: {} })).ack).toBe(true);
  const office = await redeem(server.url, tokenOf(linkFor(base.links, 'office')));
  const sent = await fetch(`${server.url}/api/between/protocol/${MEETING}`, {
    method: 'POST', headers: { cookie: office, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ command: { type: 'sendProtocolDraft' } }),
  });
  expect(sent.status).toBe(200);
  return t;
}
const protocolState = async (server: TestServer) => (await Promise.resolve(server.between.service.state('protocol', MEETING))).state as ProtocolWorkflowState;

describe('F12: the scheduler does not act on a clock jump without an operator (R-PRT-2)', () => {
  it('R-PRT-2: one minute after the objection period the protocol is approved at once (normal operation)', async () => {
    const now = { t: Date.now() };
    const server = await serverWithSentProtocol(now);
    try {
      const end = Date.parse((await protocolState(server)).objectionsEnd!);
      now.t = end + 60_000;
      expect(await server.between.scheduler.tick()).toBe(1);
      expect((await protocolState(server)).status).toBe('approved');
    } finally { await server.stop(); }
  });

  it('the clock 15 days ahead: ProtocolApproved is held (not written) until the operator confirms the clock', async () => {
    const now = { t: Date.now() };
    const server = await serverWithSentProtocol(now);
    try {
      const end = Date.parse((await protocolState(server)).objectionsEnd!);
      now.t = end + 15 * DAY;
      expect(await server.between.scheduler.tick()).toBe(0);
      expect((await protocolState(server)).status).toBe('sent');
      expect([...server.between.scheduler.guard.held.keys()]).toEqual([`protocol:${MEETING}`]);
      // Not for outsiders: a forwarded request is not the operator.
      expect((await fetch(`${server.url}/operator/confirm-clock`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(404);
      const confirmed = await fetch(`${server.url}/operator/confirm-clock`, { method: 'POST' });
      expect(await confirmed.json()).toEqual({ fired: 1 });
      expect((await protocolState(server)).status).toBe('approved');
    } finally { await server.stop(); }
  });
});
