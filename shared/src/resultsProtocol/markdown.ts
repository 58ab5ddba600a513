import { DMK_PROFILE, landName, type RulesProfile } from '../profile.ts';
import { PROTOCOL_LABELS, formatBerlin, formatTime, type ProtocolLang } from './labels.ts';
import type { ResultsProtocolModel } from './model.ts';
import { mdInline, mdQuote } from './markdownEscape.ts';
import {
  attachmentHeading, choiceWord, conflictLine, deputyLine, headerFacts, itemHeading, landVoteNote, nameOrOffice, notAdoptedLine, personLine, staffLine, voteCounts,
  voteExplanation, voteTitle,
} from './text.ts';

/**
 * R-PRT-1: the results protocol as Markdown (German by default). Every piece of user text goes
 * through mdInline (one line) or mdQuote (a block quote of any length): the published file shows
 * exactly the structure built here, whatever a title, name or declaration contains.
 */
export function renderProtocolMarkdown(m: ResultsProtocolModel, lang: ProtocolLang = 'de', profile: RulesProfile = DMK_PROFILE): string {
  const L = PROTOCOL_LABELS[lang];
  const out: string[] = [];
  const user = mdInline;
  out.push(`# ${m.published ? L.publishedHeading : L.heading}: ${user(m.title)}`, '');
  for (const [k, v] of headerFacts(m, lang, profile)) out.push(`- **${k}:** ${user(v)}`);
  out.push('');

  out.push(`## ${L.participants}`, '', `| ${L.land} | ${L.representatives} |`, '| --- | --- |');
  for (const l of m.lands) {
    const reps = l.representatives.map((p) => user(personLine(p, lang))).join('<br>') || `_${L.absent}_`;
    out.push(`| ${user(lang === 'de' ? l.name : l.nameEn)} | ${reps} |`);
  }
  out.push('');
  if (m.guests.length) out.push(`**${L.guests}:**`, '', ...m.guests.map((g) => `- ${user(personLine(g, lang))}`), '');
  if (m.staff.length) {
    out.push(`**${L.staff}:**`, '', ...m.staff.map((s) => `- ${user(staffLine(s, lang))}`), '');
  }
  if (m.deputies.length) {
    out.push(`**${L.deputies}:**`, '', ...m.deputies.map((d) => `- ${user(deputyLine(d, lang, profile))}`), '');
  }

  out.push(`## ${L.quorum}`, '', `| ${L.time} | ${L.present} | ${L.required} | ${L.met} |`, '| --- | --- | --- | --- |');
  for (const q of m.quorum) out.push(`| ${formatTime(q.at, lang)} | ${q.present} | ${q.required} | ${q.met ? L.yesWord : L.noWord} |`);
  out.push('');

  if (m.transfers.length) {
    out.push(`## ${L.transfers}`, '');
    for (const t of m.transfers) {
      const scope = t.scope.kind === 'untilRevoked' ? L.untilRevoked : `${L.items}: ${mdInline(t.scopeItems.join(', '))}`;
      out.push(`- ${landName(profile, t.from, lang)} → ${landName(profile, t.to, lang)} (${scope}), ${formatBerlin(t.at, lang)}${t.revokedAt ? `; ${L.revoked} ${formatBerlin(t.revokedAt, lang)}` : ''}`);
    }
    out.push('');
  }

  out.push(`## ${L.agenda}`, '');
  for (const item of m.items) {
    out.push(`### ${user(itemHeading(item))}`, '');
    out.push(`- **${L.rapporteur}:** ${item.rapporteurs.map((r) => (r === 'BUND' ? 'Bund' : landName(profile, r, lang))).join(', ')}`);
    out.push(`- **${L.outcome}:** ${L.outcomes[item.outcome]}`);
    if (item.shortNotice) out.push(`- ${L.shortNotice}`);
    if (item.bundesrat) out.push(`- ${L.bundesrat}`);
    out.push('');
    for (const p of item.paragraphs) out.push(...mdQuote(p.text, `${user(p.number)}. `), '>');
    if (item.paragraphs.length) out.push('');
    const notAdopted = notAdoptedLine(item, lang);
    if (notAdopted) out.push(`_${notAdopted}_`, '');
    for (const v of [...item.proceduralVotes, ...item.votes]) {
      out.push(`#### ${voteTitle(v, lang)}: ${voteCounts(v, lang)}`, '');
      const why = voteExplanation(v, lang);
      if (why) out.push(`${L.explanation}: ${why}`, '');
      if (v.outcome !== 'cancelled') {
        out.push(`| ${L.land} | ${L.choice} | ${L.note} |`, '| --- | --- | --- |');
        for (const l of v.lands) out.push(`| ${landName(profile, l.land, lang)} | ${choiceWord(l.choice, lang)} | ${user(landVoteNote(l, lang, profile))} |`);
        out.push('');
      }
    }
    if (item.declarations.length) {
      out.push(`**${L.declarations}:**`, '');
      for (const d of item.declarations) out.push(...mdQuote(d.text, `${landName(profile, d.land, lang)} (${user(nameOrOffice(d.participantName, d.kind, lang))}): `), '');
    }
    if (item.attachments.length) {
      out.push(`**${L.attachments}:**`, '');
      for (const a of item.attachments) out.push(`#### ${user(attachmentHeading(a, lang))}`, '', ...mdQuote(a.text), '');
    }
  }

  if (m.sessionVotes.length) {
    out.push(`## ${L.sessionVotes}`, '');
    for (const v of m.sessionVotes) out.push(`- ${voteTitle(v, lang)}: ${voteCounts(v, lang)}`);
    out.push('');
  }
  if (m.conflicts.length) {
    out.push(`## ${L.conflicts}`, '');
    for (const c of m.conflicts) out.push(`- ${user(conflictLine(m, c, lang, profile))}`);
    out.push('');
  }
  if (m.withheldItems > 0) out.push(`_${L.withheld(m.withheldItems)}_`, '');
  return out.join('\n');
}

/** The JSON rendering is the model itself; the schema version lets consumers check what they read. */
export function renderProtocolJson(m: ResultsProtocolModel): string {
  return JSON.stringify({ schema: 'plenum.resultsProtocol/1', ...m }, null, 2);
}
