import { DMK_PROFILE, landName, type RulesProfile } from '../profile.ts';
import type { BracketSnapshot, VersionSnapshot } from './schema.ts';
import { snapshotOf, type DraftState } from './state.ts';
import { bracketNumber, renderParagraphs, type RenderedParagraph } from './render.ts';
import { PAPER_LABELS, type PaperLabels } from './labels.ts';
import type { ProtocolLang } from '../resultsProtocol/labels.ts';

/**
 * A bracket paper as the exports print it (DOCX, PDF, Markdown): the text with its brackets
 * numbered in reading order, and a list of the open brackets with the holding Länder named.
 * German (the language of the ministries' papers) unless English is asked for: labels and Land
 * names follow `lang`; the draft's own text stays as written.
 */
export interface BracketPaper {
  /** The exports' words are PAPER_LABELS[lang] (`paperWords`); the paper itself stays plain data for the PDF worker. */
  lang: ProtocolLang;
  title: string;
  /** "Fassung v2" or "Arbeitsstand" (the current text, no version cut yet). */
  label: string;
  leadLand: string;
  coLands: string[];
  agreed: boolean;
  paragraphs: RenderedParagraph[];
  /** Number of each open bracket (K1, K2 … as set, stable while others resolve) by its id. */
  numbers: Record<string, number>;
  brackets: { number: number; paragraph: number; text: string; holders: string[]; alternatives: { land: string; text: string }[] }[];
}

export function bracketPaperOf(s: DraftState, version?: number, profile: RulesProfile = DMK_PROFILE, lang: ProtocolLang = 'de'): BracketPaper | null {
  const v: VersionSnapshot | undefined = version === undefined ? snapshotOf(s, s.versions.length, null) : s.versions.find((x) => x.number === version);
  if (!v || !s.leadLand) return null;
  const paragraphs = renderParagraphs(v);
  const numbers: Record<string, number> = {};
  const brackets: BracketPaper['brackets'] = [];
  for (const p of paragraphs) {
    for (const seg of p.segments) {
      if (seg.kind !== 'bracket') continue;
      const b: BracketSnapshot = seg.bracket;
      numbers[b.id] = bracketNumber(b.id);
      brackets.push({
        number: numbers[b.id]!, paragraph: p.number, text: seg.text,
        holders: b.holders.map((h) => landName(profile, h.land, lang)),
        alternatives: b.alternatives.map((a) => ({ land: landName(profile, a.land, lang), text: a.text })),
      });
    }
  }
  const words = PAPER_LABELS[lang];
  return {
    lang, title: s.title, label: version === undefined ? words.workingText : words.version(version),
    leadLand: landName(profile, s.leadLand, lang), coLands: s.coLands.map((l) => landName(profile, l, lang)),
    agreed: brackets.length === 0, paragraphs, numbers, brackets,
  };
}

/** "Klammerpapier" or "vollständig geeinte Fassung" (R-AGR-2), in the paper's language. */
export const paperKind = (p: BracketPaper): string => (p.agreed ? paperWords(p).agreed : paperWords(p).bracketPaper);

/** The words a paper's exports print, in its language. */
export const paperWords = (p: Pick<BracketPaper, 'lang'>): PaperLabels => PAPER_LABELS[p.lang];
