import { linkFor, MEETING, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

async function api(server: TestServer, path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('F6: between-sessions reads are scoped to the invitation\'s meeting (R-PRT-2, R-AGD-6)', () => {
  let server: TestServer;
  let office: string;
  let office2: string;

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    await server.registry.create('m2');
    office2 = await redeem(server.url, tokenOf(await server.invitations.create('m2', { role: 'office', participantId: null, label: 'Büro m2' })));
    const rt = (await server.registry.get(MEETING))!;
    const chair = { role: 'chair' as const, participantId: 'p-chair' };
    expect('data' in (await rt.execute({ key: 'rs-open', command: { type: 'openSession' }, actor: chair, context: {} })).ack).toBe(true);
    expect('data' in (await rt.execute({ key: 'rs-close', command: { type: 'closeSession' }, actor: chair, context: {} })).ack).toBe(true);
    expect((await api(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' } })).status).toBe(200);
    expect((await api(server, `/api/between/agenda/${MEETING}`, office, { command: { type: 'recordDraftAgendaSent' } })).status).toBe(200);
  });
  afterAll(async () => { await server?.stop(); });

  it.each(['protocol', 'agenda'])("GET /api/between/%s/:id of another meeting → 403; the meeting's own office reads it", async (kind) => {
    const foreign = await api(server, `/api/between/${kind}/${MEETING}`, office2);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual({ error: { code: 'auth.forbidden' } });
    const own = await api(server, `/api/between/${kind}/${MEETING}`, office);
    expect(own.status).toBe(200);
  });

  it.each(['protocol', 'agenda'])('GET /api/between/%s lists only the streams of the invitation\'s own meeting', async (kind) => {
    expect((await api(server, `/api/between/${kind}`, office2)).body).toEqual([]);
    const own = (await api(server, `/api/between/${kind}`, office)).body as { id: string }[];
    expect(own.map((s) => s.id)).toEqual([MEETING]);
  });
});

describe('strict between-sessions commands (found by the fuzzer)', () => {
  it('R-PRT-2: sendProtocolDraft with fields the server supplies itself (meetingId, sessionDay, a prototype key) → 400 command.invalid, nothing appended', async () => {
    const server = await startTestServer();
    try {
      const office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
      const rt = (await server.registry.get(MEETING))!;
      const chair = { role: 'chair' as const, participantId: 'p-chair' };
      await rt.execute({ key: 'st-open', command: { type: 'openSession' }, actor: chair, context: {} });
      await rt.execute({ key: 'st-close', command: { type: 'closeSession' }, actor: chair, context: {} });
      const forged = await api(server, `/api/between/protocol/${MEETING}`, office, {
        command: JSON.parse('{"type":"sendProtocolDraft","meetingId":"2025-05-01","sessionDay":"top-5","prototype":{"x":1}}'),
      });
      expect(forged.status).toBe(400);
      expect(forged.body).toMatchObject({ error: { code: 'command.invalid' } });
      expect((await Promise.resolve(server.between.service.state('protocol', MEETING))).seq).toBe(0);
      expect((await api(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' } })).status).toBe(200);
    } finally { await server.stop(); }
  });
});
