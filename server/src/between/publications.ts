import { escapeHtml, PAGE_STYLE } from '../http/page-style.ts';
import {
  DMK_PROFILE, buildResultsProtocol, landName, publicationOf, type ResultsProtocolModel,
} from '@plenum/shared';
import type { BetweenService } from './service.ts';

/**
 * R-PRT-3 / R-CIR-2: what is published: approved results protocols (items barred from
 * publication left out) and published circular resolutions. Also the archive search (text, Land, date).
 */
export interface PublishedResolution {
  source: 'session' | 'circular';
  id: string;
  meetingId: string | null;
  title: string;
  number: string | null;
  date: string;
  outcome: string;
  lands: string[];
  text: string;
  /** R-PRT-3: paragraphs of a session resolution not adopted, hence not in `text`. */
  notAdoptedParagraphs: string[];
  declarations: { land: string; text: string }[];
  /** R-PRT-3: the documents the resolution refers to, published with it ("Anlage 1"); `paragraphs` that refer to it, empty: the whole. */
  attachments: { label: string; title: string; text: string; paragraphs: string[] }[];
}

export interface Publications {
  protocols: { meetingId: string; title: string; date: string; place: string; publishedAt: string; withheldItems: number }[];
  resolutions: PublishedResolution[];
}

export async function publishedProtocol(service: BetweenService, meetingId: string): Promise<ResultsProtocolModel | null> {
  const wf = (await service.state('protocol', meetingId)).state;
  if (wf.status !== 'published') return null;
  const meeting = await service.meetingState(meetingId);
  return meeting ? publicationOf(buildResultsProtocol(meeting.state, meeting.events, service.profile, meeting.record), { publicNames: wf.publicNames }) : null;
}

export async function publications(service: BetweenService): Promise<Publications> {
  const out: Publications = { protocols: [], resolutions: [] };
  for (const { id, state: wf } of await service.list('protocol')) {
    const model = await publishedProtocol(service, id);
    if (!model) continue;
    out.protocols.push({ meetingId: id, title: model.title, date: model.date, place: model.place, publishedAt: wf.publishedAt!, withheldItems: model.withheldItems });
    for (const item of model.items) {
      if (item.kind !== 'proposal' || (item.outcome !== 'adopted' && item.outcome !== 'partlyAdopted')) continue;
      // R-PRT-3: the published version holds the adopted paragraphs only.
      out.resolutions.push({
        source: 'session', id: `${id}:${item.id}`, meetingId: id, title: item.title, number: item.number, date: model.date,
        outcome: item.outcome, lands: item.rapporteurs, text: item.paragraphs.map((p) => `${p.number}. ${p.text}`).join('\n'),
        notAdoptedParagraphs: item.notAdoptedParagraphs,
        declarations: item.declarations.map((d) => ({ land: d.land, text: d.text })),
        // publicationOf kept only the attachments of what was adopted, none barred.
        attachments: item.attachments.map(({ label, title, text, paragraphs }) => ({ label, title, text, paragraphs })),
      });
    }
  }
  for (const { id, state: s } of await service.list('circular')) {
    // R-CIR-2: every result is published, whatever it is (adopted, not adopted, ended by an objection).
    if (!s.publishedAt) continue;
    out.resolutions.push({
      source: 'circular', id, meetingId: null, title: s.title, number: null, date: (s.closedAt ?? s.publishedAt).slice(0, 10),
      outcome: s.status, lands: s.proposingLand ? [s.proposingLand] : [],
      text: [s.text, ...s.paragraphs.map((p) => `${p.number}. ${p.text}`)].join('\n'),
      notAdoptedParagraphs: [],
      declarations: s.declarations.map((d) => ({ land: d.land, text: d.text })),
      attachments: [],
    });
  }
  out.resolutions.sort((a, b) => b.date.localeCompare(a.date));
  return out;
}

export interface ArchiveQuery { q?: string; land?: string; from?: string; to?: string }

