import type { Request, Response, Router } from 'express';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import { isConferenceOffice } from '../auth/between-scope.ts';
import { NewInvitation, type Invitations } from '../auth/invitations.ts';
import { invitationRow } from '../http/routes.ts';
import type { Logger } from '../log.ts';
import { CONFERENCE_ID, type ConferenceSessions } from './sessions.ts';

const apiError = (res: Response, status: number, code: string, extra: Record<string, unknown> = {}) => res.status(status).json({ error: { code, ...extra } });

/**
 * GET /api/conference: the conference home (office and chair): every session with its chair,
 * R-AGD-6 deadlines, agenda, attendance, results and protocol status. Commands go to the
 * between-sessions route (POST /api/between/conference/dmk).
 *
 * Personal invitations for the whole conference (the conference's office only, i.e. an office
 * whose own invitation is conference-wide):
 *   GET    /api/conference/invitations               the list, with redemptions (F10) and the sessions each live link opens; never a secret
 *   POST   /api/conference/invitations               { role, participantId?, label } → 201 { id, url, token } | 409 invitation.exists
 *   GET    /api/conference/invitations/:id/link      the same link again → { id, url } | 404 invitation.notKept
 *   POST   /api/conference/invitations/:id/reissue   a new link; the old one is revoked → 201 { id, url, token, replaces }
 *   DELETE /api/invitations/:id                      revoke (the general route)
 *   GET    /api/conference/office-link               a meeting's office: { exists } (is there a live conference-wide office link?)
 *   POST   /api/conference/office-link               a meeting's office, while none exists: the conference-wide office link → 201 { id, url, token } | 409 invitation.exists
 */
export function mountConference(api: Router, deps: { conference: ConferenceSessions; invitations: Invitations; log: Logger; onRevoked: (invitationId: string) => void }) {
  const { invitations, log } = deps;
  const who = (req: Request) => invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));
  const conferenceOffice = async (req: Request, res: Response) => {
    const s = await who(req);
    if (!s.ok) { apiError(res, 401, s.code); return false; }
    if (s.invitation.role !== 'office' || s.invitation.scope !== 'conference') { apiError(res, 403, 'auth.forbidden'); return false; }
    return true;
  };
  const conferenceInvitation = async (id: string) => {
    const target = await invitations.get(id);
    return target?.scope === 'conference' ? target : null;
  };

  api.get('/conference', async (req, res) => {
    const s = await who(req);
    if (!s.ok) return res.status(401).json({ error: { code: s.code } });
    if (s.invitation.role !== 'office' && s.invitation.role !== 'chair') return res.status(403).json({ error: { code: 'auth.forbidden' } });
    return res.json(await deps.conference.home());
  });

  /**
   * A data folder from before conference invitations has offices of single meetings only: such an
   * office may issue the one conference-wide office link (then it is the conference's office that
   * runs the conference-wide procedures, F6). Once one exists, only that office issues links.
   */
  const meetingOffice = async (req: Request, res: Response) => {
    const s = await who(req);
    if (!s.ok) { apiError(res, 401, s.code); return false; }
    if (s.invitation.role !== 'office') { apiError(res, 403, 'auth.forbidden'); return false; }
    return true;
  };
  const liveConferenceOffice = async () => (await invitations.list(CONFERENCE_ID)).find(isConferenceOffice) ?? null;

  api.get('/conference/office-link', async (req, res) => {
    if (!(await meetingOffice(req, res))) return;
    res.json({ exists: (await liveConferenceOffice()) !== null });
  });

  api.post('/conference/office-link', async (req, res) => {
    if (!(await meetingOffice(req, res))) return;
    const existing = await liveConferenceOffice();
    if (existing) return apiError(res, 409, 'invitation.exists', { details: { id: existing.id } });
    const created = await invitations.createPersonal(CONFERENCE_ID, { role: 'office', participantId: null, label: 'Geschäftsstelle (konferenzweit)' });
    if ('error' in created) return apiError(res, 409, created.error, { details: { id: created.id } });
    log.info({ invitationId: created.id }, 'conference-wide office link created by a meeting office (data folder from before conference invitations)');
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(created);
  });

  api.get('/conference/invitations', async (req, res) => {
    if (!(await conferenceOffice(req, res))) return;
    const rows = (await invitations.list(CONFERENCE_ID)).filter((i) => i.scope === 'conference');
    // One link per person: the office sees which sessions each live link opens (a Land's working
    // level who is also its temporary deputy at the DMK enters both with the same link).
    res.json(await Promise.all(rows.map(async (i) => ({
      ...invitationRow(i),
      sessions: i.revokedAt ? [] : (await deps.conference.sessionsFor(i)).map(({ id, title, date }) => ({ id, title, date })),
    }))));
  });

  api.post('/conference/invitations', async (req, res) => {
    if (!(await conferenceOffice(req, res))) return;
    const body = NewInvitation.safeParse(req.body);
    if (!body.success) return apiError(res, 400, 'command.invalid');
    const created = await invitations.createPersonal(CONFERENCE_ID, body.data);
    if ('error' in created) return apiError(res, 409, created.error, { details: { id: created.id } });
    log.info({ invitationId: created.id, role: body.data.role }, 'conference invitation created');
    res.status(201).json(created);
  });

  api.get('/conference/invitations/:id/link', async (req, res) => {
    if (!(await conferenceOffice(req, res))) return;
    const shown = (await conferenceInvitation(req.params.id)) ? await invitations.show(req.params.id) : null;
    if (!shown) return apiError(res, 404, 'invitation.notKept');
    log.info({ invitationId: shown.id }, 'conference invitation shown again');
    res.setHeader('Cache-Control', 'no-store');
    res.json(shown);
  });

  api.post('/conference/invitations/:id/reissue', async (req, res) => {
    if (!(await conferenceOffice(req, res))) return;
    const old = await conferenceInvitation(req.params.id);
    const issued = old ? await invitations.reissue(old.id) : null;
    if (!old || !issued) return apiError(res, 404, 'auth.revoked');
    // The old link's sessions are told and disconnected, as on a revocation.
    deps.onRevoked(old.id);
    log.info({ invitationId: issued.id, replaces: old.id }, 'conference invitation reissued');
    res.status(201).json({ ...issued, replaces: old.id });
  });
}
