import type { Explanation } from './model.ts';

/**
 * The explanation of a decision as one line of text, German first (the protocol and the chair's
 * screen show it). e.g. "R-VOT-2: Basis 14, erforderlich 9, Ja 10, Nein 3, Enthaltung 1 → angenommen (Zweidrittelmehrheit)".
 */

const WORDS = {
  de: {
    base: 'Basis', needed: 'erforderlich', yes: 'Ja', no: 'Nein', abstain: 'Enthaltung', notVoted: 'ohne Stimme',
    adopted: 'angenommen', rejected: 'abgelehnt', notDecided: 'keine Entscheidung',
    consensus: 'Konsens', qualified: 'Zweidrittelmehrheit', qualifiedMissed: 'Zweidrittelmehrheit verfehlt',
    simpleMajority: 'einfache Mehrheit', simpleMissed: 'einfache Mehrheit verfehlt',
    notQuorate: (p: number, r: number) => `nicht beschlussfähig (anwesend ${p}, erforderlich ${r})`,
  },
  en: {
    base: 'base', needed: 'needed', yes: 'yes', no: 'no', abstain: 'abstain', notVoted: 'not voted',
    adopted: 'adopted', rejected: 'rejected', notDecided: 'no decision',
    consensus: 'consensus', qualified: 'two-thirds majority', qualifiedMissed: 'two-thirds majority missed',
    simpleMajority: 'simple majority', simpleMissed: 'simple majority missed',
    notQuorate: (p: number, r: number) => `not quorate (present ${p}, required ${r})`,
  },
} as const;

export function explanationText(e: Explanation, lang: 'de' | 'en' = 'de'): string {
  const w = WORDS[lang];
  const counts = [`${w.yes} ${e.yes}`, `${w.no} ${e.no}`, `${w.abstain} ${e.abstain}`];
  if (e.notVoted > 0) counts.push(`${w.notVoted} ${e.notVoted}`);
  if (e.outcome === 'notDecided' || e.method === 'none') {
    return `${e.rule}: ${w.notQuorate(e.quorum.present, e.quorum.required)}, ${w.base} ${e.base}, ${counts.join(', ')} → ${w.notDecided}`;
  }
  const verdict = w[e.outcome];
  switch (e.method) {
    case 'consensus':
      return `${e.rule}: ${w.base} ${e.base}, ${counts.join(', ')} → ${verdict} (${w.consensus})`;
    case 'qualified':
      return `${e.rule}: ${w.base} ${e.base}, ${w.needed} ${e.needed}, ${counts.join(', ')} → ${verdict} (${e.outcome === 'adopted' ? w.qualified : w.qualifiedMissed})`;
    case 'simpleMajority':
      return `${e.rule}: ${w.needed} ${e.needed}, ${counts.join(', ')} → ${verdict} (${e.outcome === 'adopted' ? w.simpleMajority : w.simpleMissed})`;
  }
}
