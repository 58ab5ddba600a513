export { bracketPaperDocx } from './docx.ts';
export { bracketPaperPdf } from './pdf.ts';
export { paragraphsFromDocx, paragraphsFromText, IMPORT_LIMITS } from './import.ts';
