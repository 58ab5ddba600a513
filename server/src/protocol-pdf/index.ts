export { renderProtocolPdf, renderPdfDocument } from './renderProtocolPdf.ts';
export { protocolDocument } from './document.ts';
