import { mdInline } from '../resultsProtocol/markdownEscape.ts';
import { paperKind, paperWords, type BracketPaper } from './paper.ts';

/**
 * A bracket paper as Markdown. Every piece of user text goes through mdInline, so a paragraph or
 * an alternative cannot forge a heading, list, link or raw HTML; brackets are our own "\[…\]".
 */
export function bracketPaperMarkdown(p: BracketPaper): string {
  const w = paperWords(p);
  const out: string[] = [
    `# ${mdInline(p.title)}`, '',
    `${paperKind(p)} · ${mdInline(p.label)} · ${w.lead}: ${mdInline(p.leadLand)}${p.coLands.length ? ` · ${w.coLands}: ${p.coLands.map(mdInline).join(', ')}` : ''}`, '',
  ];
  for (const para of p.paragraphs) {
    const text = para.segments.map((s) => (s.kind === 'text' ? mdInline(s.text) : `**\\[${mdInline(s.text)}\\]** (K${p.numbers[s.bracket.id]})`)).join('');
    out.push(`${para.number}\\. ${text}`, '');
  }
  if (p.brackets.length) {
    out.push(`## ${w.openBrackets}`, '');
    for (const b of p.brackets) {
      out.push(`- **K${b.number}** (${w.paragraph} ${b.paragraph}): ${w.quote(mdInline(b.text))} – ${w.heldBy} ${b.holders.length ? b.holders.map(mdInline).join(', ') : w.noLand}`);
      for (const a of b.alternatives) out.push(`  - ${w.alternative} ${mdInline(a.land)}: ${w.quote(mdInline(a.text))}`);
    }
    out.push('');
  }
  return out.join('\n');
}
