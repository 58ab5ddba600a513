import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFor, MEETING, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

async function api(server: TestServer, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } & Record<string, unknown> };
}

describe('between sessions: meeting-keyed streams belong to their meeting (R-PRT-2, R-PRT-3, R-AGD-6)', () => {
  let server: TestServer;
  let office: string;
  let by: string;
  let office2: string;
  let delegate2: string;

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    by = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    // A second meeting with its own office and a delegate (a member on the roster of the period).
    await server.registry.create('m2');
    office2 = await redeem(server.url, tokenOf(await server.invitations.create('m2', { role: 'office', participantId: null, label: 'Büro m2' })));
    delegate2 = await redeem(server.url, tokenOf(await server.invitations.create('m2', { role: 'delegate', participantId: 'p-HE-member', label: 'HE m2' })));
    const rt = (await server.registry.get(MEETING))!;
    const chair = { role: 'chair' as const, participantId: 'p-chair' };
    expect('data' in (await rt.execute({ key: 'scope-open', command: { type: 'openSession' }, actor: chair, context: {} })).ack).toBe(true);
    expect('data' in (await rt.execute({ key: 'scope-close', command: { type: 'closeSession' }, actor: chair, context: {} })).ack).toBe(true);
  });
  afterAll(async () => { await server?.stop(); });

  it("R-AGD-6: another meeting's office can neither record the agenda dispatch nor read the deadlines", async () => {
    const record = await api(server, `/api/between/agenda/${MEETING}`, office2, { command: { type: 'recordDraftAgendaSent' } });
    expect(record.status).toBe(403);
    expect(record.body.error?.code).toBe('auth.forbidden');
    expect((await server.between.service.state('agenda', MEETING)).seq).toBe(0);
    const deadlines = await api(server, `/api/meetings/${MEETING}/deadlines`, office2);
    expect(deadlines.status).toBe(403);
    expect(deadlines.body.error?.code).toBe('auth.forbidden');
    expect((await api(server, `/api/meetings/${MEETING}/deadlines`, office)).status).toBe(200);
  });

  it("R-PRT-2/3: another meeting's office cannot send, approve or publish the protocol; its delegate cannot object", async () => {
    for (const type of ['sendProtocolDraft', 'approveProtocol', 'publishProtocol']) {
      const r = await api(server, `/api/between/protocol/${MEETING}`, office2, { command: { type } });
      expect(r.status, type).toBe(403);
      expect(r.body.error?.code).toBe('auth.forbidden');
    }
    expect((await server.between.service.state('protocol', MEETING)).seq).toBe(0);
    // The meeting's own office sends the draft; its own member objects, the other meeting's delegate may not.
    expect((await api(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' } })).status).toBe(200);
    const foreign = await api(server, `/api/between/protocol/${MEETING}`, delegate2, { command: { type: 'objectToProtocol', text: 'Einwand' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.code).toBe('auth.forbidden');
    expect((await api(server, `/api/between/protocol/${MEETING}`, by, { command: { type: 'objectToProtocol', text: 'Einwand' } })).status).toBe(200);
    expect((await server.between.service.state('protocol', MEETING)).seq).toBe(2);
  });
});
