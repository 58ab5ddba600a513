import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMK_PROFILE, openBrackets, type DraftState } from '@plenum/shared';
import {
  connect, connected, delegateLinks, landOf, linkFor, redeem, startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

interface Change { kind: string; id: string; seq: number; state: DraftState; types: string[] }
type Answer = { status: number; body: { data?: { seq: number; state: DraftState }; error?: { code: string; details?: Record<string, unknown> }; agenda?: unknown } };

/**
 * R-AGR-1/2: a meeting of the Arbeitsgremium, held as a live bracket call on the draft stream:
 * 16 Länder's officers (real HTTP sessions and Socket.IO clients), the chair calls three
 * brackets in turn, every Land answers, and the chair resolves each once no Land holds out.
 */
describe('Arbeitsgremium meeting: 16 Länder resolve three brackets live (R-AGR-1, R-AGR-2, R-AGR-3)', () => {
  let server: TestServer;
  const cookies: Record<string, string> = {};
  let chair: string;
  let office: string;
  const sockets: Client[] = [];
  /** What each Land's socket has seen of the draft, by seq. */
  const seen: Record<string, DraftState | null> = {};
  const seenSeq: Record<string, number> = {};
  const DRAFT = 'draft-ag-1';

  const post = async (cookie: string, command: unknown, kind = 'draft', id = DRAFT): Promise<Answer> => {
    const res = await fetch(`${server.url}/api/between/${kind}/${id}`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ command }),
    });
    return { status: res.status, body: await res.json() };
  };
  const must = async (cookie: string, command: unknown) => {
    const r = await post(cookie, command);
    if (!r.body.data) throw new Error(`${(command as { type: string }).type}: ${JSON.stringify(r.body.error)}`);
    return r.body.data;
  };
  /** Every Land's socket has seen at least `seq`. */
  const allSaw = (seq: number) => waitFor(() => DMK_PROFILE.lands.every((l) => (seenSeq[l.code] ?? 0) >= seq), `all 16 sockets at seq ${seq}`);

  beforeAll(async () => {
    server = await startTestServer();
    chair = await redeem(server.url, tokenOf(linkFor(server.links, 'chair')));
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    for (const link of delegateLinks(server.links)) {
      const land = landOf(link);
      cookies[land] = await redeem(server.url, tokenOf(link));
      const socket = connect(server.url, { cookie: cookies[land] });
      socket.on('draft:changed' as never, ((c: Change) => {
        if (c.id === DRAFT && c.seq > (seenSeq[land] ?? 0)) { seen[land] = c.state; seenSeq[land] = c.seq; }
      }) as never);
      sockets.push(socket);
    }
    await Promise.all(sockets.map(connected));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await server.stop();
  });

  it('R-AGR-1: brackets are set, called, answered by all 16 Länder and resolved; every socket sees every step', async () => {
    expect(Object.keys(cookies)).toHaveLength(16);
    await must(cookies.SH!, { type: 'createDraft', title: 'Digitale Verwaltung', paragraphs: ['Die Länder bauen Portale aus.', 'Der Bund trägt die Kosten.', 'Die DMK prüft 2025 erneut.'] });
    await must(cookies.BY!, { type: 'bracketPassage', paragraphId: 'p1', span: { start: 4, end: 10 }, alternative: 'Bund und Länder' });
    await must(cookies.NW!, { type: 'bracketPassage', paragraphId: 'p2', alternative: 'Bund und Länder teilen die Kosten.' });
    await must(cookies.HE!, { type: 'joinBracket', bracketId: 'b2' });
    const set = await must(cookies.SN!, { type: 'bracketPassage', paragraphId: 'p3', span: { start: 14, end: 18 } });
    await allSaw(set.seq);
    // A bracket held by one Land is visible to all.
    for (const l of DMK_PROFILE.lands) expect(Object.keys(seen[l.code]!.brackets.b3!.holders)).toEqual(['SN']);

    // Only the chair (or the office) calls; a Land cannot.
    expect((await post(cookies.BY!, { type: 'callBracket', bracketId: 'b1' })).body.error?.code).toBe('auth.forbidden');

    const plan: { bracket: string; wording: unknown; holdOut: string }[] = [
      { bracket: 'b1', wording: { kind: 'alternative', alternativeId: 'a1' }, holdOut: 'TH' },
      { bracket: 'b2', wording: { kind: 'alternative', alternativeId: 'a2' }, holdOut: 'HE' },
      { bracket: 'b3', wording: { kind: 'original' }, holdOut: 'SN' },
    ];
    for (const step of plan) {
      await must(chair, { type: 'callBracket', bracketId: step.bracket });
      // Every Land answers at once; one first holds out.
      const answers = await Promise.all(DMK_PROFILE.lands.map((l) =>
        post(cookies[l.code]!, { type: 'answerBracketCall', answer: l.code === step.holdOut ? 'hold' : 'agree' })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const refused = await post(chair, { type: 'resolveBracket', bracketId: step.bracket, wording: step.wording });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'draft.bracketHeld', details: { lands: step.holdOut } });
      // The Land gives way in the call; now the chair resolves.
      await must(cookies[step.holdOut]!, { type: 'answerBracketCall', answer: 'agree' });
      const resolved = await must(chair, { type: 'resolveBracket', bracketId: step.bracket, wording: step.wording });
      expect(resolved.state.brackets[step.bracket]!.resolution!.agreed).toHaveLength(16);
      await allSaw(resolved.seq);
      for (const l of DMK_PROFILE.lands) expect(seen[l.code]!.brackets[step.bracket]!.status).toBe('resolved');
    }

    const final = seen.SH!;
    expect(openBrackets(final)).toEqual([]);
    expect(final.paragraphs.map((p) => p.text)).toEqual(['Die Bund und Länder bauen Portale aus.', 'Bund und Länder teilen die Kosten.', 'Die DMK prüft 2025 erneut.']);
  });

  it('R-AGR-2/3: the meeting ends with a new version; the office puts it on the next DMK agenda as the item text', async () => {
    const cut = await must(cookies.SH!, { type: 'cutVersion', note: 'Ergebnis der Sitzung des Arbeitsgremiums' });
    expect(cut.state.versions.at(-1)!.number).toBe(1);
    // Another meeting than the office's own is refused.
    expect((await post(office, { type: 'putVersionOnAgenda', version: 1, meetingId: 'other-meeting', itemId: 'top-99' })).status).toBe(403);
    const put = await post(office, { type: 'putVersionOnAgenda', version: 1, meetingId: 'dmk-2024-1', itemId: 'top-ag-1' });
    expect(put.status).toBe(200);
    expect(put.body.agenda).toBeUndefined();
    const meeting = await server.registry.get('dmk-2024-1');
    const item = meeting!.current.agenda.find((i) => i.id === 'top-ag-1');
    expect(item).toMatchObject({ title: 'Digitale Verwaltung', rapporteurs: ['SH'] });
    expect(item!.paragraphs.map((p) => p.text)).toEqual(['Die Bund und Länder bauen Portale aus.', 'Bund und Länder teilen die Kosten.', 'Die DMK prüft 2025 erneut.']);
  });

  it('the demo carries the TOP 7 bracket paper with two open brackets', async () => {
    const res = await fetch(`${server.url}/api/between/draft/draft-top-7`, { headers: { cookie: cookies.HE! } });
    const { state } = (await res.json()) as { state: DraftState };
    expect(state.title).toBe('Digitale Teilhabe');
    expect(openBrackets(state).map((b) => Object.keys(b.holders))).toEqual([['BY', 'NW'], ['HE']]);
    expect(state.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('exports over HTTP: DOCX, PDF and Markdown of the paper; no paper without a session cookie', async () => {
    const docx = await fetch(`${server.url}/api/drafts/${DRAFT}/paper.docx?version=1`, { headers: { cookie: cookies.BY! } });
    expect(docx.status).toBe(200);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const md = await fetch(`${server.url}/api/drafts/${DRAFT}/paper.md`, { headers: { cookie: cookies.BY! } });
    expect(await md.text()).toContain('Vollständig geeinte Fassung');
    expect((await fetch(`${server.url}/api/drafts/${DRAFT}/paper.pdf`)).status).toBe(401);
    const imported = await fetch(`${server.url}/api/drafts/import`, {
      method: 'POST', headers: { cookie: cookies.BY!, 'content-type': 'text/plain', origin: server.url }, body: '1. Erstens.\n2. Zweitens.',
    });
    expect(await imported.json()).toEqual({ data: { paragraphs: ['Erstens.', 'Zweitens.'] } });
  });

  it('R-AGR-4: an assignment to a working group, its result submitted as a draft', async () => {
    const assigned = await post(office, { type: 'assignWorkingGroup', assignmentId: 'asg-1', group: 'AG Portale', task: 'Beschlussvorschlag', deadline: '2099-12-31', from: 'arbeitsgremium', decision: 'AG-Sitzung' }, 'assignment', 'dmk');
    expect(assigned.status).toBe(200);
    const submitted = await post(cookies.SH!, { type: 'submitAssignmentResult', assignmentId: 'asg-1', draftId: DRAFT }, 'assignment', 'dmk');
    expect(submitted.body.data!.state).toMatchObject({ assignments: { 'asg-1': { results: [{ draftId: DRAFT, land: 'SH', late: false }] } } });
  });
});
