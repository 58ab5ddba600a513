import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { EventOf } from '@plenum/shared';
import {
  closeAll, delegateLinks, landOf, linkFor, login, MEETING, must, openAndCheckIn, redeem, send, startTestServer, tokenOf, waitFor,
  type Client, type TestServer,
} from './helpers.ts';

async function post(server: TestServer, path: string, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url, ...headers }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const get = async (server: TestServer, path: string, cookie: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: res.status, body: await res.json() };
};

describe('between sessions, hooked to the live session (R-FUP-1, R-AGD-6, R-PRT-2) and idempotent over REST', () => {
  let server: TestServer;
  let chair: Client;
  let delegates: Client[];
  let office: string;
  let by: string;

  beforeAll(async () => {
    server = await startTestServer();
    chair = await login(server, linkFor(server.links, 'chair'));
    delegates = await Promise.all(delegateLinks(server.links).map((l) => login(server, l)));
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    by = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
  });
  afterAll(async () => {
    closeAll([chair, ...delegates]);
    await server.stop();
  });

  const vote = async (itemId: string, yes: number) => {
    const opened = await must(chair, { type: 'openVote', motion: { kind: 'resolution', itemId, paragraph: null } });
    const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as EventOf<'VoteOpened'>).voteId;
    const links = delegateLinks(server.links);
    await Promise.all(delegates.map((d, i) => send(d, { type: 'castVote', voteId, land: landOf(links[i]), choice: i < yes ? 'yes' : 'no' })));
    const closed = await must(chair, { type: 'closeVote', voteId });
    return (closed.events.find((e) => e.event.type === 'VoteClosed')!.event as EventOf<'VoteClosed'>).explanation.outcome;
  };
  const followUp = async () => (await server.between.service.state('followup', 'dmk')).state;

  it('R-FUP-1: a resolution adopted in the live session is registered for follow-up with its rapporteur Länder; a rejected one is not', async () => {
    await openAndCheckIn(chair, delegates);
    const runtime = (await server.registry.get(MEETING))!;
    const [adoptedItem, rejectedItem] = runtime.current.agenda.filter((i) => i.kind === 'proposal' && i.admitted && !i.bundesrat);
    expect(await vote(adoptedItem.id, 16)).toBe('adopted');
    expect(await vote(rejectedItem.id, 2)).toBe('rejected');
    const id = `${MEETING}.${adoptedItem.id}`;
    let registered = (await followUp()).resolutions;
    await waitFor(async () => id in (registered = (await followUp()).resolutions), 'the follow-up registration');
    expect(registered[id]).toMatchObject({
      proposingLands: adoptedItem.rapporteurs.filter((r) => r !== 'BUND'), leadLand: 'BE',
      title: 'TOP 2 a: Geschäftsordnung der Digitalministerkonferenz',
      source: runtime.current.session!.title,
    });
    expect(Object.keys(registered)).not.toContain(`${MEETING}.${rejectedItem.id}`);
    // Over HTTP the proposing Land sees it and records the implementation (R-FUP-1).
    const rapporteur = adoptedItem.rapporteurs.find((r) => r !== 'BUND')!;
    const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', `p-${rapporteur}-member`)));
    const rec = await post(server, '/api/between/followup/dmk', cookie, { command: { type: 'recordImplementation', resolutionId: id, status: 'inProgress' }, key: 'impl-1' });
    expect(rec.status).toBe(200);
    expect(rec.body.data.state.resolutions[id].implementation[0]).toMatchObject({ land: rapporteur, status: 'inProgress' });
  });

  it('R-FUP-1: a restart registers nothing twice (registration is idempotent)', async () => {
    const before = (await server.between.service.events('followup', 'dmk')).length;
    await server.between.service.registerAdoptedFromMeetings();
    expect((await server.between.service.events('followup', 'dmk')).length).toBe(before);
  });

  it('idempotency: a repeat with the same Idempotency-Key returns the first answer and appends nothing; the key is stored with the events', async () => {
    const command = { type: 'requestExtraordinarySession', reason: 'Cyberangriff auf Landesnetze' };
    const first = await post(server, '/api/between/extraordinary/x-1', by, { command }, { 'Idempotency-Key': 'xr-1' });
    expect(first.status).toBe(200);
    expect(first.body.data.duplicate).toBe(false);
    const again = await post(server, '/api/between/extraordinary/x-1', by, { command }, { 'Idempotency-Key': 'xr-1' });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ ...first.body.data, duplicate: true });
    expect(await server.between.service.events('extraordinary', 'x-1')).toHaveLength(1);
    const db = new Database(join(server.dataDir, 'plenum.sqlite'), { readonly: true });
    const row = db.prepare('SELECT response_json FROM command_keys WHERE stream = ? AND key = ?').get('extraordinary:x-1', 'xr-1') as { response_json: string };
    db.close();
    expect(JSON.parse(row.response_json).seq).toBe(1);
  });

  it("idempotency: the same key with another payload or by another actor → 'idempotency.keyReused'; a key in the body works like the header", async () => {
    const other = await post(server, '/api/between/extraordinary/x-1', by, { command: { type: 'withdrawFromExtraordinaryRequest' } }, { 'Idempotency-Key': 'xr-1' });
    expect(other.body.error.code).toBe('idempotency.keyReused');
    const he = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-HE-member')));
    const join1 = await post(server, '/api/between/extraordinary/x-1', he, { command: { type: 'joinExtraordinaryRequest' }, key: 'xr-he' });
    expect(join1.body.data.state.lands).toHaveProperty('HE');
    const stolen = await post(server, '/api/between/extraordinary/x-1', by, { command: { type: 'joinExtraordinaryRequest' }, key: 'xr-he' });
    expect(stolen.body.error.code).toBe('idempotency.keyReused');
    const repeat = await post(server, '/api/between/extraordinary/x-1', he, { command: { type: 'joinExtraordinaryRequest' }, key: 'xr-he' });
    expect(repeat.body.data.duplicate).toBe(true);
    expect(Object.keys((await server.between.service.state('extraordinary', 'x-1')).state.lands)).toEqual(['BY', 'HE']);
    expect((await post(server, '/api/between/extraordinary/x-1', he, { command: { type: 'joinExtraordinaryRequest' }, key: 'bad key!' })).status).toBe(400);
  });

  it('R-AGD-6: the office records the draft agenda as sent; the deadlines say met/missed/overdue; a delegate may not record', async () => {
    expect((await post(server, `/api/between/agenda/${MEETING}`, by, { command: { type: 'recordDraftAgendaSent' } })).status).toBe(403);
    const sent = await post(server, `/api/between/agenda/${MEETING}`, office, { command: { type: 'recordDraftAgendaSent' }, key: 'agenda-draft-1' });
    expect(sent.status).toBe(200);
    const d = await get(server, `/api/meetings/${MEETING}/deadlines`, office);
    // The demo session was on 19 April 2024: recorded now, the draft agenda is late.
    expect(d.body.agenda.map((a: { kind: string; dueDate: string; state: string }) => [a.kind, a.dueDate, a.state])).toEqual([
      ['draftAgenda', '2024-03-08', 'missed'], ['proposals', '2024-03-22', 'met'], ['finalPapers', '2024-03-29', 'overdue'],
    ]);
    expect(d.body.protocol).toBeNull();
  });

  it('R-PRT-2: the draft is due two weeks after the session\'s date (19 April 2024), not after the day it was closed; sending it starts the objection period', async () => {
    await must(chair, { type: 'closeSession' });
    const before = await get(server, `/api/meetings/${MEETING}/deadlines`, office);
    // Closed today, the 2024 session's draft was due on Friday 3 May 2024 (end of day, Berlin).
    expect(before.body.protocol).toMatchObject({ rule: 'R-PRT-2', draftDue: '2024-05-03T21:59:59.999Z', draft: 'overdue', sentAt: null, objectionsEnd: null });
    await post(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' }, key: 'prt-send' });
    const after = await get(server, `/api/meetings/${MEETING}/deadlines`, by);
    expect(after.body.protocol).toMatchObject({ draft: 'missed', warnDraftLate: true, objectionsOpen: true, objections: 0 });
    const sent = (await server.between.service.state('protocol', MEETING)).state;
    expect(sent).toMatchObject({ sessionDay: '2024-04-19', sentLate: true });
    expect(Date.parse(after.body.protocol.objectionsEnd)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  });
});
