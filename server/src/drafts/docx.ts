import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { paperKind, paperWords, type BracketPaper } from '@plenum/shared';

/**
 * A bracket paper as DOCX (the format the ministries work in), with the `docx` package: each open
 * bracket in bold square brackets, highlighted, numbered (K1, K2 …), with the holding Länder
 * named right after it; the list of open brackets with their alternatives follows the text.
 */
export async function bracketPaperDocx(p: BracketPaper): Promise<Buffer> {
  const w = paperWords(p);
  const body: Paragraph[] = [
    new Paragraph({ text: p.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: `${paperKind(p)} · ${p.label}`, bold: true })] }),
    new Paragraph({ text: `${w.lead}: ${p.leadLand}${p.coLands.length ? `; ${w.coLands}: ${p.coLands.join(', ')}` : ''}` }),
  ];
  for (const para of p.paragraphs) {
    const runs: TextRun[] = [new TextRun({ text: `${para.number}. ` })];
    for (const s of para.segments) {
      if (s.kind === 'text') { runs.push(new TextRun({ text: s.text })); continue; }
      const held = s.bracket.holders.map((h) => h.land).join(', ') || '–';
      runs.push(new TextRun({ text: `[${s.text}]`, bold: true, highlight: 'yellow' }));
      runs.push(new TextRun({ text: ` (K${p.numbers[s.bracket.id]}: ${held})`, italics: true, size: 18 }));
    }
    body.push(new Paragraph({ children: runs, alignment: AlignmentType.JUSTIFIED, spacing: { before: 120 } }));
  }
  if (p.brackets.length) {
    body.push(new Paragraph({ text: w.openBrackets, heading: HeadingLevel.HEADING_2 }));
    for (const b of p.brackets) {
      body.push(new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `K${b.number} (${w.paragraph} ${b.paragraph}): `, bold: true }),
          new TextRun({ text: `${w.quote(b.text)} – ${w.heldBy} ${b.holders.join(', ') || w.noLand}` }),
        ],
      }));
      for (const a of b.alternatives) body.push(new Paragraph({ bullet: { level: 1 }, text: `${w.alternative} ${a.land}: ${w.quote(a.text)}` }));
    }
  }
  const doc = new Document({
    creator: 'Plenum', title: p.title, description: paperKind(p),
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
