import { explanationText } from '../explain.ts';
import { DMK_PROFILE, landName, type RulesProfile } from '../profile.ts';
import { PROTOCOL_LABELS, formatBerlin, formatDate, formatTime, type ProtocolLang } from './labels.ts';
import type { ProtocolEntry, ProtocolItem, ProtocolPerson, ProtocolVote, ResultsProtocolModel } from './model.ts';

/**
 * Text pieces of the protocol shared by the Markdown and PDF renderers, so that both say the
 * same thing in the same words.
 */
export function attendanceText(p: ProtocolPerson, lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  const stretches = p.attendance.map((a) => `${L.modes[a.mode]}${a.via ? ` ${L.via[a.via]}` : ''} ${formatTime(a.from, lang)}–${a.until ? formatTime(a.until, lang) : ''}`);
  return stretches.join('; ');
}

/** R-PRT-3: a person's name, or (name withheld in the published version) their office. */
export function nameOrOffice(name: string, kind: string, lang: ProtocolLang): string {
  return name || PROTOCOL_LABELS[lang].kindsOfPerson[kind] || kind;
}

export function personLine(p: ProtocolPerson, lang: ProtocolLang): string {
  const kind = PROTOCOL_LABELS[lang].kindsOfPerson[p.kind] ?? p.kind;
  const who = p.name ? `${p.name}${kind ? ` (${kind})` : ''}` : kind;
  return `${who}: ${attendanceText(p, lang)}`;
}

export function staffLine(s: ResultsProtocolModel['staff'][number], lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  return `${nameOrOffice(s.name, 'staff', lang)}${s.accompanies ? ` (${s.accompanies})` : ''}${s.announcedLate ? ` – ${L.announcedLate}` : ''}`;
}

export function deputyLine(d: ResultsProtocolModel['deputies'][number], lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): string {
  const L = PROTOCOL_LABELS[lang];
  return `${landName(profile, d.land, lang)}: ${nameOrOffice(d.name, 'temporaryDeputy', lang)} (${L.namedBy} ${nameOrOffice(d.namedBy, d.namedByKind, lang)}, ${formatBerlin(d.namedAt, lang)})`;
}

export function declarationLine(d: ProtocolItem['declarations'][number], lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): string {
  return `${landName(profile, d.land, lang)} (${nameOrOffice(d.participantName, d.kind, lang)}): ${d.text}`;
}

/** R-PRT-3: the published version marks the paragraphs left out as not adopted. */
export function notAdoptedLine(i: ProtocolItem, lang: ProtocolLang): string | null {
  return i.notAdoptedParagraphs.length ? PROTOCOL_LABELS[lang].notAdoptedParagraphs(i.notAdoptedParagraphs.join(', ')) : null;
}

/** R-PRT-3: "Anlage 1: Geschäftsordnung (zu Ziffer 1)". */
export function attachmentHeading(a: ProtocolItem['attachments'][number], lang: ProtocolLang): string {
  const refers = a.paragraphs.length ? ` (${PROTOCOL_LABELS[lang].attachmentFor(a.paragraphs.join(', '))})` : '';
  return `${a.label}: ${a.title}${refers}`;
}

export function voteTitle(v: ProtocolVote, lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  if (v.motion.kind !== 'resolution') return `${L.procedural}: ${L.motions[v.motion.kind]}`;
  return v.paragraph === null ? `${L.vote} (${L.whole})` : `${L.vote} (${L.paragraph} ${v.paragraph})`;
}

export function voteCounts(v: ProtocolVote, lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  if (v.outcome === 'cancelled') return L.outcomes.cancelled;
  const e = v.explanation;
  if (!e) return L.outcomes.notDecided;
  return `${L.yes} ${e.yes}, ${L.no} ${e.no}, ${L.abstain} ${e.abstain}${e.notVoted ? `, ${L.notVoted} ${e.notVoted}` : ''} → ${L.outcomes[e.outcome]}`;
}

