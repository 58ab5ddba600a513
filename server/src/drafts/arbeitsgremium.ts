import type { Router } from 'express';
import { z } from 'zod';
import {
  berlinDate, formatDate, openBrackets, upcomingDmkSessions, type Actor, type DraftState, type ErrorPayload, type ProposedDraft,
} from '@plenum/shared';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import { broadcastDraftChange } from './live.ts';
import type { DraftDeps } from './routes.ts';

const SYSTEM: Actor = { role: 'system', participantId: null };
const ConcludeBody = z.strictObject({
  drafts: z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)).min(1).max(50),
  targetSessionId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
});
const apiError = (code: string, status: number, details?: Record<string, unknown>) => ({ status, error: { code, ...(details ? { details } : {}) } as ErrorPayload });

/**
 * R-AGR-1/2: the end of a meeting of the Arbeitsgremium.
 *   POST /api/arbeitsgremium/:meetingId/conclude { drafts: [draftId…], targetSessionId }
 *     → { data: { proposal: { targetSessionId, drafts: [{ draftId, title, version, openBrackets }] } } } | { error }
 * The meeting's chair (or the office) ends it with a new version of each draft it deliberated, cut
 * on the draft's own stream, and the proposal of those versions for the agenda of the next DMK
 * session, recorded in the meeting's log as the system (the numbers come from the drafts, not the
 * client). Fixed idempotency keys per meeting and draft: a retry repeats nothing.
 */
export function mountArbeitsgremium(api: Router, deps: DraftDeps) {
  api.post('/arbeitsgremium/:meetingId/conclude', async (req, res) => {
    const meetingId = String(req.params.meetingId);
    const s = await deps.invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!s.ok) return res.status(401).json({ error: { code: s.code } });
    const role = s.invitation.role;
    // The chair of this meeting (its invitation opens it) or the office.
    if (!(role === 'office' || (role === 'chair' && (await s.meetings()).has(meetingId)))) return res.status(403).json({ error: { code: 'auth.forbidden', rule: 'R-AGR-1' } });
    const body = ConcludeBody.safeParse(req.body);
    if (!body.success) return res.status(400).json({ error: { code: 'command.invalid' } });
    const outcome = await conclude(deps, meetingId, body.data, s.actor);
    if ('error' in outcome) return res.status(outcome.status).json({ error: outcome.error });
    return res.json({ data: { proposal: outcome.proposal } });
  });
}

async function conclude(
  deps: DraftDeps, meetingId: string,
  body: z.infer<typeof ConcludeBody>, actor: Actor,
): Promise<{ proposal: { targetSessionId: string; drafts: ProposedDraft[] } } | { status: number; error: ErrorPayload }> {
  const meeting = await deps.meetingState(meetingId);
  const session = meeting?.session;
  if (!session) return apiError('session.notScheduled', 404);
  if (session.kind !== 'arbeitsgremium') return apiError('session.notArbeitsgremium', 409);
  if (session.status !== 'open') return apiError('session.notOpen', 409);
  const targets = upcomingDmkSessions(await deps.conference(), berlinDate(deps.now()));
  if (!targets.some((t) => t.id === body.targetSessionId)) return apiError('draft.targetNotUpcoming', 409, { sessionId: body.targetSessionId });
  for (const id of body.drafts) if ((await deps.state('draft', id)).seq === 0) return apiError('stream.unknown', 404, { draftId: id });
  const drafts: ProposedDraft[] = [];
  for (const id of body.drafts) {
    const cut = await deps.execute('draft', id, { type: 'cutVersion', note: `Sitzung des Arbeitsgremiums vom ${formatDate(session.date, 'de')}` }, actor, `ag.${meetingId}.${id}.version`.slice(0, 128));
    if ('error' in cut) return { status: 409, error: cut.error };
    const state = cut.data.state as DraftState;
    if (!cut.data.duplicate) broadcastDraftChange(deps.io(), { kind: 'draft', id, seq: cut.data.seq, state, types: ['VersionCut'] });
    const version = (cut.data.events as { type: string; version?: { number: number; openBrackets: unknown[] } }[]).find((e) => e.type === 'VersionCut')?.version;
    drafts.push({
      draftId: id, title: state.title, version: version?.number ?? state.versions.length,
      openBrackets: version?.openBrackets.length ?? openBrackets(state).length,
    });
  }
  const proposal = { targetSessionId: body.targetSessionId, drafts };
  const recorded = await deps.meetingCommand(meetingId, { type: 'recordAgendaProposal', ...proposal }, SYSTEM, `ag.${meetingId}.proposal`.slice(0, 128));
  if ('error' in recorded) return { status: 409, error: recorded.error };
  return { proposal };
}
