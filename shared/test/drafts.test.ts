import { describe, expect, it } from 'vitest';
import {
  agendaParagraphs, bracketsByLand, compareVersions, decideAssignments, decideDraft, draftAgreed, evolveAssignments,
  evolveDraft, evolveDraftAll, heldAlone, initialAssignmentState, initialDraftState, openBrackets, renderParagraphs,
  DraftEventSchema, type AssignmentState, type DraftEvent, type DraftState,
} from '../src/drafts/index.ts';
import type { Actor } from '../src/context.ts';
import { DMK_PROFILE } from '../src/profile.ts';

const roster = DMK_PROFILE.lands.map((l) => ({ participantId: `ag-${l.code}`, land: l.code }));
const office: Actor = { role: 'office', participantId: 'p-office' };
const chair: Actor = { role: 'chair', participantId: 'p-chair' };
const land = (code: string): Actor => ({ role: 'delegate', participantId: `ag-${code}` });
let clock = 0;
const ctx = (actor: Actor) => ({
  now: new Date(Date.UTC(2024, 3, 2, 9, 0, clock++)).toISOString(), actor, newId: (p: string) => `${p}-1`, profile: DMK_PROFILE, roster,
});

/** Applies a command and keeps the log, so that replay can be checked against the live fold. */
class Draft {
  state: DraftState = initialDraftState();
  log: DraftEvent[] = [];
  run(actor: Actor, command: Record<string, unknown>) {
    const r = decideDraft(this.state, command, ctx(actor));
    if (!r.ok) throw new Error(`${String(command.type)} refused: ${r.code}`);
    for (const e of r.events) { expect(DraftEventSchema.safeParse(e).success).toBe(true); this.state = evolveDraft(this.state, e); this.log.push(e); }
    return r.events;
  }
  refuse(actor: Actor, command: Record<string, unknown>) {
    const r = decideDraft(this.state, command, ctx(actor));
    if (r.ok) throw new Error(`${String(command.type)} was accepted`);
    return r;
  }
}

const TEXT = [
  'Die DMK bittet die Länder, die digitale Beteiligung der Bürgerinnen und Bürger zu stärken.',
  'Sie empfiehlt eine gemeinsame Plattform für Beteiligungsverfahren.',
  'Die Kosten tragen die Länder nach dem Königsteiner Schlüssel.',
];
/** The span of `needle` in paragraph `i` of TEXT. */
const spanOf = (i: number, needle: string) => { const start = TEXT[i]!.indexOf(needle); return { start, end: start + needle.length }; };
function created() {
  const d = new Draft();
  d.run(land('SH'), { type: 'createDraft', title: 'Digitale Beteiligung', paragraphs: TEXT });
  return d;
}