export function voteExplanation(v: ProtocolVote, lang: ProtocolLang): string | null {
  return v.explanation ? explanationText(v.explanation, lang) : null;
}

export function choiceWord(choice: string | null, lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  return choice === 'yes' ? L.yes : choice === 'no' ? L.no : choice === 'abstain' ? L.abstain : L.notVoted;
}

type LandVote = ProtocolVote['lands'][number];

/**
 * R-VOT-7: where an entry came from: "am Gerät, abgegeben von …" or "Namentlicher Aufruf, erfasst
 * von …" (the recorder's office when no name may be shown, R-PRT-3).
 */
export function entrySource(e: Pick<ProtocolEntry, 'oral' | 'participantKind'> & { participantName: string | null }, lang: ProtocolLang): string {
  const L = PROTOCOL_LABELS[lang];
  if (e.oral) return `${L.oral[e.oral]}, ${L.recordedBy} ${nameOrOffice(e.participantName ?? '', e.participantKind, lang)}`;
  return e.participantName ? `${L.device}, ${L.castBy} ${e.participantName}` : L.device;
}

/** R-MEM-2 / R-VOT-7: the entries that differed at the close and did not count, e.g. "Nein (am Gerät, abgegeben von …)". */
export function differingText(l: LandVote, lang: ProtocolLang): string {
  return l.differing.map((d) => `${choiceWord(d.choice, lang)} (${entrySource(d, lang)})`).join('; ');
}

export function landVoteNote(l: LandVote, lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): string {
  const L = PROTOCOL_LABELS[lang];
  const notes: string[] = [];
  if (l.viaTransfer && l.castBy) notes.push(`${L.viaTransfer}: ${landName(profile, l.castBy, lang)}`);
  if (l.choice && l.participantKind) notes.push(entrySource({ oral: l.oral, participantName: l.participantName, participantKind: l.participantKind }, lang));
  if (l.conflict) notes.push(l.differing.length ? `${L.conflict}: ${L.notCounted} ${differingText(l, lang)}` : L.conflict);
  return notes.join(', ');
}

/** One line of the conflicts list: the item, the Land, what counted and what did not. */
export function conflictLine(m: ResultsProtocolModel, c: ResultsProtocolModel['conflicts'][number], lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): string {
  const L = PROTOCOL_LABELS[lang];
  const vote = [...m.items.flatMap((i) => [...i.votes, ...i.proceduralVotes]), ...m.sessionVotes].find((v) => v.voteId === c.voteId);
  const l = vote?.lands.find((x) => x.land === c.land);
  const head = `${c.itemNumber ?? '–'}: ${landName(profile, c.land, lang)}`;
  if (!l || !l.participantKind) return head;
  const counted = `${L.counted} ${choiceWord(l.choice, lang)} (${entrySource({ oral: l.oral, participantName: l.participantName, participantKind: l.participantKind }, lang)})`;
  return l.differing.length ? `${head} – ${counted}; ${L.notCounted} ${differingText(l, lang)}` : `${head} – ${counted}`;
}

export function itemHeading(i: ProtocolItem): string {
  return `${i.number}: ${i.title}`;
}

export function headerFacts(m: ResultsProtocolModel, lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): [string, string][] {
  const L = PROTOCOL_LABELS[lang];
  return [
    [L.date, formatDate(m.date, lang)],
    [L.place, m.place],
    [L.chair, m.chairLands.map((c) => landName(profile, c, lang)).join(lang === 'de' ? ' und ' : ' and ')],
    [L.kind, L.kinds[m.kind]],
    [L.format, L.formats[m.format]],
    [L.openedClosed, `${formatBerlin(m.openedAt, lang)} / ${formatBerlin(m.closedAt, lang)}`],
    [L.timeZone, L.timeZoneValue],
    // F4: where in the log this protocol was made; checked with `npm run verify -- --against protocol.json`.
    ...(m.record ? [[L.fingerprint, L.fingerprintValue(m.record.fingerprint, m.record.seq)] as [string, string]] : []),
  ];
}