/** Archive search over published resolutions: words (all must occur), a Land (rapporteur or declaring), a date range. */
export function searchResolutions(list: PublishedResolution[], query: ArchiveQuery): PublishedResolution[] {
  const words = (query.q ?? '').toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
  return list.filter((r) => {
    const haystack = `${r.title}\n${r.text}\n${r.declarations.map((d) => d.text).join('\n')}\n${r.attachments.map((a) => `${a.label} ${a.title}`).join('\n')}`.toLocaleLowerCase('de');
    if (!words.every((w) => haystack.includes(w))) return false;
    if (query.land && !r.lands.includes(query.land) && !r.declarations.some((d) => d.land === query.land)) return false;
    if (query.from && r.date < query.from) return false;
    if (query.to && r.date > query.to) return false;
    return true;
  });
}

/** R-CIR-2: how a circular procedure ended, as the public page says it. */
const CIRCULAR_OUTCOME: Record<string, string> = { adopted: 'angenommen', rejected: 'nicht angenommen', objected: 'durch Widerspruch beendet' };

const esc = escapeHtml;

/** The public page: plain, accessible HTML (lang=de, landmarks, a labelled search form). */
export function publicationsPage(p: Publications, query: ArchiveQuery, found: PublishedResolution[], stylesheet: string | null = null): string {
  const lands = DMK_PROFILE.lands.map((l) => `<option value="${l.code}"${query.land === l.code ? ' selected' : ''}>${esc(l.name)}</option>`).join('');
  const landList = (codes: string[]) => codes.map((c) => (c === 'BUND' ? 'Bund' : esc(landName(DMK_PROFILE, c)))).join(', ');
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Veröffentlichungen – Digitalministerkonferenz</title>
<style>${PAGE_STYLE}</style>${stylesheet ? `<link rel="stylesheet" href="${esc(stylesheet)}">` : ''}</head>
<body class="server-page publications"><header><h1>Veröffentlichungen der Digital&shy;minister&shy;konferenz</h1>
<p>Genehmigte Ergebnisprotokolle und Beschlüsse (GO 3.2.4). Als Daten: <a href="/api/publications">JSON</a>.</p></header>
<main>
<section aria-labelledby="protocols"><h2 id="protocols">Ergebnisprotokolle</h2>
${p.protocols.length ? `<ul>${p.protocols.map((x) => `<li>${esc(x.title)}, ${esc(x.date)}, ${esc(x.place)}: <a href="/api/meetings/${encodeURIComponent(x.meetingId)}/protocol.pdf">PDF</a>, <a href="/api/meetings/${encodeURIComponent(x.meetingId)}/protocol.md">Text</a></li>`).join('')}</ul>` : '<p>Noch keine veröffentlichten Protokolle.</p>'}
</section>
<section aria-labelledby="archive"><h2 id="archive">Beschlussarchiv</h2>
<form method="get" action="/publications" role="search">
<label for="q">Suchbegriffe</label><input id="q" name="q" value="${esc(query.q ?? '')}">
<label for="land">Land</label><select id="land" name="land"><option value="">alle Länder</option>${lands}</select>
<label for="from">von (Datum)</label><input id="from" name="from" type="date" value="${esc(query.from ?? '')}">
<label for="to">bis (Datum)</label><input id="to" name="to" type="date" value="${esc(query.to ?? '')}">
<p><button type="submit">Suchen</button></p></form>
<p role="status">${found.length === 1 ? '1 Beschluss gefunden.' : `${found.length} Beschlüsse gefunden.`}</p>
${found.map((r) => `<article><h3>${esc(r.number ? `${r.number}: ` : '')}${esc(r.title)}</h3>
<p class="meta">${r.source === 'circular' ? `Umlaufverfahren, ${esc(CIRCULAR_OUTCOME[r.outcome] ?? r.outcome)}` : 'Sitzung'}, ${esc(r.date)}; ${landList(r.lands)}</p>
<pre>${esc(r.text)}</pre>${r.attachments.map((a) => `<details><summary>${esc(a.label)}: ${esc(a.title)}${a.paragraphs.length ? ` (zu Ziffer ${esc(a.paragraphs.join(', '))})` : ''}</summary><pre>${esc(a.text)}</pre></details>`).join('')}${r.notAdoptedParagraphs.length ? `<p class="meta">Nicht angenommen und daher nicht veröffentlicht: Ziffer ${esc(r.notAdoptedParagraphs.join(', '))}.</p>` : ''}${r.declarations.length ? `<h4>Protokollerklärungen</h4><ul>${r.declarations.map((d) => `<li>${landList([d.land])}: ${esc(d.text)}</li>`).join('')}</ul>` : ''}</article>`).join('')}
</section></main></body></html>`;
}
