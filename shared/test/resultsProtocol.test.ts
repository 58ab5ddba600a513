import { describe, expect, it } from 'vitest';
import { buildResultsProtocol, publicationOf, renderProtocolJson, renderProtocolMarkdown } from '../src/resultsProtocol/index.ts';
import { runDemoSession } from './resultsProtocolFixture.ts';
import { PROPOSAL, landCodes, office, openSessionWith } from './support/scenario.ts';

const record = runDemoSession();
const model = buildResultsProtocol(record.state, record.events);

describe('results protocol model (R-PRT-1)', () => {
  it('R-PRT-1: lists participants with their attendance modes (R-SES-2), and absent Länder', () => {
    const sn = model.lands.find((l) => l.land === 'SN')!;
    expect(sn.representatives[0].attendance[0].mode).toBe('remote');
    const bw = model.lands.find((l) => l.land === 'BW')!;
    expect(bw.representatives.map((r) => r.kind).sort()).toEqual(['member', 'permanentDeputy']);
    expect(model.lands.find((l) => l.land === 'SL')!.present).toBe(false);
    expect(model.guests.map((g) => g.participantId)).toContain('p-guest-bund');
  });

  it('R-PRT-1: TH checked out before the close: its stretch ends then; others end at the close', () => {
    const th = model.lands.find((l) => l.land === 'TH')!.representatives[0].attendance[0];
    expect(th.until).not.toBe(model.closedAt);
    const be = model.lands.find((l) => l.land === 'BE')!.representatives[0].attendance[0];
    expect(be.until).toBe(model.closedAt);
  });

  it('R-PRT-1: records quorum over time', () => {
    expect(model.quorum.length).toBeGreaterThan(0);
    expect(model.quorum.some((q) => q.met)).toBe(true);
  });

  it('R-PRT-1 / R-VOT-1: TOP 2 a adopted by consensus with every Land’s vote', () => {
    const item = model.items.find((i) => i.id === 'top-2a')!;
    expect(item.outcome).toBe('adopted');
    expect(item.votes[0].explanation).toMatchObject({ method: 'consensus', yes: 15, no: 0 });
    expect(item.votes[0].lands).toHaveLength(15);
    expect(item.votes[0].lands.every((l) => l.choice === 'yes')).toBe(true);
  });

  it('R-PRT-1 / R-VOT-2: TOP 5 adopted by qualified majority: base 15, needed 10, yes 12, with a declaration (R-VOT-4)', () => {
    const item = model.items.find((i) => i.id === 'top-5')!;
    expect(item.votes[0].explanation).toMatchObject({ method: 'qualified', base: 15, needed: 10, yes: 12, no: 2, abstain: 1, outcome: 'adopted' });
    expect(item.votes[0].lands.find((l) => l.land === 'NI')?.choice).toBe('no');
    expect(item.declarations).toEqual([expect.objectContaining({ land: 'BY', text: expect.stringContaining('Bayern weist') })]);
  });

  it('R-VOT-6: TOP 7 voted by paragraph: §1 adopted, §2 rejected → partly adopted; R-MEM-2 conflict recorded', () => {
    const item = model.items.find((i) => i.id === 'top-7')!;
    expect(item.votes.map((v) => [v.paragraph, v.outcome])).toEqual([['1', 'adopted'], ['2', 'rejected']]);
    expect(item.outcome).toBe('partlyAdopted');
    const bw = item.votes[0].lands.find((l) => l.land === 'BW')!;
    expect(bw).toMatchObject({ conflict: true, choice: 'no', changes: 1 });
    expect(model.conflicts).toContainEqual(expect.objectContaining({ itemNumber: 'TOP 7', land: 'BW' }));
  });

  it('R-MEM-4: the transfer MV → BB is listed, and MV’s vote on TOP 8 was cast by BB', () => {
    expect(model.transfers).toEqual([expect.objectContaining({ from: 'MV', to: 'BB', scopeItems: ['TOP 8'] })]);
    const mv = model.items.find((i) => i.id === 'top-8')!.votes[0].lands.find((l) => l.land === 'MV')!;
    expect(mv).toMatchObject({ castBy: 'BB', viaTransfer: true, choice: 'yes' });
  });

  it('R-MEM-3: the temporary deputy of HB is listed with who named them', () => {
    expect(model.deputies).toEqual([expect.objectContaining({ land: 'HB', name: 'Staatsrätin Bremen (vertretungsweise)' })]);
  });

  it('R-AGD-3: TOP 9 shows the Bundesrat procedural vote apart from the resolution', () => {
    const item = model.items.find((i) => i.id === 'top-9')!;
    expect(item.proceduralVotes.map((v) => v.motion.kind)).toEqual(['bundesratProcedure']);
    expect(item.outcome).toBe('adopted');
  });

  it('items never voted on and reports have their own outcome', () => {
    expect(model.items.find((i) => i.id === 'top-10')!.outcome).toBe('notVoted');
    expect(model.items.find((i) => i.id === 'top-3')!.outcome).toBe('discussed');
  });
});

