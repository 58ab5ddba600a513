import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildResultsProtocol, DEMO_MEETING_ID } from '@plenum/shared';
import { hardWrap, HARD_WRAP_CHARS } from '../src/protocol-pdf/document.ts';
import { PdfUnavailable, ProtocolPdfRenderer } from '../src/protocol-pdf/pdf-renderer.ts';
import { runDemoSession } from '../../shared/test/resultsProtocolFixture.ts';
import { linkFor, redeem, startTestServer, tokenOf } from './helpers.ts';

const record = runDemoSession();
const model = buildResultsProtocol(record.state, record.events);
const LONG_WORD = 'a'.repeat(4_000);
const withLongDeclaration = {
  ...model,
  items: model.items.map((i) => (i.id === 'top-5' ? { ...i, declarations: [{ ...i.declarations[0], text: LONG_WORD }] } : i)),
};

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plenum-pdf-')), 'protocol.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('F2: protocol PDFs render in a worker, bounded and cached (R-PRT-1)', () => {
  it('an unbreakable word gets a break opportunity every HARD_WRAP_CHARS characters; ordinary text is untouched', () => {
    const wrapped = hardWrap(`kurz ${'x'.repeat(HARD_WRAP_CHARS * 3 + 5)} Ende`);
    expect(wrapped.split(' ')[1].split('\u200B').map((s) => s.length)).toEqual([HARD_WRAP_CHARS, HARD_WRAP_CHARS, HARD_WRAP_CHARS, 5]);
    expect(hardWrap('Ressourcennutzung digital optimieren – Baden-Württemberg')).toBe('Ressourcennutzung digital optimieren – Baden-Württemberg');
  });

  it('a declaration of one 4,000-character word renders in the worker; every character is in the PDF', async () => {
    const renderer = new ProtocolPdfRenderer();
    try {
      const pdf = await renderer.render(withLongDeclaration, 'de');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text.replace(/[^a]+/g, ' ').split(' ').reduce((n, w) => n + (w.length >= HARD_WRAP_CHARS ? w.length : 0), 0)).toBeGreaterThanOrEqual(4_000);
      expect(text).toContain('Ressourcennutzung digital optimieren');
    } finally { await renderer.close(); }
  });

  it('the same model and language is rendered once; another language or another log position renders again', async () => {
    const renderer = new ProtocolPdfRenderer();
    try {
      const [a, b] = await Promise.all([renderer.render(model, 'de'), renderer.render(model, 'de')]);
      const c = await renderer.render(model, 'de');
      expect(b).toBe(a);
      expect(c).toBe(a);
      expect(renderer.completed).toBe(1);
      await renderer.render(model, 'en');
      await renderer.render({ ...model, title: `${model.title} (geändert)` }, 'de');
      expect(renderer.completed).toBe(3);
    } finally { await renderer.close(); }
  });

  it('a rendering over the time limit is aborted → pdf.timeout, and the next request is served', async () => {
    const slow = new ProtocolPdfRenderer({ timeoutMs: 1 });
    try {
      await expect(slow.render(withLongDeclaration, 'de')).rejects.toEqual(new PdfUnavailable('pdf.timeout'));
    } finally { await slow.close(); }
  });

  it('/healthz keeps answering while the PDF renders (the old synchronous rendering answered nothing until it was done)', async () => {
    const server = await startTestServer();
    try {
      const cookie = await redeem(server.url, tokenOf(linkFor(server.links, 'office')));
      let pdfDone = false;
      const pdf = fetch(`${server.url}/api/meetings/${DEMO_MEETING_ID}/protocol.pdf`, { headers: { cookie } })
        .then(async (r) => { const body = Buffer.from(await r.arrayBuffer()); pdfDone = true; return { status: r.status, body }; });
      let answeredWhileRendering = 0;
      while (!pdfDone) {
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        if (!pdfDone) answeredWhileRendering += 1;
      }
      const { status, body } = await pdf;
      expect(status).toBe(200);
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(answeredWhileRendering).toBeGreaterThanOrEqual(3);
      // Asked again at the same log position: from the cache, no second rendering.
      const again = await fetch(`${server.url}/api/meetings/${DEMO_MEETING_ID}/protocol.pdf`, { headers: { cookie } });
      expect(Buffer.from(await again.arrayBuffer()).equals(body)).toBe(true);
      expect(server.pdf.completed).toBe(1);
    } finally { await server.stop(); }
  });
});
