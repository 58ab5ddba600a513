import express, { type Request, type Response, type Router } from 'express';
import {
  buildResultsProtocol, renderProtocolJson, renderProtocolMarkdown, type ProtocolLang,
} from '@plenum/shared';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { Invitations } from '../auth/invitations.ts';
import { PdfUnavailable, type ProtocolPdfRenderer } from '../protocol-pdf/pdf-renderer.ts';
import { isStreamKind } from './kinds.ts';
import { conferenceOfficeExistsFor, mayActOnStream, mayListStreams, mayReadStream, mayUseStream } from '../auth/between-scope.ts';
import { CONFERENCE_ID } from '../conference/sessions.ts';
import type { BetweenService } from './service.ts';
import { clientStylesheet } from '../http/client-stylesheet.ts';
import { publications, publicationsPage, publishedProtocol, searchResolutions, type ArchiveQuery } from './publications.ts';

const apiError = (res: Response, status: number, code: string, extra: Record<string, unknown> = {}) => res.status(status).json({ error: { code, ...extra } });

/**
 * Between-sessions HTTP surface, mounted into the API router and the app before their fallbacks:
 *   GET  /api/meetings/:id/protocol.(pdf|md|json)?lang=de|en   (R-PRT-1; public once published, R-PRT-3)
 *   GET  /api/between/:kind            list (circular, protocol, extraordinary, followup)
 *   GET  /api/between/:kind/:id        one procedure's state
 *   POST /api/between/:kind/:id        { command, key? } (or header Idempotency-Key) → { data: { events, state, duplicate } } | { error }
 *   GET  /api/meetings/:id/deadlines   R-AGD-6 and R-PRT-2 deadlines (kinds: circular, protocol, extraordinary, followup, agenda)
 *   GET  /api/publications?q&land&from&to  and the page /publications
 */
export function mountBetween(app: express.Express, api: Router, deps: { service: BetweenService; invitations: Invitations; pdf: ProtocolPdfRenderer }) {
  const { service, invitations } = deps;
  const who = async (req: Request) => invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));

  api.get('/meetings/:id/protocol.:format', async (req, res) => {
    const format = String(req.params.format);
    if (!['pdf', 'md', 'json'].includes(format)) return apiError(res, 404, 'command.unknown');
    const lang: ProtocolLang = req.query.lang === 'en' ? 'en' : 'de';
    const meetingId = String(req.params.id);
    const s = await who(req);
    const insider = s.ok && mayUseStream(s.invitation, await s.meetings(), 'protocol', meetingId);
    let model;
    if (insider) {
      const meeting = await service.meetingState(meetingId);
      if (!meeting?.state.session) return apiError(res, 404, 'session.notScheduled');
      model = buildResultsProtocol(meeting.state, meeting.events, service.profile, meeting.record);
    } else {
      model = await publishedProtocol(service, meetingId);
      if (!model) return s.ok ? apiError(res, 403, 'auth.forbidden') : apiError(res, 401, 'auth.required');
    }
    const name = `ergebnisprotokoll-${meetingId}-${lang}`;
    if (format === 'json') return res.type('application/json').send(renderProtocolJson(model));
    if (format === 'md') return res.type('text/markdown; charset=utf-8').send(renderProtocolMarkdown(model, lang, service.profile));
    let pdf: Buffer;
    try {
      pdf = await deps.pdf.render(model, lang, service.profile);
    } catch (err) {
      if (err instanceof PdfUnavailable) return apiError(res, 503, err.code);
      throw err;
    }
    res.setHeader('Content-Disposition', `inline; filename="${name}.pdf"`);
    return res.type('application/pdf').send(pdf);
  });

  // R-AGD-6 / R-PRT-2: the meeting's deadlines with met / missed / pending, at the server's clock.
  api.get('/meetings/:id/deadlines', async (req, res) => {
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    if (!mayUseStream(s.invitation, await s.meetings(), 'agenda', String(req.params.id))) return apiError(res, 403, 'auth.forbidden');
    const deadlines = await service.deadlines(String(req.params.id));
    if (!deadlines) return apiError(res, 404, 'session.notScheduled');
    return res.json(deadlines);
  });

  api.get('/publications', async (req, res) => {
    const all = await publications(service);
    const query = archiveQuery(req);
    res.json({ protocols: all.protocols, resolutions: searchResolutions(all.resolutions, query) });
  });

  api.get('/between/:kind', async (req, res) => {
    const kind = String(req.params.kind);
    if (!isStreamKind(kind)) return apiError(res, 404, 'command.unknown');
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    if (!mayListStreams(s.invitation, kind)) return apiError(res, 403, 'auth.forbidden');
    // R-FUP-1: the follow-up record is internal: participants only, never on the public surface.
    const meetings = await s.meetings();
    res.json((await service.list(kind)).filter(({ id }) => mayReadStream(s.invitation, meetings, kind, id)).map(({ id, seq, state }) => ({ id, seq, state })));
  });

  api.get('/between/:kind/:id', async (req, res) => {
    const kind = String(req.params.kind);
    if (!isStreamKind(kind)) return apiError(res, 404, 'command.unknown');
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    if (!mayReadStream(s.invitation, await s.meetings(), kind, String(req.params.id))) return apiError(res, 403, 'auth.forbidden');
    const found = await service.state(kind, String(req.params.id));
    if (found.seq === 0) return apiError(res, 404, 'stream.unknown');
    res.json(found);
  });

  api.post('/between/:kind/:id', async (req, res) => {
    const kind = String(req.params.kind);
    if (!isStreamKind(kind)) return apiError(res, 404, 'command.unknown');
    const id = String(req.params.id);
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) return apiError(res, 400, 'command.invalid');
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    const conferenceOffice = await conferenceOfficeExistsFor(s.invitation, () => invitations.list(CONFERENCE_ID));
    if (!mayActOnStream(s.invitation, await s.meetings(), kind, id, conferenceOffice)) return apiError(res, 403, 'auth.forbidden');
    // Idempotency (like the socket commands): header `Idempotency-Key` or body field `key`.
    // No body, or not JSON (express.json leaves req.body undefined): a malformed request, not a rule refusal.
    if (typeof req.body !== 'object' || req.body === null) return apiError(res, 400, 'command.invalid');
    const body = req.body as { command?: unknown; key?: unknown };
    const key = req.get('idempotency-key') ?? body.key;
    if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(key))) return apiError(res, 400, 'command.invalid', { details: { path: 'key' } });
    const outcome = await service.execute(kind, id, body.command, s.actor, key);
    if ('error' in outcome) return res.status(statusOf(outcome.error.code)).json(outcome);
    return res.json(outcome);
  });

  app.get('/publications', async (req, res) => {
    const all = await publications(service);
    const query = archiveQuery(req);
    res.type('text/html; charset=utf-8').send(publicationsPage(all, query, searchResolutions(all.resolutions, query), clientStylesheet()));
  });
}

/** 400 for a command the decider cannot parse, 403 for auth, 422 for a reused key, 409 for a rule refusal. */
function statusOf(code: string): number {
  if (code === 'command.invalid' || code === 'command.unknown') return 400;
  if (code.startsWith('auth.')) return 403;
  if (code === 'idempotency.keyReused') return 422;
  return 409;
}

function archiveQuery(req: Request): ArchiveQuery {
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const land = str(req.query.land);
  return { q: str(req.query.q), land: land && /^[A-Z]{2}$/.test(land) ? land : undefined, from: date(req.query.from), to: date(req.query.to) };
}
