import { describe, expect, it } from 'vitest';
import { buildResultsProtocol, publicationOf, renderProtocolMarkdown } from '../src/resultsProtocol/index.ts';
import { runDemoSession } from './resultsProtocolFixture.ts';

const record = runDemoSession();
const model = buildResultsProtocol(record.state, record.events);
const pub = publicationOf(model);
const top7 = (m: typeof model) => m.items.find((i) => i.id === 'top-7')!;

describe('R-PRT-3: a partly adopted item publishes its adopted paragraphs only', () => {
  it('R-VOT-6: the internal protocol keeps every paragraph with its own outcome (TOP 7: 1 adopted, 2 rejected, 3–7 not voted)', () => {
    expect(top7(model).outcome).toBe('partlyAdopted');
    expect(top7(model).paragraphs.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(top7(model).paragraphOutcomes.map((p) => p.outcome)).toEqual(['adopted', 'rejected', 'notVoted', 'notVoted', 'notVoted', 'notVoted', 'notVoted']);
  });

  it('R-PRT-3: the published TOP 7 holds paragraph 1 only; 2–7 are marked as not adopted, in the text and the votes', () => {
    const item = top7(pub);
    expect(item.paragraphs.map((p) => p.number)).toEqual(['1']);
    expect(item.notAdoptedParagraphs).toEqual(['2', '3', '4', '5', '6', '7']);
    const rejectedText = top7(model).paragraphs[1].text;
    expect(item.votes.find((v) => v.paragraph === '2')!.text).toBe('');
    const md = renderProtocolMarkdown(pub, 'de');
    expect(md).not.toContain(rejectedText.slice(0, 60));
    expect(md).toContain(top7(model).paragraphs[0].text.slice(0, 60));
    expect(md).toContain('Nicht angenommen und daher nicht veröffentlicht: Ziffer 2, 3, 4, 5, 6, 7');
  });

  it('R-PRT-3: an item adopted as a whole keeps every paragraph', () => {
    const top5 = pub.items.find((i) => i.id === 'top-5')!;
    expect(top5.outcome).toBe('adopted');
    expect(top5.paragraphs).toEqual(model.items.find((i) => i.id === 'top-5')!.paragraphs);
    expect(top5.notAdoptedParagraphs).toEqual([]);
  });
});

describe('R-PRT-3: no personal names in the published version by default', () => {
  const names = Object.values(record.state.participants).filter((p) => p.kind !== 'chair' && p.kind !== 'office').map((p) => p.name);

  it('R-PRT-3: the internal protocol names people; the published one names none of them, only the Länder and offices', () => {
    const internal = renderProtocolMarkdown(model, 'de');
    expect(names.some((n) => internal.includes(n))).toBe(true);
    const published = renderProtocolMarkdown(pub, 'de');
    expect(names.filter((n) => published.includes(n))).toEqual([]);
    expect(published).toContain('Mitglied');
    expect(published).toContain('Stellvertretung für diese Sitzung');
    expect(published).toContain('# Ergebnisprotokoll (veröffentlichte Fassung)');
  });

  it('R-PRT-3: a name the office marked as public is kept, the others stay withheld', () => {
    const deputy = model.deputies[0];
    const marked = publicationOf(model, { publicNames: [deputy.participantId] });
    expect(marked.deputies[0].name).toBe(deputy.name);
    const md = renderProtocolMarkdown(marked, 'de');
    expect(md).toContain(deputy.name);
    expect(names.filter((n) => n !== deputy.name && md.includes(n))).toEqual([]);
  });

  it('every time in the protocol says its time zone (Europe/Berlin)', () => {
    expect(renderProtocolMarkdown(pub, 'de')).toContain('Europe/Berlin');
    expect(renderProtocolMarkdown(model, 'en')).toContain('Europe/Berlin');
  });
});
