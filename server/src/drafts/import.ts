import mammoth from 'mammoth';

/**
 * A draft's text from a DOCX file (mammoth reads its raw text) or from plain text, as numbered
 * paragraphs: a line that starts with "1.", "1)" or "(1)" starts a paragraph, the number is
 * dropped (the draft numbers its own), other lines continue the paragraph before them. Text with
 * no numbers at all is split at blank lines. Returns null when nothing usable is found.
 */
export const IMPORT_LIMITS = { bytes: 2_000_000, paragraphs: 100, paragraphChars: 20_000 } as const;

export async function paragraphsFromDocx(buffer: Buffer): Promise<string[] | null> {
  if (buffer.length > IMPORT_LIMITS.bytes) return null;
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return paragraphsFromText(value);
  } catch {
    return null;
  }
}

const NUMBERED = /^\s*(?:\(\d{1,3}\)|\d{1,3}[.)])\s+(.*)$/;

export function paragraphsFromText(text: string): string[] | null {
  if (text.length > IMPORT_LIMITS.bytes) return null;
  const lines = text.split(/\r\n|\r|\n/);
  const numbered = lines.some((l) => NUMBERED.test(l));
  const out: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const m = numbered ? NUMBERED.exec(line) : null;
    if (m) { current = [m[1]!.trim()]; out.push(''); }
    else if (line.trim() === '') { if (!numbered) current = null; continue; }
    else if (current) current.push(line.trim());
    else if (numbered) continue; // text before the first number (a heading, a preamble) is not a paragraph
    else { current = [line.trim()]; out.push(''); }
    out[out.length - 1] = current.join(' ').trim();
  }
  const paragraphs = out.filter((p) => p.length > 0);
  if (paragraphs.length === 0 || paragraphs.length > IMPORT_LIMITS.paragraphs || paragraphs.some((p) => p.length > IMPORT_LIMITS.paragraphChars)) return null;
  return paragraphs;
}
