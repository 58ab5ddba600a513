import {
  DMK_PROFILE, PROTOCOL_LABELS, attachmentHeading, choiceWord, conflictLine, declarationLine, deputyLine, formatTime, headerFacts, itemHeading, landName, landVoteNote,
  notAdoptedLine, personLine, staffLine, voteCounts, voteExplanation, voteTitle, formatBerlin, type ProtocolLang, type ResultsProtocolModel,
  type RulesProfile,
} from '@plenum/shared';

/**
 * The pdfmake document for a results protocol (R-PRT-1). Plain data: the text pieces come from
 * shared/src/resultsProtocol/text.ts so that PDF and Markdown say the same.
 */
type Node = Record<string, unknown> | string;

export function protocolDocument(m: ResultsProtocolModel, lang: ProtocolLang, profile: RulesProfile = DMK_PROFILE): Record<string, unknown> {
  const L = PROTOCOL_LABELS[lang];
  const land = (code: string) => (code === 'BUND' ? 'Bund' : landName(profile, code, lang));
  const content: Node[] = [];
  const table = (headers: string[], rows: string[][], widths: (string | number)[]) => ({
    table: {
      headerRows: headers.length ? 1 : 0, widths, dontBreakRows: true,
      body: [...(headers.length ? [headers.map((h) => ({ text: h, style: 'th' }))] : []), ...rows.map((r) => r.map((c) => ({ text: c })))],
    },
    layout: 'lightHorizontalLines', margin: [0, 2, 0, 8], fontSize: 9,
  });

  content.push({ text: m.published ? L.publishedHeading : L.heading, style: 'kicker' });
  content.push({ text: m.title, style: 'title' });
  content.push(table([], headerFacts(m, lang, profile).map(([k, v]) => [k, v]), [110, '*']));

  content.push({ text: L.participants, style: 'h2' });
  content.push(table([L.land, L.representatives], m.lands.map((l) => [
    lang === 'de' ? l.name : l.nameEn,
    l.representatives.map((p) => personLine(p, lang)).join('\n') || L.absent,
  ]), [120, '*']));
  if (m.guests.length) content.push({ text: L.guests, style: 'h3' }, { ul: m.guests.map((g) => personLine(g, lang)), fontSize: 9 });
  if (m.staff.length) {
    content.push({ text: L.staff, style: 'h3' }, {
      ul: m.staff.map((s) => staffLine(s, lang)), fontSize: 9,
    });
  }
  if (m.deputies.length) {
    content.push({ text: L.deputies, style: 'h3' }, {
      ul: m.deputies.map((d) => deputyLine(d, lang, profile)), fontSize: 9,
    });
  }

  content.push({ text: L.quorum, style: 'h2' });
  content.push(table([L.time, L.present, L.required, L.met], m.quorum.map((q) => [
    formatTime(q.at, lang), String(q.present), String(q.required), q.met ? L.yesWord : L.noWord,
  ]), [60, 60, 60, '*']));

  if (m.transfers.length) {
    content.push({ text: L.transfers, style: 'h2' });
    content.push({
      ul: m.transfers.map((t) => `${land(t.from)} ${L.to} ${land(t.to)} (${t.scope.kind === 'untilRevoked' ? L.untilRevoked : `${L.items}: ${t.scopeItems.join(', ')}`}), ${formatBerlin(t.at, lang)}${t.revokedAt ? `; ${L.revoked} ${formatBerlin(t.revokedAt, lang)}` : ''}`),
      fontSize: 9,
    });
  }

  content.push({ text: L.agenda, style: 'h2', pageBreak: 'before' });
  for (const item of m.items) {
    content.push({ text: itemHeading(item), style: 'h3' });
    content.push({
      text: [
        { text: `${L.rapporteur}: `, bold: true }, item.rapporteurs.map(land).join(', '), '   ',
        { text: `${L.outcome}: `, bold: true }, { text: L.outcomes[item.outcome], bold: true },
        ...(item.shortNotice ? [`   ${L.shortNotice}`] : []), ...(item.bundesrat ? [`   ${L.bundesrat}`] : []),
      ],
      margin: [0, 0, 0, 4],
    });
    if (item.paragraphs.length) {
      // The paragraph's own number: the published version may leave some out (R-PRT-3).
      content.push({ stack: item.paragraphs.map((p) => `${p.number}. ${p.text}`), fontSize: 8.5, color: '#333333', margin: [0, 0, 0, 4] });
    }
    const notAdopted = notAdoptedLine(item, lang);
    if (notAdopted) content.push({ text: notAdopted, fontSize: 8.5, italics: true, margin: [0, 0, 0, 4] });
    for (const v of [...item.proceduralVotes, ...item.votes]) {
      content.push({ text: `${voteTitle(v, lang)}: ${voteCounts(v, lang)}`, style: 'h4' });
      const why = voteExplanation(v, lang);
      if (why) content.push({ text: `${L.explanation}: ${why}`, fontSize: 8.5, italics: true, margin: [0, 0, 0, 2] });
      if (v.outcome !== 'cancelled') {
        content.push(table([L.land, L.choice, L.note], v.lands.map((l) => [land(l.land), choiceWord(l.choice, lang), landVoteNote(l, lang, profile)]), [120, 60, '*']));
      }
    }
    if (item.declarations.length) {
      content.push({ text: L.declarations, style: 'h4' });
      content.push({ ul: item.declarations.map((d) => declarationLine(d, lang, profile)), fontSize: 9, margin: [0, 0, 0, 6] });
    }
    if (item.attachments.length) {
      content.push({ text: L.attachments, style: 'h4' });
      for (const a of item.attachments) {
        content.push({ text: attachmentHeading(a, lang), bold: true, fontSize: 9, margin: [0, 2, 0, 2] });
        // Its paragraphs as written (blank lines separate them), so a long document breaks across pages.
        content.push({ stack: a.text.split(/\n\s*\n/).map((para) => ({ text: para, margin: [0, 0, 0, 3] })), fontSize: 8.5, margin: [0, 0, 0, 6] });
      }
    }
  }
  if (m.sessionVotes.length) {
    content.push({ text: L.sessionVotes, style: 'h2' }, { ul: m.sessionVotes.map((v) => `${voteTitle(v, lang)}: ${voteCounts(v, lang)}`), fontSize: 9 });
  }
  if (m.conflicts.length) {
    content.push({ text: L.conflicts, style: 'h2' }, { ul: m.conflicts.map((c) => conflictLine(m, c, lang, profile)), fontSize: 9 });
  }
  if (m.withheldItems > 0) content.push({ text: L.withheld(m.withheldItems), italics: true, margin: [0, 8, 0, 0] });

  return {
    info: { title: `${L.heading}: ${m.title}`, subject: m.meetingId, creator: 'Plenum', producer: 'Plenum (pdfmake)' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      kicker: { fontSize: 10, color: '#555555', margin: [0, 0, 0, 2] },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      h4: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 2] },
      th: { bold: true },
    },
    footer: (current: number, count: number) => ({
      text: hardWrap(lang === 'de' ? `${m.title} – Seite ${current} von ${count}` : `${m.title} – page ${current} of ${count}`),
      alignment: 'center', fontSize: 8, color: '#555555', margin: [0, 20, 0, 0],
    }),
    content: content.map(withPdfGlyphs),
  };
}

/** Longer runs without a break opportunity get one (U+200B) every this many characters. */
export const HARD_WRAP_CHARS = 40;
const UNBREAKABLE = new RegExp(`[^\\s\u200B-]{${HARD_WRAP_CHARS + 1},}`, 'gu');
const CHUNK = new RegExp(`[^]{${HARD_WRAP_CHARS}}`, 'gu');

/**
 * Text pdfmake can set in bounded time: a long word without a break opportunity makes its line
 * breaker try every split (a 20,000-character word took a minute), so such words get zero-width
 * spaces, which break lines but print nothing.
 */
export function hardWrap(text: string): string {
  return text.replace(UNBREAKABLE, (word) => word.replace(CHUNK, '$&\u200B'));
}

/**
 * Every string of the content: hard-wrapped, and an en dash for the arrow (U+2192), which
 * Roboto as bundled has no glyph for.
 */
function withPdfGlyphs<T>(node: T): T {
  if (typeof node === 'string') return hardWrap(node.replace(/\s*→\s*/g, ' – ')) as T;
  if (Array.isArray(node)) return node.map(withPdfGlyphs) as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withPdfGlyphs(v)])) as T;
  }
  return node;
}
