import type { ProtocolLang } from '../resultsProtocol/labels.ts';

/**
 * The words of a bracket paper's exports (DOCX, PDF, Markdown) per language; German, the language
 * of the ministries' papers, is the default. Bracket numbers keep their "K" in English too: K1 is
 * the name under which the Länder discuss a bracket, whatever the paper's language.
 */
export const PAPER_LABELS = {
  de: {
    agreed: 'Vollständig geeinte Fassung', bracketPaper: 'Klammerpapier', workingText: 'Arbeitsstand', version: (n: number) => `Fassung v${n}`,
    lead: 'Federführung', coLands: 'Mitantragsteller', openBrackets: 'Offene Klammern', paragraph: 'Ziffer', heldBy: 'gehalten von',
    noLand: 'keinem Land', alternative: 'Alternative', number: 'Nr.', textAndAlternatives: 'Text und Alternativen', quote: (t: string) => `„${t}“`,
  },
  en: {
    agreed: 'Fully agreed version', bracketPaper: 'Bracket paper', workingText: 'Working text', version: (n: number) => `Version v${n}`,
    lead: 'Lead', coLands: 'Co-proposers', openBrackets: 'Open brackets', paragraph: 'paragraph', heldBy: 'held by',
    noLand: 'no Land', alternative: 'Alternative', number: 'No.', textAndAlternatives: 'Text and alternatives', quote: (t: string) => `“${t}”`,
  },
} as const satisfies Record<ProtocolLang, unknown>;
export type PaperLabels = (typeof PAPER_LABELS)[ProtocolLang];
