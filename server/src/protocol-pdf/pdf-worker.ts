import type { BracketPaper, ProtocolLang, ResultsProtocolModel, RulesProfile } from '@plenum/shared';
import { renderPdfDocument, renderProtocolPdf } from './renderProtocolPdf.ts';
import { bracketPaperDocument } from '../drafts/pdf.ts';

/** A results protocol, or a bracket paper of the Arbeitsgremium (R-AGR-2). */
export type PdfTask =
  | { kind?: 'protocol'; model: ResultsProtocolModel; lang: ProtocolLang; profile?: RulesProfile }
  | { kind: 'paper'; paper: BracketPaper };

/** Piscina worker: one PDF per task, off the server's event loop. */
export default async function renderInWorker(task: PdfTask): Promise<Uint8Array> {
  const pdf = task.kind === 'paper' ? await renderPdfDocument(bracketPaperDocument(task.paper)) : await renderProtocolPdf(task.model, task.lang, task.profile);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
