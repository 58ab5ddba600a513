import { describe, expect, it } from 'vitest';
import { chair, landCodes, member, office, openSessionWith, PROPOSAL, REPORT, scheduledSession } from './support/scenario.ts';
import { given } from './support/gwt.ts';

const LANDS = landCodes();
const all = (n: number, choice: 'yes' | 'no' | 'abstain') => Object.fromEntries(LANDS.slice(0, n).map((l) => [l, choice]));

describe('R-AGD-1: items are proposals or reports, with rapporteurs', () => {
  it('R-AGD-1: a proposal with numbered paragraphs and its rapporteur Länder is added', () => {
    given(scheduledSession({ items: false }).events).when({ type: 'addAgendaItem', item: PROPOSAL, itemId: 'top5' }, office)
      .then([{ type: 'AgendaItemAdded', itemId: 'top5', shortNotice: false, position: 0, item: { kind: 'proposal', rapporteurs: ['BB', 'BE'] } }]);
  });
  it('R-AGD-1: the Bund may be rapporteur of its report; an unknown Land may not → land.unknown', () => {
    const s = scheduledSession({ items: false });
    s.run({ type: 'addAgendaItem', item: REPORT, itemId: 'bund' }, office);
    expect(s.state.agenda[0]).toMatchObject({ kind: 'report', rapporteurs: ['BUND'], admitted: true });
    s.refuse({ type: 'addAgendaItem', item: { ...PROPOSAL, rapporteurs: ['XX'] } }, office, 'land.unknown', 'R-AGD-1');
  });
  it('R-AGD-1: an item kind outside proposal/report → command.invalid', () => {
    given(scheduledSession().events).when({ type: 'addAgendaItem', item: { ...PROPOSAL, kind: 'motion' } }, office).then('command.invalid');
  });
  it('R-AGD-1: an edit changes only the fields sent (zod defaults do not reset the others)', () => {
    const s = scheduledSession();
    s.run({ type: 'editAgendaItem', itemId: 'item-bundesrat', item: { title: 'Neuer Titel' } }, office);
    const item = s.state.agenda.find((i) => i.id === 'item-bundesrat')!;
    expect(item).toMatchObject({ title: 'Neuer Titel', bundesrat: true, rapporteurs: ['RP'] });
    expect(item.paragraphs).toHaveLength(2);
  });
  it('R-AGD-1: an item id used twice → item.exists; removing removes it', () => {
    const s = scheduledSession();
    s.refuse({ type: 'addAgendaItem', item: PROPOSAL, itemId: 'item-proposal' }, office, 'item.exists');
    s.run({ type: 'removeAgendaItem', itemId: 'item-proposal' }, office);
    expect(s.state.agenda.map((i) => i.id)).toEqual(['item-report', 'item-bundesrat']);
  });
});

describe('R-AGD-2: short-notice additions need an admitting motion by simple majority', () => {
  const addShort = (s: ReturnType<typeof scheduledSession>) => s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, number: '11' }, shortNotice: true, itemId: 'short' }, office);

  it('R-AGD-2: a resolution vote on a short-notice item before admission → item.notAdmitted', () => {
    const s = openSessionWith(12);
    addShort(s);
    s.refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'short' } }, chair, 'item.notAdmitted', 'R-AGD-2');
  });
  it('R-AGD-2: 12 present, 5 yes, 4 no, 3 abstain → admitted by simple majority (more yes than no)', () => {
    const s = openSessionWith(12);
    addShort(s);
    const { events, explanation } = s.voteOn('short', { ...all(5, 'yes'), HH: 'no', HE: 'no', MV: 'no', NI: 'no', NW: 'abstain', RP: 'abstain', SL: 'abstain' },
      { kind: 'admitShortNotice', itemId: 'short' });
    expect(explanation).toMatchObject({ method: 'simpleMajority', rule: 'R-AGD-2', outcome: 'adopted', yes: 5, no: 4, abstain: 3, needed: 5 });
    expect(events.at(-1)).toMatchObject({ type: 'ShortNoticeItemAdmitted', itemId: 'short' });
    s.openVote({ kind: 'resolution', itemId: 'short', paragraph: null });
  });
  it('R-AGD-2: as many yes as no → not admitted', () => {
    const s = openSessionWith(12);
    addShort(s);
    const { events, explanation } = s.voteOn('short', { BW: 'yes', BY: 'yes', BE: 'no', BB: 'no' }, { kind: 'admitShortNotice', itemId: 'short' });
    expect(explanation.outcome).toBe('rejected');
    expect(events.map((e) => e.type)).toEqual(['VoteClosed']);
  });
  it('R-AGD-2: an item added while the session is open is short notice', () => {
    const s = openSessionWith(12);
    s.run({ type: 'addAgendaItem', item: PROPOSAL, itemId: 'late' }, chair);
    expect(s.state.agenda.find((i) => i.id === 'late')).toMatchObject({ shortNotice: true, admitted: false });
  });
  it('R-AGD-2: admitting an item that is not short notice → item.notShortNotice; twice → item.alreadyAdmitted', () => {
    const s = openSessionWith(12);
    s.refuse({ type: 'openVote', motion: { kind: 'admitShortNotice', itemId: 'item-proposal' } }, chair, 'item.notShortNotice');
    addShort(s);
    s.voteOn('short', all(12, 'yes'), { kind: 'admitShortNotice', itemId: 'short' });
    s.refuse({ type: 'openVote', motion: { kind: 'admitShortNotice', itemId: 'short' } }, chair, 'item.alreadyAdmitted');
  });
});

