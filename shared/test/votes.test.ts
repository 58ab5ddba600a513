import { describe, expect, it } from 'vitest';
import { DMK_PROFILE, explanationText, quorumStatus, liveTally } from '../src/index.ts';
import { PROPOSAL, chair, delegate, deputy, landCodes, member, office, openSessionWith, scheduledSession } from './support/scenario.ts';
import { given } from './support/gwt.ts';

const LANDS = landCodes();
const yesFrom = (lands: string[], choice: 'yes' | 'no' | 'abstain' = 'yes') => Object.fromEntries(lands.map((l) => [l, choice]));

describe('R-VOT-1: consensus first', () => {
  it('R-VOT-1: 14 present, 12 yes, 2 abstain, no "no" → adopted by consensus', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 12)), ...yesFrom(LANDS.slice(12, 14), 'abstain') });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'consensus', rule: 'R-VOT-1', base: 14, yes: 12, abstain: 2 });
  });
  it('R-VOT-1: a single "no" ends consensus; the qualified rule decides', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 13)), [LANDS[13]]: 'no' });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'qualified', rule: 'R-VOT-2', needed: 9, yes: 13, no: 1 });
  });
  it('R-VOT-1: 14 present, 1 yes, 13 silent → no consensus; R-VOT-2 decides → rejected', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', yesFrom(LANDS.slice(0, 1)));
    expect(explanation).toMatchObject({ outcome: 'rejected', method: 'qualified', rule: 'R-VOT-2', base: 14, needed: 9, yes: 1, notVoted: 13 });
  });
  it('R-VOT-1: with silenceBlocksConsensus off, 1 yes and 13 silent is consensus (the old reading)', () => {
    const profile = { ...DMK_PROFILE, interpretations: { ...DMK_PROFILE.interpretations, silenceBlocksConsensus: false } };
    const s = openSessionWith(14, { profile });
    const { explanation } = s.voteOn('item-proposal', yesFrom(LANDS.slice(0, 1)));
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'consensus', rule: 'R-VOT-1', yes: 1, notVoted: 13 });
  });
  it('R-VOT-1: all abstain → no consensus (consensusRequiresYes) and rejected', () => {
    const s = openSessionWith(11);
    const { explanation } = s.voteOn('item-proposal', yesFrom(LANDS.slice(0, 11), 'abstain'));
    expect(explanation).toMatchObject({ outcome: 'rejected', method: 'qualified' });
  });
});

describe('R-VOT-2: two thirds of the Länder present, half up', () => {
  it('R-VOT-2: 14 present, 9 yes → adopted', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 9)), ...yesFrom(LANDS.slice(9, 14), 'no') });
    expect(explanation).toMatchObject({ outcome: 'adopted', method: 'qualified', base: 14, needed: 9, yes: 9, no: 5 });
    expect(explanationText(explanation, 'de')).toBe('R-VOT-2: Basis 14, erforderlich 9, Ja 9, Nein 5, Enthaltung 0 → angenommen (Zweidrittelmehrheit)');
  });
  it('R-VOT-2: 14 present, 8 yes → rejected', () => {
    const s = openSessionWith(14);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 8)), ...yesFrom(LANDS.slice(8, 10), 'no') });
    expect(explanation).toMatchObject({ outcome: 'rejected', base: 14, needed: 9, yes: 8, no: 2, notVoted: 4 });
  });
  it('R-VOT-2: 16 present, 10 yes and 6 abstentions → rejected: abstentions count against', () => {
    const s = openSessionWith(16);
    const { explanation } = s.voteOn('item-proposal', { ...yesFrom(LANDS.slice(0, 10)), [LANDS[10]]: 'no', ...yesFrom(LANDS.slice(11), 'abstain') });
    expect(explanation).toMatchObject({ outcome: 'rejected', base: 16, needed: 11, yes: 10 });
  });
});

