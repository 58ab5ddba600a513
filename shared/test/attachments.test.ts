import { describe, expect, it } from 'vitest';
import { buildResultsProtocol, publicationOf } from '../src/resultsProtocol/index.ts';
import { PROPOSAL, landCodes, office, scheduledSession, type Scenario } from './support/scenario.ts';

const ANLAGE_1 = { label: 'Anlage 1', title: 'Geschäftsordnung', text: 'Präambel\n\n1. Teilnehmerkreis', paragraphs: ['1'] };
const ANLAGE_2 = { label: 'Anlage 2', title: 'Übergangsregeln', text: 'Die alte Ordnung gilt fort.', paragraphs: ['2'] };
/** Items added before the opening (once open, an added item is short notice, R-AGD-2); then twelve Länder present. */
function openWith(add: (s: Scenario) => void): Scenario {
  const s = scheduledSession({ items: false });
  add(s);
  s.checkInLands(landCodes().slice(0, 12));
  return s.openSession();
}
const twelve = (choice: 'yes' | 'no') => Object.fromEntries(landCodes().slice(0, 12).map((l) => [l, choice]));

describe('R-PRT-3: attachments of an agenda item (the documents its resolution refers to)', () => {
  it('R-PRT-3: an attachment naming a paragraph the item does not have → attachment.paragraphUnknown; a label twice → attachment.labelTaken', () => {
    const s = scheduledSession({ items: false });
    s.refuse({ type: 'addAgendaItem', item: { ...PROPOSAL, attachments: [{ ...ANLAGE_1, paragraphs: ['9'] }] } }, office, 'attachment.paragraphUnknown', 'R-PRT-3');
    s.refuse({ type: 'addAgendaItem', item: { ...PROPOSAL, attachments: [ANLAGE_1, { ...ANLAGE_2, label: 'Anlage 1' }] } }, office, 'attachment.labelTaken', 'R-PRT-3');
    s.run({ type: 'addAgendaItem', item: { ...PROPOSAL, attachments: [ANLAGE_1] }, itemId: 'a' }, office);
    // Removing the paragraph an attachment refers to leaves it pointing nowhere: refused.
    s.refuse({ type: 'editAgendaItem', itemId: 'a', item: { paragraphs: [{ number: '2', text: 'Nur noch Ziffer 2.' }] } }, office, 'attachment.paragraphUnknown', 'R-PRT-3');
    expect(s.state.agenda[0].attachments).toEqual([{ ...ANLAGE_1, barredFromPublication: false }]);
  });

  it('R-VOT-5 / R-PRT-3: once the item is decided its attachments are what was decided (→ item.alreadyDecided); only their publication flag may change', () => {
    const s = openWith((x) => x.run({ type: 'addAgendaItem', item: { ...PROPOSAL, attachments: [ANLAGE_1] }, itemId: 'a' }, office));
    s.voteOn('a', twelve('yes'));
    const edit = (attachments: unknown) => ({ type: 'editAgendaItem', itemId: 'a', item: { attachments } });
    s.refuse(edit([{ ...ANLAGE_1, text: 'Eine andere Ordnung.' }]), office, 'item.alreadyDecided', 'R-VOT-5');
    s.refuse(edit([ANLAGE_1, ANLAGE_2]), office, 'item.alreadyDecided', 'R-VOT-5');
    s.run(edit([{ ...ANLAGE_1, barredFromPublication: true }]), office);
    // The protocol keeps the text as voted and the office's current marking.
    const model = buildResultsProtocol(s.state, s.events);
    expect(model.items.find((i) => i.id === 'a')!.attachments).toEqual([{ ...ANLAGE_1, barredFromPublication: true }]);
    expect(publicationOf(model).items.find((i) => i.id === 'a')!.attachments).toEqual([]);
  });

  it('R-PRT-3 / R-VOT-6: published with the resolution only where a referring paragraph was adopted; a rejected proposal publishes none', () => {
    const s = openWith((x) => {
      x.run({ type: 'addAgendaItem', item: { ...PROPOSAL, attachments: [ANLAGE_1, ANLAGE_2, { label: 'Anlage 3', title: 'Begründung', text: 'Warum.' }] }, itemId: 'a' }, office);
      x.run({ type: 'addAgendaItem', item: { ...PROPOSAL, number: '6', attachments: [{ label: 'Anlage 1', title: 'Kostenplan', text: '1 Mio.' }] }, itemId: 'b' }, office);
    });
    s.voteOn('a', twelve('yes'), { kind: 'resolution', itemId: 'a', paragraph: '1' });
    s.voteOn('a', twelve('no'), { kind: 'resolution', itemId: 'a', paragraph: '2' });
    s.voteOn('b', twelve('no'));
    const internal = buildResultsProtocol(s.state, s.events);
    expect(internal.items.find((i) => i.id === 'a')!.attachments.map((x) => x.label)).toEqual(['Anlage 1', 'Anlage 2', 'Anlage 3']);
    const published = publicationOf(internal);
    expect(published.items.find((i) => i.id === 'a')!.attachments.map((x) => x.label)).toEqual(['Anlage 1', 'Anlage 3']);
    expect(published.items.find((i) => i.id === 'b')!.attachments).toEqual([]);
  });
});
