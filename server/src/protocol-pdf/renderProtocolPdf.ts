import { createRequire } from 'node:module';
import type { ProtocolLang, ResultsProtocolModel, RulesProfile } from '@plenum/shared';
import { protocolDocument } from './document.ts';
import { robotoFonts } from './fonts.ts';

const require = createRequire(import.meta.url);

interface PdfKitDoc { on(event: 'data', fn: (chunk: Buffer) => void): void; on(event: 'end', fn: () => void): void; on(event: 'error', fn: (e: Error) => void): void; end(): void }
interface PdfPrinterLike { createPdfKitDocument(doc: Record<string, unknown>): PdfKitDoc }
type PdfPrinterCtor = new (fonts: ReturnType<typeof robotoFonts>) => PdfPrinterLike;

let printer: PdfPrinterLike | null = null;
function getPrinter(): PdfPrinterLike {
  // pdfmake 0.2's server-side printer (CommonJS); one instance holds the parsed fonts.
  if (!printer) printer = new (require('pdfmake') as PdfPrinterCtor)(robotoFonts());
  return printer;
}

/** R-PRT-1: the results protocol as a PDF (A4, Roboto with umlauts), German by default. */
export function renderProtocolPdf(model: ResultsProtocolModel, lang: ProtocolLang = 'de', profile?: RulesProfile): Promise<Buffer> {
  try {
    return renderPdfDocument(protocolDocument(model, lang, profile));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Any pdfmake document definition (the protocol, a bracket paper) as PDF bytes. */
export function renderPdfDocument(definition: Record<string, unknown>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    try {
      const doc = getPrinter().createPdfKitDocument(definition);
      const chunks: Buffer[] = [];
      doc.on('data', (chunk) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
