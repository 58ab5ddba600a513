import express, { type Request, type Response, type Router } from 'express';
import type { Server } from 'socket.io';
import { berlinDate, bracketPaperMarkdown, bracketPaperOf, upcomingDmkSessions, type Actor, type ProtocolLang, type ConferenceState, type DraftState, type ErrorPayload, type MeetingState } from '@plenum/shared';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { Invitations } from '../auth/invitations.ts';
import type { Logger } from '../log.ts';
import { agendaCommandFor } from './agenda.ts';
import { mountArbeitsgremium } from './arbeitsgremium.ts';
import { bracketPaperDocx } from './docx.ts';
import { IMPORT_LIMITS, paragraphsFromDocx, paragraphsFromText } from './import.ts';
import { broadcastDraftChange } from './live.ts';
import { PdfUnavailable, type ProtocolPdfRenderer } from '../protocol-pdf/pdf-renderer.ts';

export type DraftKind = 'draft' | 'assignment';
type Outcome = { data: { seq: number; events: unknown[]; state: unknown; duplicate?: boolean } } | { error: ErrorPayload };
type Typed = { type: string };

/** What the draft routes need from the server: the stream pipeline, the meetings, the sockets. */
export interface DraftDeps {
  invitations: Invitations;
  execute(kind: DraftKind, id: string, command: unknown, actor: Actor, key?: string): Promise<Outcome>;
  state(kind: DraftKind, id: string): Promise<{ seq: number; state: unknown }>;
  meetingState(meetingId: string): Promise<MeetingState | null>;
  meetingCommand(meetingId: string, command: unknown, actor: Actor, key: string): Promise<{ data: unknown } | { error: ErrorPayload }>;
  io(): Server | null;
  log: Logger;
  /** The conference: the sessions a version may go to (R-AGR-3) and an Arbeitsgremium meeting proposes for. */
  conference(): Promise<ConferenceState>;
  now(): Date;
  /** The PDF worker (with its time limit and cache). */
  pdf: Pick<ProtocolPdfRenderer, 'renderPaper'>;
}

const PARTICIPANT_ROLES = new Set<Actor['role']>(['office', 'chair', 'delegate']);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const apiError = (res: Response, status: number, code: string, extra: Record<string, unknown> = {}) => res.status(status).json({ error: { code, ...extra } });
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Drafts of the Arbeitsgremium over HTTP (mounted before the generic between-sessions routes,
 * whose GETs serve drafts as any stream kind):
 *   POST /api/between/draft/:id        { command, key? } → { data: { seq, events, state, duplicate } } | { error }
 *   POST /api/between/assignment/:id   the same for working-group assignments (R-AGR-4)
 *   GET  /api/drafts/:id/paper.(docx|pdf|md)?version=N&lang=de|en   the bracket paper (current text without N; German by default; the PDF in the worker)
 *   POST /api/drafts/import            a DOCX or text/plain body → { data: { paragraphs } }
 *   POST /api/arbeitsgremium/:meetingId/conclude   the end of an Arbeitsgremium meeting (arbeitsgremium.ts)
 * Every accepted change goes to all watching sockets ('draft:changed'); a version put on the
 * agenda (R-AGR-3) becomes the meeting item's text through the meeting's own pipeline.
 */