describe('R-VOT-3: quorum', () => {
  it('R-VOT-3: 10 Länder present → openVote refused quorum.notReached with present/required', () => {
    const s = openSessionWith(10);
    const r = s.refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal' } }, chair, 'quorum.notReached', 'R-VOT-3');
    expect(r.details).toEqual({ present: 10, required: 11 });
  });
  it('R-VOT-3: member and deputy of one Land count once', () => {
    const s = openSessionWith(10);
    s.checkIn([deputy('BW')]);
    expect(quorumStatus(s.state, s.profile)).toEqual({ present: 10, required: 11, met: false });
  });
  it('R-VOT-3: quorum lost before the close → notDecided, method none', () => {
    const s = openSessionWith(11);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    for (const l of LANDS.slice(0, 11)) s.cast(voteId, l, 'yes');
    s.run({ type: 'checkOut' }, member(LANDS[0]));
    const { explanation } = s.closeVote(voteId);
    expect(explanation).toMatchObject({ outcome: 'notDecided', method: 'none', rule: 'R-VOT-3', quorum: { present: 10, required: 11, met: false } });
    expect(liveTally(s.state.votes[voteId])).toMatchObject({ yes: 11, base: 11 });
  });
});

describe('given/when/then', () => {
  it('R-VOT-5: only one open vote at a time', () => {
    const s = openSessionWith(12);
    s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    given(s.events).when({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair).then('vote.alreadyOpen');
  });
  it('schedule: session scheduled by the office', () => {
    given([]).when({ type: 'scheduleSession', title: 'x', date: '2025-05-01', place: 'Mainz', kind: 'regular', format: 'room' }, { role: 'office', participantId: null })
      .then([{ type: 'SessionScheduled', chairLands: ['RP'], chairPeriod: 2025, chairDeviation: null }]);
    expect(scheduledSession().state.agenda).toHaveLength(3);
  });
});

describe('R-VOT-4: protocol declarations by members and permanent deputies', () => {
  it('R-VOT-4: a member adds a protocol declaration to a proposal', () => {
    const s = openSessionWith(3);
    given(s.events).when({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Bayern gibt folgende Protokollerklärung ab.' }, member('BY'))
      .then([{ type: 'DeclarationAdded', itemId: 'item-proposal', land: 'BY', participantId: 'm-BY' }]);
  });
  it('R-VOT-4: a temporary deputy may not → declaration.temporaryDeputy', () => {
    const s = openSessionWith(3);
    s.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Vertretung', participantId: 't-TH' }, office);
    s.refuse({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Erklärung' }, delegate('t-TH'), 'declaration.temporaryDeputy', 'R-VOT-4');
  });
  it('R-VOT-4: a declaration to a report → item.reportNoVote; a permanent deputy may declare', () => {
    const s = openSessionWith(3);
    s.refuse({ type: 'addDeclaration', itemId: 'item-report', text: 'Erklärung' }, member('BY'), 'item.reportNoVote');
    s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Erklärung' }, deputy('HE'));
    expect(s.state.declarations).toMatchObject([{ land: 'HE', participantId: 'd-HE', text: 'Erklärung' }]);
  });
});

describe('R-VOT-5: frozen at open', () => {
  it('R-VOT-5: text, rule and electorate are frozen into VoteOpened', () => {
    const s = openSessionWith(12);
    const [opened] = s.run({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal', paragraph: null } }, chair);
    expect(opened).toMatchObject({ type: 'VoteOpened', decisionRule: 'consensusOrQualified', quorumAtOpen: { present: 12, required: 11 } });
    if (opened.type !== 'VoteOpened') throw new Error();
    expect(opened.text).toContain('Die DMK nimmt den Bericht zur Kenntnis.');
    expect(opened.text).toContain('Die DMK bittet die Länder um Mitwirkung.');
    expect(Object.keys(opened.electorate)).toEqual(LANDS.slice(0, 12));
    expect(opened.electorate.BW).toEqual({ castBy: 'BW', transferId: null });
  });
  it('R-VOT-5: a Land arriving after the opening is not in the electorate → vote.notInElectorate; the base stays', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.checkIn([member('TH')]);
    s.refuse({ type: 'castVote', voteId, land: 'TH', choice: 'yes' }, member('TH'), 'vote.notInElectorate');
    for (const l of LANDS.slice(0, 8)) s.cast(voteId, l, 'yes');
    // 8 yes, 4 silent: no consensus (silenceBlocksConsensus); 8 of a base of 12 meets R-VOT-2.
    expect(s.closeVote(voteId).explanation).toMatchObject({ base: 12, needed: 8, outcome: 'adopted', method: 'qualified' });
  });
  it('R-VOT-5: editing or removing an item with an open vote → item.voteOpen', () => {
    const s = openSessionWith(12);
    s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.refuse({ type: 'editAgendaItem', itemId: 'item-proposal', item: { title: 'Anders' } }, office, 'item.voteOpen', 'R-VOT-5');
    s.refuse({ type: 'removeAgendaItem', itemId: 'item-proposal' }, office, 'item.voteOpen', 'R-VOT-5');
    s.run({ type: 'editAgendaItem', itemId: 'item-bundesrat', item: { title: 'Anders' } }, office);
  });
  it('R-VOT-5 / R-PRT-1: after a closed vote the title, paragraphs and kind are fixed → item.alreadyDecided; flags may still change', () => {
    const s = openSessionWith(12);
    s.voteOn('item-proposal', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'yes'])));
    const edit = (item: Record<string, unknown>) => ({ type: 'editAgendaItem', itemId: 'item-proposal', item });
    s.refuse(edit({ title: 'Anders' }), office, 'item.alreadyDecided', 'R-VOT-5');
    s.refuse(edit({ paragraphs: [{ number: '1', text: 'Ein anderer Beschluss.' }] }), office, 'item.alreadyDecided', 'R-VOT-5');
    s.refuse(edit({ kind: 'report' }), office, 'item.alreadyDecided', 'R-VOT-5');
    // The office form resends the whole item: unchanged text with a changed flag is accepted.
    const { id: _id, shortNotice: _s, admitted: _a, bundesratCleared: _b, reportNoted: _r, voteIds: _v, ...current } = s.state.agenda.find((i) => i.id === 'item-proposal')!;
    s.run(edit({ ...current, barredFromPublication: true }), office);
    s.run(edit({ itPlr: 'pending' }), office);
    expect(s.state.agenda.find((i) => i.id === 'item-proposal')).toMatchObject({ title: PROPOSAL.title, paragraphs: PROPOSAL.paragraphs, barredFromPublication: true, itPlr: 'pending' });
  });
  it('R-VOT-5: after a closed Bundesrat procedural vote the proposal text may still be corrected before the substantive vote', () => {
    const s = openSessionWith(12);
    s.voteOn('item-bundesrat', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'yes'])), { kind: 'bundesratProcedure', itemId: 'item-bundesrat' });
    s.run({ type: 'editAgendaItem', itemId: 'item-bundesrat', item: { title: 'Korrigierter Titel' } }, office);
    expect(s.state.agenda.find((i) => i.id === 'item-bundesrat')?.title).toBe('Korrigierter Titel');
  });
  it('R-VOT-5: only one open vote at a time → vote.alreadyOpen', () => {
    const s = openSessionWith(12);
    s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.refuse({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair, 'vote.alreadyOpen');
  });
  it('R-VOT-5: a cancelled round is no decision: VoteCancelled, no VoteClosed, casting afterwards → vote.closed', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal' });
    s.cast(voteId, 'BW', 'yes');
    expect(s.run({ type: 'cancelVote', voteId }, chair)).toMatchObject([{ type: 'VoteCancelled', voteId }]);
    expect(s.state.votes[voteId]).toMatchObject({ status: 'cancelled', explanation: null });
    expect(s.state.openVoteId).toBeNull();
    expect(s.state.agenda.find((i) => i.id === 'item-proposal')?.voteIds).toEqual([]);
    s.refuse({ type: 'castVote', voteId, land: 'BW', choice: 'no' }, member('BW'), 'vote.closed');
  });
  it('R-VOT-5: casting after the close → vote.closed; closing twice → vote.closed; unknown vote → vote.unknown', () => {
    const s = openSessionWith(12);
    const { voteId } = s.voteOn('item-proposal', { BW: 'yes' });
    s.refuse({ type: 'castVote', voteId, land: 'BY', choice: 'yes' }, member('BY'), 'vote.closed');
    s.refuse({ type: 'closeVote', voteId }, chair, 'vote.closed');
    s.refuse({ type: 'closeVote', voteId: 'nope' }, chair, 'vote.unknown');
    expect(s.state.agenda.find((i) => i.id === 'item-proposal')?.voteIds).toEqual([voteId]);
  });
  it('R-VOT-5 / R-PRT-1: VoteClosed carries every Land\'s final choice, null for no answer', () => {
    const s = openSessionWith(12);
    const { choices } = s.voteOn('item-proposal', { BW: 'yes', BY: 'no' });
    expect(Object.keys(choices)).toHaveLength(12);
    expect(choices).toMatchObject({ BW: 'yes', BY: 'no', BE: null });
  });
});

