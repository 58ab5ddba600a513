import { mdInline } from '../resultsProtocol/markdownEscape.ts';
import { paperKind, type BracketPaper } from './paper.ts';

/**
 * A bracket paper as Markdown. Every piece of user text goes through mdInline, so a paragraph or
 * an alternative cannot forge a heading, list, link or raw HTML; brackets are our own "\[…\]".
 */
export function bracketPaperMarkdown(p: BracketPaper): string {
  const out: string[] = [
    `# ${mdInline(p.title)}`, '',
    `${paperKind(p)} · ${mdInline(p.label)} · Federführung: ${mdInline(p.leadLand)}${p.coLands.length ? ` · Mitantragsteller: ${p.coLands.map(mdInline).join(', ')}` : ''}`, '',
  ];
  for (const para of p.paragraphs) {
    const text = para.segments.map((s) => (s.kind === 'text' ? mdInline(s.text) : `**\\[${mdInline(s.text)}\\]** (K${p.numbers[s.bracket.id]})`)).join('');
    out.push(`${para.number}\\. ${text}`, '');
  }
  if (p.brackets.length) {
    out.push('## Offene Klammern', '');
    for (const b of p.brackets) {
      out.push(`- **K${b.number}** (Ziffer ${b.paragraph}): „${mdInline(b.text)}“ – gehalten von ${b.holders.length ? b.holders.map(mdInline).join(', ') : 'keinem Land'}`);
      for (const a of b.alternatives) out.push(`  - Alternative ${mdInline(a.land)}: „${mdInline(a.text)}“`);
    }
    out.push('');
  }
  return out.join('\n');
}
