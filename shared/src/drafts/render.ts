import type { BracketSnapshot, VersionSnapshot } from './schema.ts';

/**
 * A paragraph as a run of plain text and bracketed passages, for every view of a bracket paper:
 * the editor, the exports (DOCX, PDF, Markdown) and the agenda text (R-AGR-3).
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'bracket'; text: string; bracket: BracketSnapshot };
export interface RenderedParagraph { id: string; number: number; segments: Segment[] }

export function renderParagraphs(v: Pick<VersionSnapshot, 'paragraphs' | 'openBrackets'>): RenderedParagraph[] {
  return v.paragraphs.map((p, i) => {
    const brackets = v.openBrackets.filter((b) => b.paragraphId === p.id)
      .map((b) => ({ b, start: b.span?.start ?? 0, end: b.span?.end ?? p.text.length }))
      .sort((x, y) => x.start - y.start);
    const segments: Segment[] = [];
    let at = 0;
    for (const { b, start, end } of brackets) {
      if (start < at) continue; // overlapping brackets are refused by the decider; never render one twice
      if (start > at) segments.push({ kind: 'text', text: p.text.slice(at, start) });
      segments.push({ kind: 'bracket', text: p.text.slice(start, end), bracket: b });
      at = end;
    }
    if (at < p.text.length || segments.length === 0) segments.push({ kind: 'text', text: p.text.slice(at) });
    return { id: p.id, number: i + 1, segments };
  });
}

/** A bracket's number: the order in which it was set (b3 → 3), so K3 stays K3 in every view and version. */
export const bracketNumber = (bracketId: string): number => Number(/^b(\d+)$/.exec(bracketId)?.[1] ?? 0);

/** "BY, HE" — the Länder holding a bracket. */
export const holdersOf = (b: BracketSnapshot): string => b.holders.map((h) => h.land).join(', ');

/** A bracket in running text: [passage] (held by …; alternative of …: "…"). German, as the conference reads it. */
export function bracketNote(b: BracketSnapshot): string {
  const held = b.holders.length ? `Klammer gehalten von ${holdersOf(b)}` : 'Klammer offen, von keinem Land gehalten';
  const alternatives = b.alternatives.map((a) => `Alternative ${a.land}: „${a.text}“`);
  return [held, ...alternatives].join('; ');
}

/** R-AGR-3: the paragraphs as an agenda item's text, open brackets shown as such. */
export function agendaParagraphs(v: Pick<VersionSnapshot, 'paragraphs' | 'openBrackets'>): { number: string; text: string }[] {
  return renderParagraphs(v).map((p) => ({
    number: String(p.number),
    text: p.segments.map((s) => (s.kind === 'text' ? s.text : `[${s.text}] (${bracketNote(s.bracket)})`)).join(''),
  }));
}

/** Plain text of a version with brackets marked, one numbered paragraph a line (for comparison and import round trips). */
export const versionText = (v: Pick<VersionSnapshot, 'paragraphs' | 'openBrackets'>): string =>
  renderParagraphs(v).map((p) => `${p.number}. ${p.segments.map((s) => (s.kind === 'text' ? s.text : `[${s.text}]`)).join('')}`).join('\n');