describe('R-AGD-3: Bundesrat items need a procedural decision by two thirds first', () => {
  it('R-AGD-3: a resolution vote on a Bundesrat item before the procedural decision → agenda.bundesratProcedureRequired', () => {
    openSessionWith(12).refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-bundesrat' } }, chair, 'agenda.bundesratProcedureRequired', 'R-AGD-3');
  });
  it('R-AGD-3: the procedural decision uses the qualified rule only: 12 yes, 2 no of 14 → cleared', () => {
    const s = openSessionWith(14);
    const { events, explanation } = s.voteOn('item-bundesrat', { ...all(12, 'yes'), [LANDS[12]]: 'no', [LANDS[13]]: 'no' }, { kind: 'bundesratProcedure', itemId: 'item-bundesrat' });
    expect(s.state.votes[events[0].type === 'VoteClosed' ? events[0].voteId : ''].decisionRule).toBe('qualifiedOnly');
    expect(explanation).toMatchObject({ method: 'qualified', rule: 'R-VOT-2', outcome: 'adopted', needed: 9 });
    expect(events.at(-1)).toMatchObject({ type: 'BundesratProcedureCleared', itemId: 'item-bundesrat' });
    s.openVote({ kind: 'resolution', itemId: 'item-bundesrat', paragraph: null });
  });
  it('R-AGD-3: without a "no", 8 yes and 6 abstentions of 14 is not enough (no consensus shortcut)', () => {
    const s = openSessionWith(14);
    const { events, explanation } = s.voteOn('item-bundesrat', { ...all(8, 'yes'), ...Object.fromEntries(LANDS.slice(8, 14).map((l) => [l, 'abstain'])) },
      { kind: 'bundesratProcedure', itemId: 'item-bundesrat' });
    expect(explanation).toMatchObject({ outcome: 'rejected', method: 'qualified', needed: 9, yes: 8 });
    expect(events.map((e) => e.type)).toEqual(['VoteClosed']);
  });
  it('R-AGD-3: procedural motion on a non-Bundesrat item → item.notBundesrat; after clearing → item.alreadyCleared', () => {
    const s = openSessionWith(12);
    s.refuse({ type: 'openVote', motion: { kind: 'bundesratProcedure', itemId: 'item-proposal' } }, chair, 'item.notBundesrat');
    s.voteOn('item-bundesrat', all(12, 'yes'), { kind: 'bundesratProcedure', itemId: 'item-bundesrat' });
    s.refuse({ type: 'openVote', motion: { kind: 'bundesratProcedure', itemId: 'item-bundesrat' } }, chair, 'item.alreadyCleared');
  });
});

describe('R-AGD-4: IT-Planungsrat flag and coordination', () => {
  it('R-AGD-4: the office sets the coordination state of an item', () => {
    const s = scheduledSession();
    s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, itPlr: 'pending' }, itemId: 'itplr' }, office);
    expect(s.state.agenda.find((i) => i.id === 'itplr')?.itPlr).toBe('pending');
    given(s.events).when({ type: 'setItPlrCoordination', itemId: 'itplr', state: 'agreed' }, office).then([{ type: 'ItPlrCoordinationSet', itemId: 'itplr', state: 'agreed' }]);
    s.run({ type: 'setItPlrCoordination', itemId: 'itplr', state: 'agreed' }, office);
    expect(s.state.agenda.find((i) => i.id === 'itplr')?.itPlr).toBe('agreed');
  });
  it('R-AGD-4: unknown item → item.unknown; a delegate may not set it → auth.forbidden', () => {
    const s = scheduledSession();
    s.refuse({ type: 'setItPlrCoordination', itemId: 'nope', state: 'agreed' }, office, 'item.unknown');
    s.refuse({ type: 'setItPlrCoordination', itemId: 'item-proposal', state: 'agreed' }, member('BW'), 'auth.forbidden');
  });
});

describe('R-AGD-5: Bund reports are noted without a vote', () => {
  it('R-AGD-5: noteReport → ReportNoted', () => {
    const s = openSessionWith(3);
    expect(s.run({ type: 'noteReport', itemId: 'item-report' }, chair)).toMatchObject([{ type: 'ReportNoted', itemId: 'item-report' }]);
    expect(s.state.agenda.find((i) => i.id === 'item-report')?.reportNoted).toBe(true);
    s.refuse({ type: 'noteReport', itemId: 'item-report' }, chair, 'item.alreadyNoted');
  });
  it('R-AGD-5: openVote on a report → item.reportNoVote', () => {
    openSessionWith(12).refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-report' } }, chair, 'item.reportNoVote', 'R-AGD-5');
  });
  it('R-AGD-5: noteReport on a proposal → item.notReport', () => {
    openSessionWith(3).refuse({ type: 'noteReport', itemId: 'item-proposal' }, chair, 'item.notReport');
  });
});
