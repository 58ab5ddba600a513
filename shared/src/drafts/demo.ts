import type { Actor } from '../context.ts';
import { DEMO_PARAGRAPHS } from '../demoParagraphs.ts';
import { demoParticipantId } from '../demo.ts';
import type { DraftCommand } from './schema.ts';

/**
 * The demo's bracket paper: TOP 7 "Digitale Teilhabe" (lead Land SH) as it stood in the
 * Arbeitsgremium, with two open brackets (BY and NW on the "digital only" timing in paragraph 3,
 * HE alone on paragraph 5's second sentence). The server seeds it through the draft stream; tests
 * fold the same steps.
 */
export const DEMO_DRAFT_ID = 'draft-top-7';
const paragraph = (n: number) => DEMO_PARAGRAPHS['7']![n - 1]!.text;
const spanOf = (n: number, passage: string) => {
  const start = paragraph(n).indexOf(passage);
  if (start < 0) throw new Error(`demo draft: "${passage}" not in paragraph ${n}`);
  return { start, end: start + passage.length };
};
const land = (code: string): Actor => ({ role: 'delegate', participantId: demoParticipantId.member(code) });
const office: Actor = { role: 'office', participantId: demoParticipantId.office };

export function demoDraftSteps(): { actor: Actor; command: DraftCommand }[] {
  return [
    { actor: land('SH'), command: { type: 'createDraft', title: 'Digitale Teilhabe', paragraphs: DEMO_PARAGRAPHS['7']!.map((p) => p.text) } },
    { actor: land('HH'), command: { type: 'joinDraft' } },
    { actor: land('SH'), command: { type: 'cutVersion', note: 'Entwurf des federführenden Landes' } },
    { actor: land('BY'), command: { type: 'bracketPassage', paragraphId: 'p3', span: spanOf(3, 'zeitnah erfolgen wird'), alternative: 'schrittweise angestrebt wird' } },
    { actor: land('NW'), command: { type: 'joinBracket', bracketId: 'b1', alternativeId: 'a1' } },
    { actor: land('HE'), command: { type: 'bracketPassage', paragraphId: 'p5', span: spanOf(5, 'Sie sehen dies als gesamtgesellschaftliche Aufgabe an.'), alternative: 'Sie sehen dies als gemeinsame Aufgabe von Bund, Ländern und Kommunen an.' } },
    { actor: office, command: { type: 'cutVersion', note: 'Stand nach der Sitzung des Arbeitsgremiums' } },
  ];
}
