export { bracketPaperDocx } from './docx.ts';
export { bracketPaperPdf } from './pdf.ts';
export { paragraphsFromDocx, paragraphsFromText, IMPORT_LIMITS } from './import.ts';
export { mountDrafts, type DraftDeps } from './routes.ts';
export { joinDraftsRoom, broadcastDraftChange, DRAFTS_ROOM } from './live.ts';
export { agendaCommandFor } from './agenda.ts';
export { seedDemoDraft } from './demo.ts';