describe('drafts of the DMK-Arbeitsgremium (R-AGR-1..3)', () => {
  it('R-AGR-2: a lead Land creates a draft in numbered paragraphs; co-proposing Länder join and leave', () => {
    const d = created();
    expect(d.state).toMatchObject({ draftId: 'draft-1', leadLand: 'SH', title: 'Digitale Beteiligung' });
    expect(d.state.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    d.run(land('HH'), { type: 'joinDraft' });
    d.run(land('MV'), { type: 'joinDraft' });
    expect(d.state.coLands).toEqual(['HH', 'MV']);
    expect(d.refuse(land('SH'), { type: 'joinDraft' }).code).toBe('draft.alreadyJoined');
    d.run(land('HH'), { type: 'leaveDraft' });
    expect(d.state.coLands).toEqual(['MV']);
    expect(d.refuse({ role: 'delegate', participantId: 'stranger' }, { type: 'joinDraft' }).code).toBe('draft.notInArbeitsgremium');
  });

  it('R-AGR-2: hold — a Land brackets a span with its wording; the bracketed text is the span', () => {
    const d = created();
    const [e] = d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p2', span: spanOf(1, 'eine gemeinsame Plattform'), alternative: 'eine Prüfung gemeinsamer Plattformen' });
    expect(e).toMatchObject({ type: 'PassageBracketed', bracketId: 'b1', land: 'BY', text: 'eine gemeinsame Plattform', alternativeId: 'a1' });
    expect(d.state.brackets.b1!.holders).toEqual({ BY: { alternativeId: 'a1', at: e!.at } });
    expect(draftAgreed(d.state)).toBe(false);
    expect(d.refuse(land('HE'), { type: 'bracketPassage', paragraphId: 'p2', span: spanOf(1, 'Plattform für') }).code).toBe('draft.bracketOverlap');
    expect(d.refuse(land('HE'), { type: 'bracketPassage', paragraphId: 'p2', span: { start: 30, end: 999 } }).code).toBe('draft.spanInvalid');
    expect(d.refuse(land('HE'), { type: 'bracketPassage', paragraphId: 'p9' }).code).toBe('paragraph.unknown');
  });

  it('R-AGR-2: join, alternative, leave — who holds which bracket, and who holds one alone', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p3' });
    d.run(land('NW'), { type: 'bracketPassage', paragraphId: 'p1', span: { start: 4, end: 7 } });
    d.run(land('HE'), { type: 'joinBracket', bracketId: 'b1' });
    d.run(land('SN'), { type: 'proposeAlternative', bracketId: 'b1', text: 'Die Kosten trägt der Bund.' });
    expect(Object.keys(d.state.brackets.b1!.holders)).toEqual(['BY', 'HE', 'SN']);
    expect(d.state.brackets.b1!.holders.SN!.alternativeId).toBe('a1');
    expect(bracketsByLand(d.state)).toEqual({ BY: ['b1'], HE: ['b1'], SN: ['b1'], NW: ['b2'] });
    expect(heldAlone(d.state, 'NW').map((b) => b.id)).toEqual(['b2']);
    expect(heldAlone(d.state, 'BY')).toEqual([]);
    d.run(land('HE'), { type: 'leaveBracket', bracketId: 'b1' });
    expect(Object.keys(d.state.brackets.b1!.holders)).toEqual(['BY', 'SN']);
    expect(d.state.brackets.b1!.agreed).toEqual(['HE']);
    expect(d.refuse(land('HE'), { type: 'leaveBracket', bracketId: 'b1' }).code).toBe('draft.notHolding');
    expect(d.refuse(land('BY'), { type: 'joinBracket', bracketId: 'b1' }).code).toBe('draft.alreadyHolding');
    // BY changes its stand to SN's wording: a join with an alternative, not a refusal
    d.run(land('BY'), { type: 'joinBracket', bracketId: 'b1', alternativeId: 'a1' });
    expect(d.state.brackets.b1!.holders.BY!.alternativeId).toBe('a1');
  });

  it('R-AGR-2: resolve is refused while a Land holds out, naming it', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p3', alternative: 'Die Kosten trägt der Bund.' });
    d.run(land('NW'), { type: 'joinBracket', bracketId: 'b1' });
    const r = d.refuse(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'alternative', alternativeId: 'a1' } });
    expect(r).toMatchObject({ code: 'draft.bracketHeld', rule: 'R-AGR-2', details: { lands: 'NW', count: 1 } });
    const original = d.refuse(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'original' } });
    expect(original.details).toMatchObject({ lands: 'BY,NW', count: 2 });
    expect(d.refuse(land('HE'), { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'original' } }).code).toBe('auth.forbidden');
  });

  it('R-AGR-2: resolve — the chosen wording replaces the passage, later spans move, and who agreed is recorded', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p1', span: spanOf(0, 'DMK'), alternative: 'Digitalministerkonferenz' });
    d.run(land('HE'), { type: 'bracketPassage', paragraphId: 'p1', span: spanOf(0, 'Bürgerinnen und Bürger') });
    const heText = d.state.brackets.b2!.text;
    d.run(land('NW'), { type: 'joinBracket', bracketId: 'b1', alternativeId: 'a1' });
    d.run(land('SN'), { type: 'joinBracket', bracketId: 'b1' });
    d.run(land('SN'), { type: 'leaveBracket', bracketId: 'b1' });
    const [e] = d.run(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'alternative', alternativeId: 'a1' } });
    expect(e).toMatchObject({ type: 'BracketResolved', text: 'Digitalministerkonferenz', agreed: ['SN', 'BY', 'NW'] });
    expect(d.state.paragraphs[0]!.text.startsWith('Die Digitalministerkonferenz bittet')).toBe(true);
    const b2 = d.state.brackets.b2!;
    expect(d.state.paragraphs[0]!.text.slice(b2.span!.start, b2.span!.end)).toBe(heText);
    expect(d.refuse(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'original' } }).code).toBe('draft.bracketResolved');
    d.run(land('HE'), { type: 'leaveBracket', bracketId: 'b2' });
    d.run(office, { type: 'resolveBracket', bracketId: 'b2', wording: { kind: 'original' } });
    expect(draftAgreed(d.state)).toBe(true);
  });

  it('R-AGR-1: a live bracket call — "einverstanden" leaves the bracket, "hält fest" holds it; the call ends with the resolution', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p2' });
    expect(d.refuse(land('BY'), { type: 'answerBracketCall', answer: 'agree' }).code).toBe('draft.noCall');
    expect(d.refuse(land('BY'), { type: 'callBracket', bracketId: 'b1' }).code).toBe('auth.forbidden');
    d.run(chair, { type: 'callBracket', bracketId: 'b1' });
    d.run(land('HB'), { type: 'answerBracketCall', answer: 'hold' });
    d.run(land('BY'), { type: 'answerBracketCall', answer: 'agree' });
    expect(d.state.call!.answers).toEqual({ HB: 'hold', BY: 'agree' });
    expect(Object.keys(d.state.brackets.b1!.holders)).toEqual(['HB']);
    expect(d.refuse(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'original' } }).details).toMatchObject({ lands: 'HB' });
    d.run(land('HB'), { type: 'answerBracketCall', answer: 'agree' });
    d.run(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'original' } });
    expect(d.state.call).toBeNull();
    expect(d.state.brackets.b1!.resolution!.agreed).toEqual(['BY', 'HB']);
  });

  it('R-AGR-2: the lead Land edits the text, not a paragraph with an open bracket; others may not edit', () => {
    const d = created();
    d.run(land('SH'), { type: 'editParagraph', paragraphId: 'p2', text: 'Sie empfiehlt eine Plattform.' });
    d.run(land('SH'), { type: 'addParagraph', afterParagraphId: 'p1', text: 'Neuer Absatz.' });
    expect(d.state.paragraphs.map((p) => p.id)).toEqual(['p1', 'p4', 'p2', 'p3']);
    expect(d.refuse(land('BY'), { type: 'editParagraph', paragraphId: 'p2', text: 'x' }).code).toBe('draft.notLeadLand');
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p2' });
    expect(d.refuse(land('SH'), { type: 'editParagraph', paragraphId: 'p2', text: 'x' }).code).toBe('draft.paragraphBracketed');
  });

  it('R-AGR-2: versions v1, v2 by the lead Land or the office, compared with the diff library', () => {
    const d = created();
    expect(d.refuse(land('BY'), { type: 'cutVersion' }).code).toBe('draft.notLeadLand');
    d.run(land('SH'), { type: 'cutVersion', note: 'Erstentwurf' });
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p3', alternative: 'Der Bund beteiligt sich.' });
    d.run(land('SH'), { type: 'editParagraph', paragraphId: 'p2', text: 'Sie empfiehlt eine offene Plattform für Beteiligungsverfahren.' });
    d.run(office, { type: 'cutVersion' });
    expect(d.state.versions.map((v) => [v.number, v.openBrackets.length])).toEqual([[1, 0], [2, 1]]);
    const changes = compareVersions(d.state.versions[0]!, d.state.versions[1]!);
    expect(changes.filter((c) => c.kind === 'added').map((c) => c.text.trim())).toEqual(expect.arrayContaining(['offene', '[', ']']));
    expect(changes.filter((c) => c.kind === 'removed').length).toBeGreaterThan(0);
    const v1 = changes.filter((c) => c.kind !== 'added').map((c) => c.text).join('');
    expect(v1).toContain('2. Sie empfiehlt eine gemeinsame Plattform');
  });

  it('R-AGR-3: a version goes onto the agenda as the item text, open brackets shown with their holders', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p3', span: spanOf(2, 'tragen die Länder'), alternative: 'trägt der Bund' });
    d.run(land('HE'), { type: 'joinBracket', bracketId: 'b1' });
    d.run(land('SH'), { type: 'cutVersion' });
    expect(d.refuse(land('SH'), { type: 'putVersionOnAgenda', version: 1, meetingId: 'dmk-2', itemId: 'top-7' }).code).toBe('auth.forbidden');
    expect(d.refuse(office, { type: 'putVersionOnAgenda', version: 2, meetingId: 'dmk-2', itemId: 'top-7' }).code).toBe('draft.versionUnknown');
    d.run(office, { type: 'putVersionOnAgenda', version: 1, meetingId: 'dmk-2', itemId: 'top-7' });
    expect(d.state.onAgenda).toMatchObject([{ version: 1, meetingId: 'dmk-2', itemId: 'top-7' }]);
    // Later changes do not touch the frozen version.
    d.run(land('BY'), { type: 'leaveBracket', bracketId: 'b1' });
    const frozen = agendaParagraphs(d.state.versions[0]!);
    expect(frozen[2]!.text).toBe('Die Kosten [tragen die Länder] (Klammer gehalten von BY, HE; Alternative BY: „trägt der Bund“) nach dem Königsteiner Schlüssel.');
    expect(frozen[0]!.text).toBe(TEXT[0]);
    expect(d.refuse(office, { type: 'putVersionOnAgenda', version: 1, meetingId: 'dmk-2', itemId: 'top-7' }).code).toBe('draft.alreadyOnAgenda');
  });

  it('R-AGR-2: the history replays to the same state, and every event carries who and when', () => {
    const d = created();
    d.run(land('BY'), { type: 'bracketPassage', paragraphId: 'p1', span: { start: 0, end: 3 } });
    d.run(land('NI'), { type: 'proposeAlternative', bracketId: 'b1', text: 'Unsere' });
    d.run(chair, { type: 'callBracket', bracketId: 'b1' });
    d.run(land('BY'), { type: 'answerBracketCall', answer: 'agree' });
    d.run(chair, { type: 'resolveBracket', bracketId: 'b1', wording: { kind: 'alternative', alternativeId: 'a1' } });
    d.run(office, { type: 'cutVersion' });
    expect(evolveDraftAll(d.log)).toEqual(d.state);
    for (const e of d.log) expect(e.at && e.by.role).toBeTruthy();
    expect(renderParagraphs(d.state.versions[0]!)[0]!.segments).toEqual([{ kind: 'text', text: TEXT[0]!.replace(/^Die/, 'Unsere') }]);
    expect(openBrackets(d.state)).toEqual([]);
  });

  it('refuses commands on a draft not created, unknown commands, and prototype keys as bracket ids', () => {
    expect(decideDraft(initialDraftState(), { type: 'joinDraft' }, ctx(land('BY')))).toMatchObject({ code: 'draft.notStarted' });
    expect(decideDraft(initialDraftState(), { type: 'nope' }, ctx(land('BY')))).toMatchObject({ code: 'command.unknown' });
    expect(created().refuse(land('BY'), { type: 'joinBracket', bracketId: 'constructor' }).code).toBe('command.invalid'); // a reserved id (model.ts Id), refused at parse
  });
});

