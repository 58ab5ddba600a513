import type { Paragraph } from '../model.ts';
import type { ItemOutcome, ParagraphOutcome, ProtocolItem, ProtocolVote } from './model.ts';

/** R-VOT-6 / R-PRT-1: an item's outcome, whole and per paragraph, from its decided rounds. */
export function itemOutcome(kind: 'proposal' | 'report', noted: boolean, votes: ProtocolVote[]): ItemOutcome {
  if (kind === 'report') return noted ? 'noted' : 'discussed';
  const decided = votes.filter((v) => v.outcome !== 'cancelled');
  if (decided.length === 0) return 'notVoted';
  const whole = decided.filter((v) => v.paragraph === null);
  if (whole.length > 0) return whole[whole.length - 1].outcome as ItemOutcome;
  // R-VOT-6: paragraph by paragraph; the last round on each paragraph counts.
  const last = new Map<string, ProtocolVote['outcome']>();
  for (const v of decided) last.set(v.paragraph!, v.outcome);
  const outcomes = [...last.values()];
  if (outcomes.every((o) => o === 'adopted')) return 'adopted';
  if (outcomes.some((o) => o === 'adopted')) return 'partlyAdopted';
  return outcomes.every((o) => o === 'rejected') ? 'rejected' : 'notDecided';
}

/** R-VOT-6: the outcome per paragraph; a whole vote decides every paragraph alike. */
export function paragraphOutcomes(kind: 'proposal' | 'report', paragraphs: Paragraph[], votes: ProtocolVote[]): ProtocolItem['paragraphOutcomes'] {
  if (kind === 'report') return [];
  const decided = votes.filter((v) => v.outcome !== 'cancelled');
  const whole = decided.filter((v) => v.paragraph === null).at(-1);
  const last = new Map<string, ProtocolVote['outcome']>();
  for (const v of decided) if (v.paragraph !== null) last.set(v.paragraph, v.outcome);
  return paragraphs.map((p) => ({
    number: p.number,
    outcome: (whole ? whole.outcome : last.get(p.number) ?? 'notVoted') as ParagraphOutcome,
  }));
}

