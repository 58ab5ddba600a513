import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDate, DMK_PROFILE, openBrackets, upcomingDmkSessions, type DraftState } from '@plenum/shared';
import {
  connect, connected, linkFor, newKey, redeem, send, startTestServer, tokenOf, waitFor, type Client, type TestServer,
} from './helpers.ts';

interface Change { kind: string; id: string; seq: number; state: DraftState; types: string[] }
type Answer = { status: number; body: { data?: { seq: number; state: DraftState }; error?: { code: string; details?: Record<string, unknown> }; agenda?: unknown } };

/**
 * R-AGR-1/2: a meeting of the Arbeitsgremium as a session of its own kind: the office creates it in
 * the conference, the server sets it up with the chair and every Land's working-level
 * representative; each of the 16 has its own invitation (real HTTP sessions and Socket.IO
 * clients), checks in to the open meeting, and answers the chair's live bracket calls on the draft
 * stream. Three brackets are resolved; the meeting ends with a new version and the agenda proposal
 * for the next DMK session, where the office then puts the version (R-AGR-3).
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
  const AG = 'ag-test-1';
  let chairSocket: Client;
  let nextDmk: string;

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
    office = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
    // The office creates the meeting in the conference (R-CHR-2); the chair Land comes from the date (R-AGR-1).
    const today = berlinDate(new Date());
    const created = await post(office, {
      type: 'createSession', sessionId: AG, kind: 'arbeitsgremium', title: 'Sitzung des DMK-Arbeitsgremiums', date: today, startTime: '09:00', place: 'Videokonferenz', format: 'video',
    }, 'conference', 'dmk');
    if (created.status !== 200) throw new Error(JSON.stringify(created.body));
    nextDmk = upcomingDmkSessions(await server.between.conference.state(), today)[0]!.id;
    // Each person's own invitation to this meeting: the chair and the working level of every Land.
    const invite = async (role: 'chair' | 'delegate', participantId: string) =>
      redeem(server.url, (await server.invitations.create(AG, { role, participantId, label: participantId })).token);
    chair = await invite('chair', 'ag-chair');
    chairSocket = connect(server.url, { cookie: chair });
    for (const l of DMK_PROFILE.lands) {
      const land = l.code;
      cookies[land] = await invite('delegate', `ag-${land.toLowerCase()}`);
      const socket = connect(server.url, { cookie: cookies[land] });
      socket.on('draft:changed' as never, ((c: Change) => {
        if (c.id === DRAFT && c.seq > (seenSeq[land] ?? 0)) { seen[land] = c.state; seenSeq[land] = c.seq; }
      }) as never);
      sockets.push(socket);
    }
    await Promise.all([chairSocket, ...sockets].map(connected));
  });
  afterAll(async () => {
    [chairSocket, ...sockets].forEach((s) => s.disconnect());
    await server.stop();
  });

  it('R-AGR-1: the meeting is set up with the chair Land and all 16 Länder at working level; it opens, all check in, no vote', async () => {
    const meeting = (await server.registry.get(AG))!.current;
    expect(meeting.session).toMatchObject({ kind: 'arbeitsgremium', format: 'video', status: 'planned' });
    expect(meeting.session!.chairLands.length).toBeGreaterThan(0);
    expect(meeting.agenda).toEqual([]);
    expect(Object.values(meeting.participants).filter((p) => p.kind === 'workingLevel').map((p) => p.land).sort()).toEqual(DMK_PROFILE.lands.map((l) => l.code).sort());
    const opened = await send(chairSocket, { type: 'openSession' }, newKey(), AG);
    expect('data' in opened).toBe(true);
    const checkedIn = await Promise.all(sockets.map((socket) => send(socket, { type: 'checkIn', mode: 'remote' }, newKey(), AG)));
    expect(checkedIn.every((a) => 'data' in a)).toBe(true);
    // R-AGR-1: no GO-5 vote in the Arbeitsgremium.
    const vote = await send(chairSocket, { type: 'openVote', motion: { kind: 'setPublic', public: true } }, newKey(), AG);
    expect(vote).toMatchObject({ error: { code: 'session.noVote', rule: 'R-AGR-1' } });
    // The conference knows the meeting is live.
    await waitFor(async () => (await server.between.conference.state()).sessions[AG]?.status === 'open', 'the conference records the opening');
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

  it('R-AGR-2/3: the meeting ends with a new version and the proposal for the next DMK; the office puts it on that session', async () => {
    // The meeting does not close before its proposal.
    expect(await send(chairSocket, { type: 'closeSession' }, newKey(), AG)).toMatchObject({ error: { code: 'session.noAgendaProposal', rule: 'R-AGR-2' } });
    const conclude = (cookie: string, body: unknown) => fetch(`${server.url}/api/arbeitsgremium/${AG}/conclude`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body),
    });
    // A Land cannot end it, nor can the chair propose a session that is not an upcoming DMK.
    expect((await conclude(cookies.BY!, { drafts: [DRAFT], targetSessionId: nextDmk })).status).toBe(403);
    expect(await (await conclude(chair, { drafts: [DRAFT], targetSessionId: AG })).json()).toMatchObject({ error: { code: 'draft.targetNotUpcoming' } });
    const ended = await conclude(chair, { drafts: [DRAFT], targetSessionId: nextDmk });
    const proposal = { targetSessionId: nextDmk, drafts: [{ draftId: DRAFT, title: 'Digitale Verwaltung', version: 1, openBrackets: 0 }] };
    expect(await ended.json()).toEqual({ data: { proposal } });
    // A retry repeats nothing.
    expect(await (await conclude(chair, { drafts: [DRAFT], targetSessionId: nextDmk })).json()).toEqual({ data: { proposal } });
    const draft = (await server.between.service.state('draft', DRAFT)).state;
    expect(draft.versions.map((v) => v.number)).toEqual([1]);
    expect(draft.versions[0]!.by).toMatchObject({ role: 'chair', participantId: 'ag-chair' });
    await allSaw((await server.between.service.state('draft', DRAFT)).seq);
    const events = (await (await server.registry.get(AG))!.read(0)).map((e) => e.event);
    expect(events.filter((e) => e.type === 'AgendaProposed')).toMatchObject([{ ...proposal, by: { role: 'system' } }]);
    expect('data' in await send(chairSocket, { type: 'closeSession' }, newKey(), AG)).toBe(true);
    await waitFor(async () => (await server.between.conference.state()).sessions[AG]?.status === 'closed', 'the conference records the close');

    // R-AGR-3: the office puts the version on the proposed session; a session that is not an upcoming DMK is refused.
    expect((await post(office, { type: 'putVersionOnAgenda', version: 1, meetingId: 'other-meeting', itemId: 'top-99' })).body.error?.code).toBe('draft.targetNotUpcoming');
    expect((await post(office, { type: 'putVersionOnAgenda', version: 1, meetingId: AG, itemId: 'top-99' })).body.error?.code).toBe('draft.targetNotUpcoming');
    const put = await post(office, { type: 'putVersionOnAgenda', version: 1, meetingId: nextDmk, itemId: 'top-ag-1' });
    expect(put.status).toBe(200);
    expect(put.body.agenda).toBeUndefined();
    const item = (await server.registry.get(nextDmk))!.current.agenda.find((i) => i.id === 'top-ag-1');
    expect(item).toMatchObject({ number: 'TOP 3', title: 'Digitale Verwaltung', rapporteurs: ['SH'] });
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
    const mdEn = await fetch(`${server.url}/api/drafts/${DRAFT}/paper.md?lang=en`, { headers: { cookie: cookies.BY! } });
    expect(await mdEn.text()).toContain('Fully agreed version');
    expect((await fetch(`${server.url}/api/drafts/${DRAFT}/paper.md?lang=fr`, { headers: { cookie: cookies.BY! } })).status).toBe(400);
    const pdf = await fetch(`${server.url}/api/drafts/draft-top-7/paper.pdf?lang=en`, { headers: { cookie: cookies.BY! } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const before = server.pdf.completed;
    await fetch(`${server.url}/api/drafts/draft-top-7/paper.pdf?lang=en`, { headers: { cookie: cookies.BY! } });
    // Rendered in the worker once; the repeat comes from its cache.
    expect(server.pdf.completed).toBe(before);
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
