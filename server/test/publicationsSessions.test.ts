import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCalendarDays, berlinDate, type Command, type ProtocolWorkflowState } from '@plenum/shared';
import { startServer } from '../src/app.ts';
import {
  api, closeAll, connect, connected, joinMeeting, linkFor, newKey, redeem, send, startTestServer, tokenOf, type Client, type TestServer,
} from './helpers.ts';

/**
 * R-PRT-3 across the conference: every session's approved protocol is published on /publications
 * (page and JSON), each resolution with the documents it refers to, and nothing of what is not
 * published: a rejected paragraph and the attachment only it refers to, a rejected proposal's
 * attachment, a barred attachment, a barred item, a session whose protocol is not yet published.
 */

/** Eleven Länder: the quorum (R-VOT-3), and 11 yes of 11 present adopt (R-VOT-1). */
const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP'];
const GO_TEXT = 'Geschäftsordnung der DMK\n\n1. Teilnehmerkreis\n\n1.1 Die Länder benennen ein ordentliches Mitglied.';

interface Room { meetingId: string; chair: Client; office: Client; delegates: Client[] }

async function command(room: Room, socket: Client, cmd: Command) {
  const res = await send(socket, cmd, newKey(), room.meetingId);
  if ('error' in res) throw new Error(`${cmd.type} refused in ${room.meetingId}: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** One resolution round: opened by the chair, every delegate answers `choice`, closed; its outcome. */
async function vote(room: Room, itemId: string, paragraph: string | null, choice: 'yes' | 'no') {
  const opened = await command(room, room.chair, { type: 'openVote', motion: { kind: 'resolution', itemId, paragraph } });
  const voteId = (opened.events.find((e) => e.event.type === 'VoteOpened')!.event as { voteId: string }).voteId;
  await Promise.all(room.delegates.map((d, i) => command(room, d, { type: 'castVote', voteId, land: LANDS[i], choice })));
  await command(room, room.chair, { type: 'closeVote', voteId });
}

/** An item of a held session and its resolution rounds: [paragraph (null: the whole), how all eleven vote]. */
type HeldItem = { itemId: string; rounds: [string | null, 'yes' | 'no'][] } & Record<string, unknown>;

/** The office adds the items, the chair opens, eleven Länder check in, every round is voted, the chair closes. */
async function hold(room: Room, items: HeldItem[]) {
  for (const { itemId, rounds: _rounds, ...item } of items) {
    await command(room, room.office, { type: 'addAgendaItem', itemId, shortNotice: false, item: { kind: 'proposal', ...item } as never });
  }
  await command(room, room.chair, { type: 'openSession' });
  await Promise.all(room.delegates.map((d) => command(room, d, { type: 'checkIn', mode: 'room' })));
  for (const { itemId, rounds } of items) for (const [paragraph, choice] of rounds) await vote(room, itemId, paragraph, choice);
  await command(room, room.chair, { type: 'closeSession' });
}

describe('R-PRT-3: /publications covers every session of the conference, each resolution with its attachments', () => {
  /** The servers's clock runs with the real one, moved ahead by the test (the objection period). */
  const ahead = { ms: 0 };
  const clock = () => new Date(Date.now() + ahead.ms);
  let server: TestServer;
  let office: string;
  let officeToken: string;
  const sockets: Client[] = [];
  const ids = { a: 'dmk-pub-a', b: 'dmk-pub-b', c: 'dmk-pub-c' };

  async function enter(meetingId: string, cookies: { chair: string; office: string; delegates: string[] }): Promise<Room> {
    const open = async (cookie: string) => {
      const s = connect(server.url, { cookie });
      sockets.push(s);
      await connected(s);
      const joined = await joinMeeting(s, null, meetingId);
      if ('error' in joined) throw new Error(`join ${meetingId} refused: ${joined.error.code}`);
      return s;
    };
    return { meetingId, chair: await open(cookies.chair), office: await open(cookies.office), delegates: await Promise.all(cookies.delegates.map(open)) };
  }

  /** Send, let the objection period pass (the scheduler approves, actor 'system'), publish: the real workflow. */
  async function publishProtocol(meetingId: string) {
    expect((await api(server, `/api/between/protocol/${meetingId}`, office, { command: { type: 'sendProtocolDraft' } })).status).toBe(200);
    const sent = (await server.between.service.state('protocol', meetingId)).state as ProtocolWorkflowState;
    ahead.ms = Date.parse(sent.objectionsEnd!) + 60_000 - Date.now();
    await server.between.scheduler.tick();
    // Two weeks on, the office's browser session has lapsed: it signs in again with its link.
    office = await redeem(server.url, officeToken);
    expect(((await server.between.service.state('protocol', meetingId)).state as ProtocolWorkflowState).status).toBe('approved');
    expect((await api(server, `/api/between/protocol/${meetingId}`, office, { command: { type: 'publishProtocol' } })).status).toBe(200);
  }

  beforeAll(async () => {
    const base = await startTestServer();
    await base.stop(false);
    const running = await startServer(
      { port: 0, host: '127.0.0.1', logLevel: 'silent', printDemoLinks: false, dataDir: base.dataDir }, { clock },
    );
    server = { ...running, dataDir: base.dataDir, links: base.links, stop: async () => { await running.close(); rmSync(base.dataDir, { recursive: true, force: true }); } };
    officeToken = tokenOf(linkFor(base.links, 'office'));
    office = await redeem(server.url, officeToken);
    const cookies = {
      chair: await redeem(server.url, tokenOf(linkFor(base.links, 'chair'))),
      office,
      delegates: await Promise.all(LANDS.map(async (l) => redeem(server.url, tokenOf(linkFor(base.links, 'delegate', `p-${l}-member`))))),
    };
    const today = berlinDate(clock());
    for (const [i, id] of Object.values(ids).entries()) {
      const created = await api(server, '/api/between/conference/dmk', office, {
        command: { type: 'createSession', sessionId: id, kind: 'extraordinary', basis: 'chairProposal', title: `Sitzung ${id}`, date: addCalendarDays(today, 1 + i), startTime: '10:00', place: 'Berlin', format: 'room' },
        key: `create-${id}`,
      });
      expect([created.status, created.body?.error?.code]).toEqual([200, undefined]);
    }

    // Session A: three paragraphs; 1 and 3 adopted, 2 rejected. Anlage 1 belongs to ¶1, Anlage 2 to ¶2 only,
    // Anlage 3 to the whole item but barred; a second item is rejected with its own attachment.
    await hold(await enter(ids.a, cookies), [
      {
        itemId: 'top-go', number: 'TOP 1', title: 'Geschäftsordnung', rapporteurs: ['BE', 'BB'],
        paragraphs: [
          { number: '1', text: 'Die DMK gibt sich die als Anlage 1 beigefügte Geschäftsordnung.' },
          { number: '2', text: 'Die Übergangsregeln der Anlage 2 gelten bis Jahresende.' },
          { number: '3', text: 'Die Geschäftsordnung tritt mit sofortiger Wirkung in Kraft.' },
        ],
        attachments: [
          { label: 'Anlage 1', title: 'Geschäftsordnung der DMK', text: GO_TEXT, paragraphs: ['1'] },
          { label: 'Anlage 2', title: 'Übergangsregeln', text: 'Bis Jahresende gilt die alte Ordnung fort.', paragraphs: ['2'] },
          { label: 'Anlage 3', title: 'Kontaktliste der Büros', text: 'Erika Mustermann, Telefon 030 1234', barredFromPublication: true },
        ],
        rounds: [['1', 'yes'], ['2', 'no'], ['3', 'yes']],
      },
      {
        itemId: 'top-x', number: 'TOP 2', title: 'Gemeinsame Beschaffung', rapporteurs: ['HE'],
        paragraphs: [{ number: '1', text: 'Die DMK beschließt die Beschaffung nach Anlage 1.' }],
        attachments: [{ label: 'Anlage 1', title: 'Leistungsverzeichnis Beschaffung', text: 'Rahmenvertrag, 40 Lose.' }],
        rounds: [[null, 'no']],
      },
    ]);
    // Session B: one adopted item, one adopted but barred from publication.
    await hold(await enter(ids.b, cookies), [
      { itemId: 'top-cloud', number: 'TOP 1', title: 'Souveräne Cloud der Länder', rapporteurs: ['NW'], paragraphs: [{ number: '1', text: 'Die DMK unterstützt die souveräne Cloud.' }], rounds: [[null, 'yes']] },
      {
        itemId: 'top-secret', number: 'TOP 2', title: 'Sicherheitsvorfall Verschlusssache', rapporteurs: ['BY'], barredFromPublication: true,
        paragraphs: [{ number: '1', text: 'Die DMK nimmt den Vorfall zur Kenntnis.' }], rounds: [[null, 'yes']],
      },
    ]);
    // Session C: held and closed, its protocol not published.
    await hold(await enter(ids.c, cookies), [
      { itemId: 'top-unpub', number: 'TOP 1', title: 'Noch nicht genehmigt', rapporteurs: ['SN'], paragraphs: [{ number: '1', text: 'Die DMK beschließt Entwurf C.' }], rounds: [[null, 'yes']] },
    ]);

    await publishProtocol(ids.a);
    await publishProtocol(ids.b);
  }, 240_000);

  afterAll(async () => {
    closeAll(sockets);
    await server?.stop();
  });

  it('R-PRT-3: the resolutions of both published sessions are in the JSON API; the unpublished session, the barred item and the rejected proposal are not', async () => {
    const all = (await api(server, '/api/publications', null)).body as { protocols: { meetingId: string }[]; resolutions: { id: string; meetingId: string }[] };
    expect(all.protocols.map((p) => p.meetingId).sort()).toEqual([ids.a, ids.b]);
    const sessionIds = all.resolutions.filter((r) => r.meetingId).map((r) => r.id).sort();
    expect(sessionIds).toEqual([`${ids.a}:top-go`, `${ids.b}:top-cloud`]);
    expect(JSON.stringify(all)).not.toContain('Verschlusssache');
    expect(JSON.stringify(all)).not.toContain('Entwurf C');
  });

  it('R-PRT-3: a partly adopted resolution carries the attachment of its adopted paragraph only; a barred one and that of a rejected paragraph or proposal are left out', async () => {
    const all = (await api(server, '/api/publications', null)).body as { resolutions: { id: string; outcome: string; notAdoptedParagraphs: string[]; attachments: unknown[] }[] };
    const go = all.resolutions.find((r) => r.id === `${ids.a}:top-go`)!;
    expect(go.outcome).toBe('partlyAdopted');
    expect(go.notAdoptedParagraphs).toEqual(['2']);
    expect(go.attachments).toEqual([{ label: 'Anlage 1', title: 'Geschäftsordnung der DMK', text: GO_TEXT, paragraphs: ['1'] }]);
    const text = JSON.stringify(all);
    for (const hidden of ['Übergangsregeln', 'Erika Mustermann', 'Leistungsverzeichnis']) expect(text).not.toContain(hidden);
    // Found in the archive by the attachment's title.
    expect((await api(server, '/api/publications?q=anlage%201%20geschäftsordnung', null)).body.resolutions.map((r: { id: string }) => r.id)).toEqual([`${ids.a}:top-go`]);
  });

  it('R-PRT-3: the public page shows both sessions\' resolutions and the attachment\'s text, escaped', async () => {
    const res = await fetch(`${server.url}/publications`);
    const page = await res.text();
    expect(page).toContain('Souveräne Cloud der Länder');
    expect(page).toContain('Geschäftsordnung');
    expect(page).toContain('<details><summary>Anlage 1: Geschäftsordnung der DMK (zu Ziffer 1)</summary>');
    expect(page).toContain('1.1 Die Länder benennen ein ordentliches Mitglied.');
    for (const hidden of ['Übergangsregeln', 'Erika Mustermann', 'Leistungsverzeichnis', 'Verschlusssache', 'Entwurf C']) expect(page).not.toContain(hidden);
  });

  it('R-PRT-3: the published protocol (Markdown, JSON, PDF text) carries the attachment; the internal one keeps all three, marked', async () => {
    const md = await fetch(`${server.url}/api/meetings/${ids.a}/protocol.md`);
    expect(md.status).toBe(200);
    const published = await md.text();
    expect(published).toContain('**Anlagen:**');
    expect(published).toContain('#### Anlage 1: Geschäftsordnung der DMK (zu Ziffer 1)');
    // Quoted line by line, a numbered line escaped so that it stays text (mdQuote).
    expect(published).toContain('> 1\\.1 Die Länder benennen ein ordentliches Mitglied.');
    expect(published).not.toContain('Anlage 2');
    expect(published).not.toContain('Erika Mustermann');
    const json = await (await fetch(`${server.url}/api/meetings/${ids.a}/protocol.json`)).json() as { items: { id: string; attachments: { label: string }[] }[] };
    expect(json.items.find((i) => i.id === 'top-go')!.attachments.map((x) => x.label)).toEqual(['Anlage 1']);
    expect(json.items.find((i) => i.id === 'top-x')!.attachments).toEqual([]);
    const pdf = await fetch(`${server.url}/api/meetings/${ids.a}/protocol.pdf`);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    writeFileSync(join(server.dataDir, 'published.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(server.dataDir, 'published.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Anlage 1: Geschäftsordnung der DMK (zu Ziffer 1)');
    expect(pdfText).toContain('1.1 Die Länder benennen ein ordentliches Mitglied.');
    expect(pdfText).not.toContain('Übergangsregeln');
    // The office's internal protocol: every attachment, the barred one marked as such in the JSON.
    const internal = (await api(server, `/api/meetings/${ids.a}/protocol.json`, office)).body as { published: boolean; items: { id: string; attachments: { label: string; barredFromPublication: boolean }[] }[] };
    expect(internal.published).toBe(false);
    expect(internal.items.find((i) => i.id === 'top-go')!.attachments.map((x) => [x.label, x.barredFromPublication]))
      .toEqual([['Anlage 1', false], ['Anlage 2', false], ['Anlage 3', true]]);
  });
});
