import { paperKind, type BracketPaper } from '@plenum/shared';
import { renderPdfDocument } from '../protocol-pdf/index.ts';
import { hardWrap as w } from '../protocol-pdf/document.ts';

/** A bracket paper as PDF through the protocol's pdfmake pipeline (A4, Roboto); user text hard-wrapped so long words set in bounded time. */
export function bracketPaperPdf(p: BracketPaper): Promise<Buffer> {
  const content: Record<string, unknown>[] = [
    { text: paperKind(p), style: 'kicker' },
    { text: w(p.title), style: 'title' },
    { text: `${p.label} · Federführung: ${p.leadLand}${p.coLands.length ? `; Mitantragsteller: ${p.coLands.join(', ')}` : ''}`, margin: [0, 0, 0, 8] },
  ];
  for (const para of p.paragraphs) {
    content.push({
      margin: [0, 4, 0, 4], alignment: 'justify',
      text: [`${para.number}. `, ...para.segments.flatMap((s): (string | Record<string, unknown>)[] => (s.kind === 'text' ? [w(s.text)] : [
        { text: `[${w(s.text)}]`, bold: true, background: '#fff3b0' },
        { text: ` (K${p.numbers[s.bracket.id]}: ${s.bracket.holders.map((h) => h.land).join(', ') || '–'})`, italics: true, fontSize: 8 },
      ]))],
    });
  }
  if (p.brackets.length) {
    content.push({ text: 'Offene Klammern', style: 'h2' });
    content.push({
      table: {
        headerRows: 1, widths: [28, 36, '*', 110],
        body: [
          ['Nr.', 'Ziffer', 'Text und Alternativen', 'gehalten von'].map((text) => ({ text, bold: true })),
          ...p.brackets.map((b) => [`K${b.number}`, String(b.paragraph), [`„${w(b.text)}“`, ...b.alternatives.map((a) => `Alternative ${a.land}: „${w(a.text)}“`)].join('\n'), b.holders.join(', ') || '–']),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 9,
    });
  }
  return renderPdfDocument({
    pageSize: 'A4', pageMargins: [56, 56, 56, 56], info: { title: p.title }, content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: { kicker: { fontSize: 9, color: '#555555' }, title: { fontSize: 16, bold: true, margin: [0, 2, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] } },
  });
}