describe('results protocol rendering', () => {
  it('R-PRT-1: German Markdown has items, outcomes, counts, every Land, the declaration and explanations', () => {
    const md = renderProtocolMarkdown(model, 'de');
    expect(md).toContain('# Ergebnisprotokoll: 1. Digitalministerkonferenz (DMK)');
    expect(md).toContain('### TOP 5: Ressourcennutzung digital optimieren');
    expect(md).toContain('Ja 12, Nein 2, Enthaltung 1 → angenommen');
    expect(md).toContain('R-VOT-2: Basis 15, erforderlich 10');
    expect(md).toContain('| Niedersachsen | Nein |');
    expect(md).toContain('Bayern (Mitglied Bayern): Bayern weist');
    expect(md).toContain('durch Übertragung: Brandenburg');
    expect(md).toContain('teilweise angenommen');
    expect(md).toContain('Vorsitz:** Berlin und Brandenburg');
    expect(md).toContain('zugeschaltet');
  });

  it('English on request', () => {
    const md = renderProtocolMarkdown(model, 'en');
    expect(md).toContain('# Results protocol');
    expect(md).toContain('Yes 12, No 2, Abstain 1 → adopted');
    expect(md).toContain('| Lower Saxony | No |');
  });

  it('JSON carries the model with a schema tag', () => {
    const json = JSON.parse(renderProtocolJson(model));
    expect(json.schema).toBe('plenum.resultsProtocol/1');
    expect(json.items).toHaveLength(model.items.length);
  });

  it('R-PRT-3: the published version leaves out items barred from publication', () => {
    const barred = { ...model, items: model.items.map((i) => (i.id === 'top-7' ? { ...i, barredFromPublication: true } : i)) };
    const pub = publicationOf(barred);
    expect(pub.items.map((i) => i.id)).not.toContain('top-7');
    expect(pub.withheldItems).toBe(1);
    expect(pub.conflicts.filter((c) => c.itemNumber === 'TOP 7')).toHaveLength(0);
    const md = renderProtocolMarkdown(pub, 'de');
    expect(md).not.toContain('Digitale Teilhabe');
    expect(md).toContain('von der Veröffentlichung ausgenommen');
  });
});

describe('results protocol: the text that was voted on (R-PRT-1, R-VOT-5)', () => {
  it('R-PRT-1: an edit recorded after the decision (an older log) does not change the protocol’s item text', () => {
    const s = openSessionWith(12);
    s.voteOn('item-proposal', Object.fromEntries(landCodes().slice(0, 12).map((l) => [l, 'yes'])));
    // The decider now refuses this edit (item.alreadyDecided); logs written before that may hold one.
    s.apply([{ type: 'AgendaItemEdited', at: s.now, by: office, itemId: 'item-proposal', changes: { title: 'Nachträglich geändert', paragraphs: [{ number: '1', text: 'Anderer Text.' }] } }]);
    const item = buildResultsProtocol(s.state, s.events).items.find((i) => i.id === 'item-proposal')!;
    expect(item.title).toBe(PROPOSAL.title);
    expect(item.paragraphs).toEqual(PROPOSAL.paragraphs);
    expect(s.state.agenda.find((i) => i.id === 'item-proposal')!.title).toBe('Nachträglich geändert');
  });
});