export function mountDrafts(api: Router, deps: DraftDeps) {
  mountArbeitsgremium(api, deps);
  const who = async (req: Request) => deps.invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));

  for (const kind of ['draft', 'assignment'] as const) {
    api.post(`/between/${kind}/:id`, async (req, res) => {
      const id = String(req.params.id);
      if (!ID.test(id)) return apiError(res, 400, 'command.invalid');
      const s = await who(req);
      if (!s.ok) return apiError(res, 401, s.code);
      if (!PARTICIPANT_ROLES.has(s.invitation.role)) return apiError(res, 403, 'auth.forbidden');
      if (typeof req.body !== 'object' || req.body === null) return apiError(res, 400, 'command.invalid');
      const body = req.body as { command?: unknown; key?: unknown };
      const key = req.get('idempotency-key') ?? body.key;
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(key))) return apiError(res, 400, 'command.invalid', { details: { path: 'key' } });
      const command = body.command as { type?: unknown; meetingId?: unknown } | undefined;
      // R-AGR-3: the office puts a version on the agenda of an upcoming DMK session of the conference (or of the one meeting its invitation is for).
      const ownMeeting = s.invitation.scope === 'meeting' && command?.meetingId === s.invitation.meetingId;
      if (command?.type === 'putVersionOnAgenda' && !ownMeeting) {
        const upcoming = upcomingDmkSessions(await deps.conference(), berlinDate(deps.now()));
        if (!upcoming.some((x) => x.id === command.meetingId)) return apiError(res, 409, 'draft.targetNotUpcoming', { rule: 'R-AGR-3' });
      }
      const outcome = await deps.execute(kind, id, body.command, s.actor, key);
      if ('error' in outcome) return res.status(statusOf(outcome.error.code)).json(outcome);
      const { data } = outcome;
      const events = data.events as Typed[];
      if (events.length > 0 && !data.duplicate) {
        broadcastDraftChange(deps.io(), { kind, id, seq: data.seq, state: data.state, types: events.map((e) => e.type) });
        const agenda = kind === 'draft' ? await putOnAgenda(deps, id, data.state as DraftState, events, s.actor, data.seq) : null;
        if (agenda && 'error' in agenda) return res.json({ ...outcome, agenda });
      }
      return res.json(outcome);
    });
  }

  api.get('/drafts/:id/paper.:format', async (req, res) => {
    const format = String(req.params.format);
    if (!['docx', 'pdf', 'md'].includes(format)) return apiError(res, 404, 'command.unknown');
    // The labels follow the asked language; German, the ministries' language, by default.
    if (req.query.lang !== undefined && req.query.lang !== 'de' && req.query.lang !== 'en') return apiError(res, 400, 'command.invalid');
    const lang: ProtocolLang = req.query.lang === 'en' ? 'en' : 'de';
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    if (!PARTICIPANT_ROLES.has(s.invitation.role)) return apiError(res, 403, 'auth.forbidden');
    const id = String(req.params.id);
    if (!ID.test(id)) return apiError(res, 400, 'command.invalid');
    const { seq, state } = await deps.state('draft', id);
    if (seq === 0) return apiError(res, 404, 'stream.unknown');
    const version = req.query.version === undefined ? undefined : Number(req.query.version);
    if (version !== undefined && !Number.isInteger(version)) return apiError(res, 400, 'command.invalid');
    const paper = bracketPaperOf(state as DraftState, version, undefined, lang);
    if (!paper) return apiError(res, 404, 'draft.versionUnknown');
    const name = `${lang === 'en' ? 'bracket-paper' : 'klammerpapier'}-${id}${version ? `-v${version}` : ''}`;
    if (format === 'md') return res.type('text/markdown; charset=utf-8').send(bracketPaperMarkdown(paper));
    res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
    if (format === 'docx') return res.type(DOCX_TYPE).send(await bracketPaperDocx(paper));
    let pdf: Buffer;
    try {
      pdf = await deps.pdf.renderPaper(paper);
    } catch (err) {
      if (err instanceof PdfUnavailable) return apiError(res, 503, err.code);
      throw err;
    }
    return res.type('application/pdf').send(pdf);
  });

  api.post('/drafts/import', express.raw({ type: [DOCX_TYPE, 'text/plain'], limit: IMPORT_LIMITS.bytes }), async (req, res) => {
    const s = await who(req);
    if (!s.ok) return apiError(res, 401, s.code);
    if (!PARTICIPANT_ROLES.has(s.invitation.role)) return apiError(res, 403, 'auth.forbidden');
    if (!Buffer.isBuffer(req.body)) return apiError(res, 400, 'draft.importInvalid');
    const paragraphs = req.is(DOCX_TYPE) ? await paragraphsFromDocx(req.body) : paragraphsFromText(req.body.toString('utf8'));
    if (!paragraphs) return apiError(res, 400, 'draft.importInvalid');
    return res.json({ data: { paragraphs } });
  });
}

/** R-AGR-3: the version's text onto the meeting's agenda, once per event (the key makes a retry a repeat). */
async function putOnAgenda(deps: DraftDeps, id: string, draft: DraftState, events: Typed[], actor: Actor, seq: number) {
  const put = events.find((e) => e.type === 'VersionPutOnAgenda') as (Typed & { version: number; meetingId: string; itemId: string }) | undefined;
  if (!put) return null;
  const meeting = await deps.meetingState(put.meetingId);
  const command = meeting ? agendaCommandFor(meeting, draft, put.version, put.itemId) : null;
  if (!command) return { error: { code: 'session.notScheduled' } as ErrorPayload };
  const ack = await deps.meetingCommand(put.meetingId, command, actor, `draft-agenda.${id}.${seq}`);
  if ('error' in ack) deps.log.warn({ draft: id, error: ack.error }, 'draft version not put on the agenda');
  return ack;
}

function statusOf(code: string): number {
  if (code === 'command.invalid' || code === 'command.unknown') return 400;
  if (code.startsWith('auth.')) return 403;
  if (code === 'idempotency.keyReused') return 422;
  return 409;
}
