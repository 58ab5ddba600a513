/**
 * Escaping of user text for the Markdown protocol, so a title, name or declaration can never
 * become a heading, table, list, link or raw HTML in the published file (CommonMark and GFM).
 */

// Characters that start inline syntax or raw HTML anywhere in a line; `&` would start an entity.
const INLINE = /[\\`*_[\]<>|~&]/g;
// What makes a line a block (heading, quote, list, rule, setext underline, fence) at its start.
const LINE_START = /^(\s*)([#>+=-]|\d+[.)])/;

/** User text inside a line we start (heading, list item, table cell): newlines become spaces. */
export function mdInline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(INLINE, '\\$&');
}

/**
 * User text of any length as a block quote: every line (blank ones too) stays inside the quote,
 * so a blank line cannot end it and start a forged section after it.
 */
export function mdQuote(text: string, firstLinePrefix = ''): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map((line, i) => {
    const body = i === 0 && firstLinePrefix ? `${firstLinePrefix}${mdInline(line)}` : escapeLineStart(mdInline(line));
    return body.trim() === '' ? '>' : `> ${body}`;
  });
}

function escapeLineStart(line: string): string {
  return line.replace(LINE_START, (_m, space: string, mark: string) =>
    `${space}${mark.length > 1 ? `${mark.slice(0, -1)}\\${mark.slice(-1)}` : `\\${mark}`}`);
}
