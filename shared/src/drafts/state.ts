import type { LandCode } from '../profile.ts';
import type { CallAnswer, Span, VersionSnapshot, Wording } from './schema.ts';

export interface DraftParagraph { id: string; text: string }

export interface DraftBracket {
  id: string;
  paragraphId: string;
  /** null: the whole paragraph. Offsets into the paragraph's current text, kept true as other brackets resolve. */
  span: Span | null;
  /** The bracketed text as it stood when the bracket was set. */
  text: string;
  openedBy: LandCode;
  openedAt: string;
  /** The Länder holding the bracket, each with the alternative it stands for (null: against the text, no wording of its own). */
  holders: Record<LandCode, { alternativeId: string | null; at: string }>;
  alternatives: { id: string; land: LandCode; text: string; at: string }[];
  /** Länder on record as agreeing: left the bracket or answered "einverstanden" in a call. */
  agreed: LandCode[];
  status: 'open' | 'resolved';
  resolution: { wording: Wording; text: string; agreed: LandCode[]; at: string } | null;
}

export interface DraftVersion extends VersionSnapshot { at: string; by: { role: string; participantId: string | null } }

export interface DraftState {
  draftId: string | null;
  title: string;
  leadLand: LandCode | null;
  coLands: LandCode[];
  assignmentId: string | null;
  paragraphs: DraftParagraph[];
  brackets: Record<string, DraftBracket>;
  /** Ordered by creation; bracket ids in `brackets`. */
  bracketOrder: string[];
  versions: DraftVersion[];
  /** R-AGR-3: versions that became an agenda item's text. */
  onAgenda: { version: number; meetingId: string; itemId: string; at: string }[];
  call: { bracketId: string; answers: Record<LandCode, CallAnswer>; at: string } | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Counters for ids the decider derives (stable on replay). */
  counters: { paragraph: number; bracket: number; alternative: number };
}

export const initialDraftState = (): DraftState => ({
  draftId: null, title: '', leadLand: null, coLands: [], assignmentId: null, paragraphs: [], brackets: {}, bracketOrder: [],
  versions: [], onAgenda: [], call: null, createdAt: null, updatedAt: null, counters: { paragraph: 0, bracket: 0, alternative: 0 },
});

export const openBrackets = (s: DraftState): DraftBracket[] =>
  s.bracketOrder.map((id) => s.brackets[id]!).filter((b) => b.status === 'open');

/** A draft is fully agreed ("vollständig geeinte Fassung") when it has no open bracket. */
export const draftAgreed = (s: DraftState): boolean => s.draftId !== null && openBrackets(s).length === 0;

/** Länder holding at least one open bracket, with the brackets each holds. */
export function bracketsByLand(s: DraftState): Record<LandCode, string[]> {
  const out: Record<LandCode, string[]> = {};
  for (const b of openBrackets(s)) for (const land of Object.keys(b.holders)) (out[land] ??= []).push(b.id);
  return out;
}

/** The open brackets a Land holds alone. */
export const heldAlone = (s: DraftState, land: LandCode): DraftBracket[] =>
  openBrackets(s).filter((b) => { const h = Object.keys(b.holders); return h.length === 1 && h[0] === land; });

/** The version snapshot of the current text. */
export function snapshotOf(s: DraftState, number: number, note: string | null): VersionSnapshot {
  return {
    number, note,
    paragraphs: s.paragraphs.map((p) => ({ ...p })),
    openBrackets: openBrackets(s).map((b) => ({
      id: b.id, paragraphId: b.paragraphId, span: b.span, text: b.text,
      holders: Object.entries(b.holders).map(([land, h]) => ({ land, alternativeId: h.alternativeId })),
      alternatives: b.alternatives.map((a) => ({ id: a.id, land: a.land, text: a.text })),
    })),
  };
}
