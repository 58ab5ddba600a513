import { paperKind, paperWords, type BracketPaper } from '@plenum/shared';
import { hardWrap as w } from '../protocol-pdf/document.ts';
import { renderPdfDocument } from '../protocol-pdf/renderProtocolPdf.ts';

/**
 * A bracket paper as a pdfmake document (A4, Roboto), in the paper's language; user text
 * hard-wrapped so long words set in bounded time. The server renders it in the PDF worker with a
 * time limit (ProtocolPdfRenderer.renderPaper), like the protocol.
 */
export function bracketPaperDocument(p: BracketPaper): Record<string, unknown> {
  const words = paperWords(p);
  const content: Record<string, unknown>[] = [
    { text: paperKind(p), style: 'kicker' },
    { text: w(p.title), style: 'title' },
    { text: `${p.label} · ${words.lead}: ${p.leadLand}${p.coLands.length ? `; ${words.coLands}: ${p.coLands.join(', ')}` : ''}`, margin: [0, 0, 0, 8] },
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
    content.push({ text: words.openBrackets, style: 'h2' });
    content.push({
      table: {
        headerRows: 1, widths: [28, 36, '*', 110],
        body: [
          [words.number, words.paragraph, words.textAndAlternatives, words.heldBy].map((text) => ({ text, bold: true })),
          ...p.brackets.map((b) => [
            `K${b.number}`, String(b.paragraph),
            [words.quote(w(b.text)), ...b.alternatives.map((a) => `${words.alternative} ${a.land}: ${words.quote(w(a.text))}`)].join('\n'),
            b.holders.join(', ') || '–',
          ]),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 9,
    });
  }
  return {
    pageSize: 'A4', pageMargins: [56, 56, 56, 56], info: { title: p.title }, language: p.lang, content,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: { kicker: { fontSize: 9, color: '#555555' }, title: { fontSize: 16, bold: true, margin: [0, 2, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] } },
  };
}

/** The paper as PDF bytes on this thread (tests, tools); the server uses the worker. */
export function bracketPaperPdf(p: BracketPaper): Promise<Buffer> {
  return renderPdfDocument(bracketPaperDocument(p));
}