describe('working groups (R-AGR-4)', () => {
  const run = (s: AssignmentState, actor: Actor, command: Record<string, unknown>, now?: string) => {
    const r = decideAssignments(s, command, { ...ctx(actor), ...(now ? { now } : {}) });
    if (!r.ok) return r;
    return r.events.reduce(evolveAssignments, s);
  };
  it('R-AGR-4: the office records an assignment with a binding deadline; a result is a draft, marked late after the deadline', () => {
    let s = run(initialAssignmentState(), office, {
      type: 'assignWorkingGroup', assignmentId: 'asg-1', group: 'AG Digitale Beteiligung', task: 'Beschlussvorschlag zur 2. DMK',
      deadline: '2024-09-30', from: 'arbeitsgremium', decision: 'AG-Sitzung vom 2. April 2024',
    }) as AssignmentState;
    expect(run(s, land('SH'), { type: 'assignWorkingGroup', group: 'x', task: 'y', deadline: '2024-09-30', from: 'dmk', decision: 'z' })).toMatchObject({ code: 'auth.forbidden' });
    s = run(s, land('SH'), { type: 'submitAssignmentResult', assignmentId: 'asg-1', draftId: 'draft-1' }, '2024-09-30T21:59:00Z') as AssignmentState;
    s = run(s, land('SH'), { type: 'submitAssignmentResult', assignmentId: 'asg-1', draftId: 'draft-2' }, '2024-09-30T22:01:00Z') as AssignmentState;
    expect(s.assignments['asg-1']!.results.map((r) => [r.draftId, r.land, r.late])).toEqual([['draft-1', 'SH', false], ['draft-2', 'SH', true]]);
    expect(run(s, land('SH'), { type: 'submitAssignmentResult', assignmentId: 'asg-1', draftId: 'draft-1' })).toMatchObject({ code: 'assignment.alreadySubmitted' });
    expect(run(s, land('SH'), { type: 'submitAssignmentResult', assignmentId: 'nope', draftId: 'draft-1' })).toMatchObject({ code: 'assignment.unknown' });
  });
});