describe('R-VOT-5: frozen texts name the item once', () => {
  it('R-VOT-5: the frozen text starts with the item number once ("TOP 7 …", never "TOP TOP 7")', () => {
    const s = openSessionWith(12);
    s.run({ type: 'addAgendaItem', itemId: 'top-7', item: { ...PROPOSAL, number: 'TOP 7' } }, office);
    s.run({ type: 'addAgendaItem', itemId: 'top-8', item: { ...PROPOSAL, number: 'TOP 8', bundesrat: true } }, office);
    const lands = Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'yes' as const]));
    // Added while open: short notice (R-AGD-2); Bundesrat item: procedural decision first (R-AGD-3).
    const admit = s.voteOn('top-7', lands, { kind: 'admitShortNotice', itemId: 'top-7' });
    const procedure = s.voteOn('top-8', lands, { kind: 'bundesratProcedure', itemId: 'top-8' });
    const resolution = s.openVote({ kind: 'resolution', itemId: 'top-7', paragraph: null });
    const texts = [admit.voteId, procedure.voteId, resolution].map((id) => s.state.votes[id].text);
    expect(texts[0]).toBe(`Zulassung des kurzfristig angemeldeten TOP 7 ${PROPOSAL.title}`);
    expect(texts[1]).toBe(`Verfahrensbeschluss zur Sachentscheidung über TOP 8 ${PROPOSAL.title} (Bundesratsverfahren)`);
    expect(texts[2].startsWith(`TOP 7 ${PROPOSAL.title}\n1. `)).toBe(true);
    for (const t of texts) expect(t).not.toContain('TOP TOP');
  });
});

