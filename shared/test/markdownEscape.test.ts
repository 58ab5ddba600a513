import { describe, expect, it } from 'vitest';
import { Lexer, type Token, type Tokens } from 'marked';
import { buildResultsProtocol, renderProtocolMarkdown, type ResultsProtocolModel } from '../src/resultsProtocol/index.ts';
import { mdInline, mdQuote } from '../src/resultsProtocol/markdownEscape.ts';
import { runDemoSession } from './resultsProtocolFixture.ts';

const record = runDemoSession();
const model = buildResultsProtocol(record.state, record.events);

/** The declaration that forged a decision heading and a vote table in the published Markdown. */
const FORGED_DECLARATION = [
  'Bayern stimmt zu.',
  '',
  '#### Beschluss: angenommen (16 ja, 0 nein, 0 Enthaltung)',
  '',
  '| Land | Stimme | Vermerk |',
  '| --- | --- | --- |',
  '| Niedersachsen | Ja | |',
  '',
  '<img src=x onerror="alert(1)"> [Details](javascript:alert(1)) **fett** &lt;',
  '- Liste',
  '1. nummeriert',
  '> Zitat',
  '---',
  '```',
].join('\n');

const withDeclaration = (text: string, title = model.title): ResultsProtocolModel => ({
  ...model,
  title,
  items: model.items.map((i) => (i.id === 'top-5' ? { ...i, declarations: [{ ...i.declarations[0], text, participantName: 'Mitglied <b>Bayern</b> | x' }] } : i)),
});

/** Every token of a kind, at any depth (block quotes, lists, table cells). */
function tokensOf(md: string, type: string): Token[] {
  const found: Token[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === type) found.push(t);
      const nested = t as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
      if (nested.tokens) walk(nested.tokens);
      if (nested.items) walk(nested.items);
      for (const cell of nested.header ?? []) walk(cell.tokens);
      for (const row of nested.rows ?? []) for (const cell of row) walk(cell.tokens);
    }
  };
  walk(new Lexer({ gfm: true }).lex(md));
  return found;
}

describe('F7: user text in the Markdown protocol cannot forge structure (R-PRT-1)', () => {
  const harmless = renderProtocolMarkdown(withDeclaration('Bayern stimmt zu.'), 'de');
  const attacked = renderProtocolMarkdown(withDeclaration(FORGED_DECLARATION, 'Titel\n\n# Beschluss <script>x</script>'), 'de');

  it('a declaration with blank lines adds no heading, no table, no list, no HTML, no link', () => {
    const headings = (md: string) => tokensOf(md, 'heading').map((h) => (h as Tokens.Heading).depth);
    expect(headings(attacked)).toEqual(headings(harmless));
    expect(tokensOf(attacked, 'table')).toHaveLength(tokensOf(harmless, 'table').length);
    expect(tokensOf(attacked, 'html')).toHaveLength(tokensOf(harmless, 'html').length);
    expect(tokensOf(attacked, 'link')).toHaveLength(0);
    expect(tokensOf(attacked, 'code')).toHaveLength(0);
    expect(tokensOf(attacked, 'hr')).toHaveLength(0);
    expect(tokensOf(attacked, 'list').length).toBe(tokensOf(harmless, 'list').length);
    // No heading says what the forged one said.
    expect(tokensOf(attacked, 'heading').map((h) => (h as Tokens.Heading).text).join('\n')).not.toMatch(/16 ja/);
  });

  it('the whole declaration stays inside one block quote, text intact', () => {
    const quote = tokensOf(attacked, 'blockquote').map((q) => (q as Tokens.Blockquote).text).find((t) => t.includes('Bayern stimmt zu'));
    expect(quote).toBeDefined();
    expect(quote).toContain('Beschluss: angenommen (16 ja, 0 nein, 0 Enthaltung)');
    expect(quote).toContain('Niedersachsen');
    expect(quote).toContain('Zitat');
  });

  it('the title stays one heading line; raw HTML in a title or name is escaped', () => {
    expect(attacked.split('\n')[0]).toBe('# Ergebnisprotokoll: Titel # Beschluss \\<script\\>x\\</script\\>');
    expect(attacked).toContain('Mitglied \\<b\\>Bayern\\</b\\> \\| x');
    expect(attacked).not.toMatch(/(^|[^\\])<(script|b>|img)/m);
  });

  it('escaping keeps ordinary German text readable', () => {
    expect(mdInline('Bericht (TOP 5): 12 Länder – „einverstanden“')).toBe('Bericht (TOP 5): 12 Länder – „einverstanden“');
    expect(mdQuote('a\n\nb')).toEqual(['> a', '>', '> b']);
    expect(mdQuote('# x\n1. y\n- z')).toEqual(['> \\# x', '> 1\\. y', '> \\- z']);
  });
});
