import type { Router } from 'express';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { Invitations } from '../auth/invitations.ts';
import type { ConferenceSessions } from './sessions.ts';

/**
 * GET /api/conference: the conference home (office and chair): every session with its chair,
 * R-AGD-6 deadlines, agenda, attendance, results and protocol status. Commands go to the
 * between-sessions route (POST /api/between/conference/dmk).
 */
export function mountConference(api: Router, deps: { conference: ConferenceSessions; invitations: Invitations }) {
  api.get('/conference', async (req, res) => {
    const s = await deps.invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!s.ok) return res.status(401).json({ error: { code: s.code } });
    if (s.invitation.role !== 'office' && s.invitation.role !== 'chair') return res.status(403).json({ error: { code: 'auth.forbidden' } });
    return res.json(await deps.conference.home());
  });
}