describe('R-VOT-6: whole or paragraph by paragraph', () => {
  it('R-VOT-6: a vote on paragraph 2 freezes only that paragraph\'s text', () => {
    const s = openSessionWith(12);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal', paragraph: '2' });
    expect(s.state.votes[voteId].text).toContain('Mitwirkung');
    expect(s.state.votes[voteId].text).not.toContain('nimmt den Bericht');
    expect(s.state.votes[voteId].motion).toMatchObject({ paragraph: '2' });
  });
  it('R-VOT-6: a paragraph that does not exist → paragraph.unknown', () => {
    openSessionWith(12).refuse({ type: 'openVote', motion: { kind: 'resolution', itemId: 'item-proposal', paragraph: '7' } }, chair, 'paragraph.unknown', 'R-VOT-6');
  });
  it('R-VOT-6: paragraphs are decided one after another, each with its own outcome', () => {
    const s = openSessionWith(12);
    const p1 = s.voteOn('item-proposal', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'yes'])), { kind: 'resolution', itemId: 'item-proposal', paragraph: '1' });
    const p2 = s.voteOn('item-proposal', Object.fromEntries(LANDS.slice(0, 12).map((l) => [l, 'no'])), { kind: 'resolution', itemId: 'item-proposal', paragraph: '2' });
    expect([p1.explanation.outcome, p2.explanation.outcome]).toEqual(['adopted', 'rejected']);
    expect(s.state.agenda.find((i) => i.id === 'item-proposal')?.voteIds).toEqual([p1.voteId, p2.voteId]);
  });
});

describe('command parsing', () => {
  it('an unknown command type → command.unknown', () => {
    given([]).when({ type: 'launchRocket' }, office).then('command.unknown');
    given([]).when(null, office).then('command.unknown');
  });
  it('a known command with a bad field → command.invalid with the path', () => {
    const r = given([]).when({ type: 'castVote', voteId: 'v', land: 'bw', choice: 'yes' }, office).then('command.invalid');
    expect(!r.ok && r.details).toMatchObject({ path: 'land' });
  });
  it('an unknown extra field → command.invalid (strict objects)', () => {
    given([]).when({ type: 'openSession', force: true }, chair).then('command.invalid');
  });
});
