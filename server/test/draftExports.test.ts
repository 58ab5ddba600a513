import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { Document, Packer, Paragraph } from 'docx';
import {
  DMK_PROFILE, bracketPaperMarkdown, bracketPaperOf, decideDraft, demoDraftSteps, evolveDraft, initialDraftState, type DraftState,
} from '@plenum/shared';
import { bracketPaperDocx, bracketPaperPdf, paragraphsFromDocx, paragraphsFromText } from '../src/drafts/index.ts';
import { PdfUnavailable, ProtocolPdfRenderer } from '../src/protocol-pdf/pdf-renderer.ts';

const roster = DMK_PROFILE.lands.map((l) => ({ participantId: `p-${l.code}-member`, land: l.code }));
function demoDraft(): DraftState {
  let s = initialDraftState();
  demoDraftSteps().forEach(({ actor, command }, i) => {
    const r = decideDraft(s, command, { now: `2024-03-2${i}T10:00:00.000Z`, actor, newId: () => 'draft-top-7', profile: DMK_PROFILE, roster });
    if (!r.ok) throw new Error(`${command.type}: ${r.code}`);
    s = r.events.reduce(evolveDraft, s);
  });
  return s;
}

const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
const xmlText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('bracket paper exports (R-AGR-2, R-AGR-3)', () => {
  const state = demoDraft();
  const paper = bracketPaperOf(state, 2)!;

  it('R-AGR-2: the demo paper (TOP 7) has two open brackets with their holders', () => {
    expect(paper.label).toBe('Fassung v2');
    expect(paper.brackets.map((b) => [b.number, b.paragraph, b.holders])).toEqual([[1, 3, ['Bayern', 'Nordrhein-Westfalen']], [2, 5, ['Hessen']]]);
    expect(bracketPaperOf(state, 1)!.agreed).toBe(true);
    expect(bracketPaperOf(state, 3)).toBeNull();
  });

  it('R-AGR-2: DOCX — the document XML holds the text, brackets marked and the holding Länder named; mammoth reads it too', async () => {
    const docx = await bracketPaperDocx(paper);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(docx);
    const text = xmlText(xml);
    expect(text).toContain('Digitale Teilhabe');
    expect(text).toContain('Klammerpapier · Fassung v2');
    expect(text).toContain('[zeitnah erfolgen wird] (K1: BY, NW)');
    expect(text).toContain('[Sie sehen dies als gesamtgesellschaftliche Aufgabe an.] (K2: HE)');
    expect(text).toContain('„zeitnah erfolgen wird“ – gehalten von Bayern, Nordrhein-Westfalen');
    expect(text).toContain('Alternative Hessen: „Sie sehen dies als gemeinsame Aufgabe von Bund, Ländern und Kommunen an.“');
    // The bracketed run is bold and highlighted.
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:highlight w:val="yellow"\/>(?:<w:highlightCs w:val="yellow"\/>)?<\/w:rPr><w:t xml:space="preserve">\[zeitnah erfolgen wird\]<\/w:t>/);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toContain('3. Die Digitalministerinnen und -minister sind sich einig');
    // Round trip: the import reads the exported paper back as the same seven paragraphs (brackets as text).
    const imported = await paragraphsFromDocx(docx);
    expect(imported).toHaveLength(7);
    expect(imported![0]).toBe(state.versions[1]!.paragraphs[0]!.text);
  });

  it('R-AGR-2: Markdown escapes user text, so a paragraph cannot forge a heading or HTML', () => {
    const md = bracketPaperMarkdown(paper);
    expect(md).toContain('**\\[zeitnah erfolgen wird\\]** (K1)');
    expect(md).toContain('- **K2** (Ziffer 5): „Sie sehen dies als gesamtgesellschaftliche Aufgabe an.“ – gehalten von Hessen');
    let hostile = initialDraftState();
    const r = decideDraft(hostile, { type: 'createDraft', title: '# Titel <script>', paragraphs: ['<img src=x onerror=alert(1)> [Link](http://x)', 'a\n# forged'] },
      { now: '2024-03-01T10:00:00Z', actor: { role: 'delegate', participantId: 'p-SH-member' }, newId: () => 'd', profile: DMK_PROFILE, roster });
    if (!r.ok) throw new Error(r.code);
    hostile = r.events.reduce(evolveDraft, hostile);
    const out = bracketPaperMarkdown(bracketPaperOf(hostile)!);
    expect(out).not.toMatch(/(^|[^\\])<(img|script)/);
    expect(out).toContain('\\<img src=x onerror=alert(1)\\> \\[Link\\](http://x)');
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# # Titel \\<script\\>']);
  });

  it('R-AGR-3: PDF through the pdfmake pipeline, brackets and holders in its text', async () => {
    const pdf = await bracketPaperPdf(paper);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'plenum-draft-'));
    writeFileSync(join(dir, 'paper.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'paper.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Klammerpapier');
    expect(text).toContain('[zeitnah erfolgen wird] (K1: BY, NW)');
    expect(text).toContain('Offene Klammern');
    expect(text).toContain('Alternative Hessen: „Sie sehen dies als gemeinsame Aufgabe von Bund, Ländern und Kommunen an.“ Hessen');
  });

  it('R-AGR-2: English exports: labels and Land names in English, the draft text as written; German stays the default', async () => {
    const en = bracketPaperOf(state, 2, DMK_PROFILE, 'en')!;
    expect(en.label).toBe('Version v2');
    const md = bracketPaperMarkdown(en);
    expect(md).toContain('Bracket paper · Version v2 · Lead: ');
    expect(md).toContain('## Open brackets');
    expect(md).toContain('- **K1** (paragraph 3): “zeitnah erfolgen wird” – held by Bavaria, North Rhine-Westphalia');
    expect(md).not.toMatch(/Klammerpapier|Offene Klammern|gehalten von|Federführung/);
    const docxText = xmlText(await documentXml(await bracketPaperDocx(en)));
    expect(docxText).toContain('Bracket paper · Version v2');
    expect(docxText).toContain('“zeitnah erfolgen wird” – held by Bavaria, North Rhine-Westphalia');
    expect(docxText).toContain('Alternative Hesse: “Sie sehen dies als gemeinsame Aufgabe von Bund, Ländern und Kommunen an.”');
    const dir = mkdtempSync(join(tmpdir(), 'plenum-draft-'));
    writeFileSync(join(dir, 'paper-en.pdf'), await bracketPaperPdf(en));
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'paper-en.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Bracket paper');
    expect(pdfText).toContain('Open brackets');
    expect(pdfText).toContain('Text and alternatives');
    expect(pdfText).not.toContain('Offene Klammern');
    expect(bracketPaperMarkdown(bracketPaperOf(state, 2)!)).toContain('## Offene Klammern');
  });

  it('R-AGR-2: the PDF renders in the worker pool with its time limit, cached by content', async () => {
    const renderer = new ProtocolPdfRenderer();
    try {
      const [a, b] = await Promise.all([renderer.renderPaper(paper), renderer.renderPaper(paper)]);
      expect(b).toBe(a);
      expect(renderer.completed).toBe(1);
      const dir = mkdtempSync(join(tmpdir(), 'plenum-draft-'));
      writeFileSync(join(dir, 'worker.pdf'), a);
      expect(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'worker.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('[zeitnah erfolgen wird] (K1: BY, NW)');
      await renderer.renderPaper(bracketPaperOf(state, 2, DMK_PROFILE, 'en')!);
      expect(renderer.completed).toBe(2);
    } finally { await renderer.close(); }
    const slow = new ProtocolPdfRenderer({ timeoutMs: 1 });
    try {
      await expect(slow.renderPaper(paper)).rejects.toEqual(new PdfUnavailable('pdf.timeout'));
    } finally { await slow.close(); }
  });

  it('import: plain text with numbered paragraphs, continuation lines, and a DOCX written by the docx package', async () => {
    expect(paragraphsFromText('Präambel ohne Nummer\n1. Erster Absatz\nfortgesetzt.\n\n(2) Zweiter Absatz.\n3) Dritter.')).toEqual(['Erster Absatz fortgesetzt.', 'Zweiter Absatz.', 'Dritter.']);
    expect(paragraphsFromText('Ohne Nummern.\n\nZweiter Block\nin zwei Zeilen.')).toEqual(['Ohne Nummern.', 'Zweiter Block in zwei Zeilen.']);
    expect(paragraphsFromText('   \n\n')).toBeNull();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('1. Die Länder prüfen.'), new Paragraph('2. Der Bund wird gebeten.')] }] }));
    expect(await paragraphsFromDocx(docx)).toEqual(['Die Länder prüfen.', 'Der Bund wird gebeten.']);
    expect(await paragraphsFromDocx(Buffer.from('not a zip'))).toBeNull();
  });
});
