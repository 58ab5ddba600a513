import { createRequire } from 'node:module';

/**
 * pdfmake's bundled Roboto (build/vfs_fonts.js: base64 TrueType files). Roboto covers German
 * umlauts and ß; loading from the package keeps the server free of font files of its own.
 */
const require = createRequire(import.meta.url);

let cached: Record<string, { normal: Buffer; bold: Buffer; italics: Buffer; bolditalics: Buffer }> | null = null;

export function robotoFonts() {
  if (!cached) {
    const vfs = require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
    const font = (name: string) => Buffer.from(vfs[name], 'base64');
    cached = {
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    };
  }
  return cached;
}
