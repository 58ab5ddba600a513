import type { ProtocolLang, ResultsProtocolModel, RulesProfile } from '@plenum/shared';
import { renderProtocolPdf } from './renderProtocolPdf.ts';

export interface PdfTask { model: ResultsProtocolModel; lang: ProtocolLang; profile?: RulesProfile }

/** Piscina worker: one protocol PDF per task, off the server's event loop. */
export default async function renderInWorker(task: PdfTask): Promise<Uint8Array> {
  const pdf = await renderProtocolPdf(task.model, task.lang, task.profile);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
