export { renderProtocolPdf } from './renderProtocolPdf.ts';
export { protocolDocument } from './document.ts';
