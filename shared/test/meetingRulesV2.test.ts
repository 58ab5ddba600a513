import { describe, expect, it } from 'vitest';
import { guestView, isEntitledRepresentative, presentLands } from '../src/index.ts';
import { PROPOSAL, REPORT, Scenario, delegate, landCodes, member, office, openSessionWith, scheduledSession } from './support/scenario.ts';

const twelve = (choice: 'yes' | 'no') => Object.fromEntries(landCodes().slice(0, 12).map((l) => [l, choice]));

describe('R-AGD-1: the registering Land is rapporteur; one lead Land; the Bund only of its own report', () => {
  it('R-AGD-1: of several registering Länder the first is the lead Land unless another is named', () => {
    const s = scheduledSession({ items: false });
    s.run({ type: 'addAgendaItem', item: PROPOSAL, itemId: 'a' }, office);
    s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, leadLand: 'BE' }, itemId: 'b' }, office);
    expect(s.state.agenda.map((i) => [i.id, i.leadLand])).toEqual([['a', 'BB'], ['b', 'BE']]);
  });
  it('R-AGD-1: a lead Land that did not register → item.leadLandNotRapporteur', () => {
    scheduledSession({ items: false }).refuse({ type: 'addAgendaItem', item: { ...PROPOSAL, leadLand: 'HH' } }, office, 'item.leadLandNotRapporteur', 'R-AGD-1');
  });
  it('R-AGD-1: the Bund as rapporteur of a proposal, or jointly with Länder → item.bundRapporteur; of its own report it is accepted', () => {
    const s = scheduledSession({ items: false });
    s.refuse({ type: 'addAgendaItem', item: { ...PROPOSAL, rapporteurs: ['BUND'] } }, office, 'item.bundRapporteur', 'R-AGD-1');
    s.refuse({ type: 'addAgendaItem', item: { ...REPORT, rapporteurs: ['BUND', 'BE'] } }, office, 'item.bundRapporteur', 'R-AGD-1');
    s.run({ type: 'addAgendaItem', item: REPORT, itemId: 'bund' }, office);
    expect(s.state.agenda[0]).toMatchObject({ rapporteurs: ['BUND'], leadLand: null });
  });
  it('R-AGD-1: changing the rapporteurs keeps the lead Land while it is one of them, else the first takes over', () => {
    const s = scheduledSession({ items: false });
    s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, leadLand: 'BE' }, itemId: 'a' }, office);
    s.run({ type: 'editAgendaItem', itemId: 'a', item: { rapporteurs: ['BE', 'HH'] } }, office);
    expect(s.state.agenda[0].leadLand).toBe('BE');
    s.run({ type: 'editAgendaItem', itemId: 'a', item: { rapporteurs: ['SN', 'HH'] } }, office);
    expect(s.state.agenda[0].leadLand).toBe('SN');
  });
});

describe('R-AGD-5: both standing items stay on every regular session\'s agenda', () => {
  it('R-AGD-5: removing the Bund\'s report from a regular session → item.standingRequired; an ordinary item can be removed', () => {
    const s = scheduledSession();
    s.refuse({ type: 'removeAgendaItem', itemId: 'item-report' }, office, 'item.standingRequired', 'R-AGD-5');
    s.run({ type: 'removeAgendaItem', itemId: 'item-proposal' }, office);
    expect(s.state.agenda.map((i) => i.id)).toEqual(['item-report', 'item-bundesrat']);
  });
  it('R-AGD-5: an extraordinary session need not have them', () => {
    const x = new Scenario();
    x.run({ type: 'scheduleSession', title: 'Außerordentliche DMK', date: '2024-06-14', place: 'Video', kind: 'extraordinary', format: 'video' }, office);
    x.run({ type: 'addAgendaItem', item: REPORT, itemId: 'r' }, office);
    x.run({ type: 'removeAgendaItem', itemId: 'r' }, office);
    expect(x.state.agenda).toEqual([]);
  });
});

describe('R-MEM-3: one temporary deputy per Land and session; a new naming replaces the earlier', () => {
  it('R-MEM-3: the second naming for Thüringen replaces the first, who no longer represents Thüringen nor counts as present', () => {
    const s = openSessionWith(12);
    s.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Erste Vertretung', participantId: 't1' }, office);
    s.checkIn(['t1']);
    expect(presentLands(s.state)).toContain('TH');
    const events = s.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Zweite Vertretung', participantId: 't2' }, office);
    expect(events.map((e) => e.type)).toEqual(['ParticipantRegistered', 'TemporaryDeputyReplaced']);
    expect(s.state.participants.t1).toMatchObject({ replacedBy: 't2', presence: null });
    expect(isEntitledRepresentative(s.state, s.state.participants.t1, 'TH')).toBe(false);
    expect(isEntitledRepresentative(s.state, s.state.participants.t2, 'TH')).toBe(true);
    expect(presentLands(s.state)).not.toContain('TH');
    // The replaced deputy cannot vote for Thüringen any more; the new one can.
    s.checkIn(['t2']);
    const voteId = s.openVote({ kind: 'resolution', itemId: 'item-proposal', paragraph: null });
    expect(s.attempt({ type: 'castVote', voteId, land: 'TH', choice: 'yes' }, delegate('t1'))).toMatchObject({ ok: false });
    s.cast(voteId, 'TH', 'yes', delegate('t2'));
  });
  it('R-MEM-3: deputies of different Länder do not replace each other', () => {
    const s = openSessionWith(12);
    s.run({ type: 'nameTemporaryDeputy', land: 'HB', name: 'Vertretung HB', participantId: 't1' }, office);
    const events = s.run({ type: 'nameTemporaryDeputy', land: 'SL', name: 'Vertretung SL', participantId: 't2' }, office);
    expect(events.map((e) => e.type)).toEqual(['ParticipantRegistered']);
  });
});

describe('R-GST-1: a guest invited for single items follows those items', () => {
  it('R-GST-1: the guest for TOP 8 sees that item only, and no vote or declaration on another item', () => {
    const s = openSessionWith(12);
    s.run({ type: 'inviteGuest', name: 'Sachverständige', guestKind: 'itemGuest', itemIds: ['item-bundesrat'], participantId: 'g1' }, office);
    s.voteOn('item-proposal', twelve('yes'));
    s.run({ type: 'addDeclaration', itemId: 'item-proposal', text: 'Erklärung zu TOP 5' }, member('BY'));
    const view = guestView(s.state, 'g1');
    expect(view.agenda.map((i) => i.id)).toEqual(['item-bundesrat']);
    expect(Object.values(view.votes)).toEqual([]);
    expect(view.declarations).toEqual([]);
    // Anyone else, and a guest for the whole session, sees everything.
    s.run({ type: 'inviteGuest', name: 'Bund', guestKind: 'federalMinister', participantId: 'g2' }, office);
    expect(guestView(s.state, 'g2')).toBe(s.state);
    expect(guestView(s.state, 'm-BY')).toBe(s.state);
  });
});
