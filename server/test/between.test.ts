import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DMK_PROFILE } from '@plenum/shared';
import { openSqliteStores } from '../src/store/sqlite-store.ts';
import { historyEntries, linkFor, redeem, startTestServer, tokenOf, type TestServer } from './helpers.ts';

const MEETING = 'dmk-2024-1';

async function api(server: TestServer, path: string, cookie: string | null, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server.url }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, body: type.includes('json') ? await res.json() : type.includes('pdf') ? Buffer.from(await res.arrayBuffer()) : await res.text() };
}

describe('between sessions over HTTP (R-CIR-1..3, R-PRT-1..3)', () => {
  let server: TestServer;
  let office: string;
  let by: string;
  let guest: string;

  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    by = await redeem(server.url, tokenOf(linkFor(server.links, 'delegate', 'p-BY-member')));
    const guestLink = server.links.find((l) => l.role === 'guest');
    guest = guestLink ? await redeem(server.url, tokenOf(guestLink)) : '';
  });
  afterAll(async () => { await server?.stop(); });

  it('R-PRT-1: office downloads the protocol as Markdown, JSON and PDF; anonymous gets 401 until published (R-PRT-3)', async () => {
    const md = await api(server, `/api/meetings/${MEETING}/protocol.md?lang=de`, office);
    expect(md.status).toBe(200);
    expect(md.body).toContain('# Ergebnisprotokoll: 1. Digitalministerkonferenz (DMK)');
    const en = await api(server, `/api/meetings/${MEETING}/protocol.md?lang=en`, office);
    expect(en.body).toContain('# Results protocol');
    const json = await api(server, `/api/meetings/${MEETING}/protocol.json`, office);
    expect(json.body.schema).toBe('plenum.resultsProtocol/1');
    const pdf = await api(server, `/api/meetings/${MEETING}/protocol.pdf`, office);
    expect(pdf.type).toContain('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api(server, `/api/meetings/${MEETING}/protocol.md`, null)).status).toBe(401);
  });

  it('R-PRT-2: the draft cannot be sent before the session has closed', async () => {
    const r = await api(server, `/api/between/protocol/${MEETING}`, office, { command: { type: 'sendProtocolDraft' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('protocol.sessionNotClosed');
  });

  it('R-CIR-1: the office starts a circular procedure (roster from the server); a member answers with a declaration (R-CIR-3)', async () => {
    const start = await api(server, '/api/between/circular/circ-http', office, {
      command: { type: 'startCircular', title: 'Eilbeschluss Cybersicherheit', text: 'Die DMK unterstützt die gemeinsame Übung.', proposingLand: 'HE', roster: [] },
    });
    expect(start.status).toBe(200);
    expect(start.body.data.state.roster).toHaveLength(32);
    expect(start.body.data.state.status).toBe('running');
    const answer = await api(server, '/api/between/circular/circ-http', by, { command: { type: 'answerCircular', choice: 'yes', declaration: 'Bayern begrüßt die Übung.' } });
    expect(answer.status).toBe(200);
    expect(answer.body.data.state.answers.BY.choice).toBe('yes');
    expect(answer.body.data.state.declarations[0].text).toBe('Bayern begrüßt die Übung.');
  });

  it('R-CIR-1: a delegate cannot start one, a guest cannot answer, and the scheduler-only close is refused before the deadline', async () => {
    const r = await api(server, '/api/between/circular/circ-x', by, { command: { type: 'startCircular', title: 't', text: 'x', proposingLand: 'BY', roster: [] } });
    expect(r.body.error.code).toBe('auth.forbidden');
    if (guest) expect((await api(server, '/api/between/circular/circ-http', guest, { command: { type: 'answerCircular', choice: 'yes' } })).status).toBe(403);
    const close = await api(server, '/api/between/circular/circ-http', office, { command: { type: 'closeCircular' } });
    expect(close.body.error.code).toBe('circular.periodRunning');
  });
});

describe('between-sessions scheduler across restarts', () => {
  it('R-CIR-2: a deadline that passed while the server was down fires once on start, and not again on the next restart', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    await first.stop(false);

    // A circular procedure started two weeks ago (written as the office would have), 11 Länder agreed.
    const stores = openSqliteStores(join(dataDir, 'plenum.sqlite'));
    const by = (role: string, participantId: string | null) => ({ role, participantId });
    const lands = DMK_PROFILE.lands.map((l) => l.code);
    const started = new Date(Date.now() - 14 * 86_400_000);
    const deadline = new Date(Date.now() - 86_400_000).toISOString();
    await stores.events.append('circular:circ-old', 0, historyEntries([
      {
        type: 'CircularStarted', at: started.toISOString(), by: by('office', 'p-office'), procedureId: 'circ-old',
        title: 'Älterer Umlaufbeschluss', text: 'Die DMK beschließt die Übung.', paragraphs: [], proposingLand: 'SN',
        chairLands: ['HH'], holidayLands: ['HH'],
        roster: lands.map((land) => ({ participantId: `p-${land}-member`, name: land, land, kind: 'member' })),
        objectionWorkingDays: 5, agreementsNeeded: 11, deadline,
      } as never,
      ...lands.slice(0, 11).map((land) => ({ type: 'CircularAnswered', at: started.toISOString(), by: by('delegate', `p-${land}-member`), land, choice: 'yes', participantId: `p-${land}-member` }) as never),
    ]));
    await stores.close();

    const closedEvents = (dir: string) => {
      const d = new Database(join(dir, 'plenum.sqlite'), { readonly: true });
      const rows = (d.prepare("SELECT json FROM events WHERE stream = 'circular:circ-old' AND type = 'CircularClosed'").all() as { json: string }[])
        .map((r) => ({ event: JSON.parse(r.json) as { by: unknown } }));
      const followups = d.prepare("SELECT COUNT(*) AS n FROM events WHERE stream = 'followup:dmk' AND type = 'AdoptedResolutionRegistered'").get() as { n: number };
      d.close();
      return { closed: rows, followups: followups.n };
    };

    const second = await startTestServer({ dataDir, demo: true });
    const afterSecond = (await second.between.service.state('circular', 'circ-old')).state;
    expect(afterSecond.status).toBe('adopted');
    expect(afterSecond.explanation?.agreements).toBe(11);
    await second.stop(false);
    expect(closedEvents(dataDir).closed).toHaveLength(1);

    const third = await startTestServer({ dataDir });
    await third.stop(false);
    const final = closedEvents(dataDir);
    expect(final.closed).toHaveLength(1);
    expect(final.closed[0].event.by).toEqual({ role: 'system', participantId: null });
    // R-FUP-1: registered for follow-up once.
    expect(final.followups).toBe(1);
    const { rmSync } = await import('node:fs');
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('publications (R-PRT-3, R-CIR-2)', () => {
  let server: TestServer;
  let office: string;
  beforeAll(async () => {
    server = await startTestServer();
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    // Circular procedures whose deadline has passed, inserted as history; the scheduler closes them.
    const lands = DMK_PROFILE.lands.map((l) => l.code);
    const past = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const pastCircular = (id: string, title: string, text: string, proposingLand: string, agreements: number) => server.stores.events.append(`circular:${id}`, 0, historyEntries([
      {
        type: 'CircularStarted', at: past, by: { role: 'office', participantId: 'p-office' }, procedureId: id, title, text, paragraphs: [],
        proposingLand, chairLands: ['HH'], holidayLands: ['HH'],
        roster: lands.map((land) => ({ participantId: `p-${land}-member`, name: land, land, kind: 'member' })),
        objectionWorkingDays: 5, agreementsNeeded: 11, deadline: new Date(Date.now() - 86_400_000).toISOString(),
      } as never,
      ...lands.slice(0, agreements).map((land) => ({ type: 'CircularAnswered', at: past, by: { role: 'delegate', participantId: `p-${land}-member` }, land, choice: 'yes', participantId: `p-${land}-member` }) as never),
    ]));
    await pastCircular('circ-pub', 'Gemeinsame Cloud-Strategie', 'Die DMK beschließt eine gemeinsame Cloud-Strategie der Länder.', 'NW', 12);
    await pastCircular('circ-rej', 'Gemeinsames Datenportal', 'Die DMK beschließt ein gemeinsames Datenportal.', 'SL', 10);
    await server.between.scheduler.tick();
  });
  afterAll(async () => { await server?.stop(); });

  it('R-CIR-2: the adopted result is communicated, published, and found in the archive by text, Land and date', async () => {
    for (const type of ['communicateCircularResult', 'publishCircularResult']) {
      const r = await api(server, '/api/between/circular/circ-pub', office, { command: { type } });
      expect(r.status).toBe(200);
    }
    const all = await api(server, '/api/publications', null);
    expect(all.body.resolutions.map((r: { id: string }) => r.id)).toContain('circ-pub');
    expect((await api(server, '/api/publications?q=cloud-strategie', null)).body.resolutions).toHaveLength(1);
    expect((await api(server, '/api/publications?q=cloud&land=BY', null)).body.resolutions).toHaveLength(0);
    expect((await api(server, '/api/publications?q=cloud&land=NW', null)).body.resolutions).toHaveLength(1);
    expect((await api(server, '/api/publications?to=2000-01-01', null)).body.resolutions).toHaveLength(0);
    const page = await api(server, '/publications?q=Cloud', null);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('<html lang="de">');
    expect(page.body).toContain('Gemeinsame Cloud-Strategie');
  });

  it('R-CIR-2: a result that is not adopted is published too, and says so', async () => {
    for (const type of ['communicateCircularResult', 'publishCircularResult']) {
      expect((await api(server, '/api/between/circular/circ-rej', office, { command: { type } })).status).toBe(200);
    }
    const found = (await api(server, '/api/publications?q=datenportal', null)).body.resolutions;
    expect(found).toMatchObject([{ id: 'circ-rej', source: 'circular', outcome: 'rejected' }]);
    const page = await api(server, '/publications?q=Datenportal', null);
    expect(page.body).toContain('Umlaufverfahren, nicht angenommen');
  });

  it('R-FUP-1: the follow-up record is internal: not readable without a session', async () => {
    expect((await api(server, '/api/between/followup', null)).status).toBe(401);
    const list = await api(server, '/api/between/followup', office);
    expect(list.body[0].state.resolutions['circ-pub'].proposingLands).toEqual(['NW']);
  });
});
