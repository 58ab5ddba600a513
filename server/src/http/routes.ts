import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { landingSession, type EventEnvelope, type MeResponse, type PersonSession } from '@plenum/shared';
import type { Config } from '../config.ts';
import { NewInvitation, type Invitations } from '../auth/invitations.ts';
import { clearedSessionCookie, readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import type { Invitation } from '../store/invitation-store.ts';
import type { Metrics } from './metrics.ts';
import type { Logger } from '../log.ts';
import { securityHeaders } from './security-headers.ts';
import { mayReadMetrics } from './metrics-access.ts';
import { restLimits } from './rest-limits.ts';
import { mountRedemption } from './redeem-routes.ts';
import { conferenceOfficeExistsFor, runsConferenceProcedures } from '../auth/between-scope.ts';
import { CONFERENCE_ID } from '../conference/sessions.ts';

interface Deps {
  config: Config;
  /** The sessions an invitation opens, by date (for /api/me and its session switcher). */
  sessionsOf: (invitation: Invitation) => Promise<PersonSession[]>;
  /** Whether the store answers (for /healthz). */
  ping: () => Promise<boolean>;
  /** Fan-out between nodes (for /healthz): 'off' for one node. */
  fanout?: () => 'off' | 'ok' | 'degraded';
  /** A meeting's stored events, for the office's export. */
  meetingEvents: (meetingId: string) => Promise<EventEnvelope[]>;
  invitations: Invitations;
  metrics: Metrics;
  log: Logger;
  /** Tell the sockets of a revoked invitation, then disconnect them. */
  onRevoked: (invitationId: string) => void;
  /** Tell the sockets of a logged-out session, then disconnect them. */
  onLoggedOut?: (sessionHash: string) => void;
  /** The operator confirms the clock after a jump: held scheduled actions run. */
  confirmClock?: () => Promise<number>;
  /** Tell the other sessions of an invitation that it was just redeemed. */
  onRedeemed?: (invitationId: string, at: string) => void;
  /** More routes (between sessions: protocol downloads, circulars, publications), mounted before the fallbacks. */
  mount?: (app: express.Express, api: Router) => void;
}

const apiError = (res: Response, status: number, code: string) => res.status(status).json({ error: { code } });

/** What the office sees of an invitation (never its secret): F10 adds when and how often it was redeemed. */
export const invitationRow = ({ id, role, participantId, label, createdAt, revokedAt, scope, redemptions, firstRedeemedAt, lastRedeemedAt }: Invitation) =>
  ({ id, role, participantId, label, createdAt, revokedAt, scope, redemptions, firstRedeemedAt, lastRedeemedAt });

export function createHttpApp(deps: Deps): express.Express {
  const { config, invitations, metrics, log } = deps;
  const secure = config.publicUrl.startsWith('https:');
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(securityHeaders(config.publicUrl));
  app.use(['/api', '/i', '/publications'], ...restLimits(config.restPerMinute));

  mountRedemption(app, deps);

  app.get('/healthz', async (_req, res) => {
    const db = await deps.ping().catch(() => false);
    const fanout = deps.fanout?.() ?? 'off';
    // Redis away is 'degraded', not down: commands still commit and this node's clients are served,
    // so a load balancer keeps sending them here (200); without the database nothing commits (503).
    const status = !db ? 'down' : fanout === 'degraded' ? 'degraded' : 'ok';
    res.status(db ? 200 : 503).json({ ok: db, db, fanout, status });
  });
  // Live counters tell when votes happen, even in a non-public session: not for outsiders.
  app.get('/metrics', (req, res) => {
    if (!mayReadMetrics(req, config.metricsToken)) return res.status(404).type('text/plain').send('Not found');
    res.type('text/plain').send(metrics.text());
  });

  // Operator actions: the same access as /metrics (this machine, or the bearer of METRICS_TOKEN).
  app.post('/operator/confirm-clock', async (req, res) => {
    if (!mayReadMetrics(req, config.metricsToken) || !deps.confirmClock) return res.status(404).type('text/plain').send('Not found');
    res.json({ fired: await deps.confirmClock() });
  });

  const api: Router = express.Router();
  api.use(express.json({ limit: '64kb' }));
  // State-changing requests from a browser must come from our own origin (SameSite=Strict is the first guard).
  api.use((req, res, next) => {
    const origin = req.headers.origin;
    if (req.method !== 'GET' && origin !== undefined && !config.allowedOrigins.includes(origin)) return apiError(res, 403, 'auth.origin');
    next();
  });

  const session = async (req: Request) => invitations.check(readCookie(req.headers.cookie, SESSION_COOKIE));
  /** An office whose invitation opens the given meeting (its own, or every session with a conference invitation). */
  const office = async (req: Request, res: Response, meetingId: string | null): Promise<Invitation | null> => {
    const s = await session(req);
    if (!s.ok) { apiError(res, 401, s.code); return null; }
    if (s.invitation.role !== 'office' || (meetingId !== null && !(await s.meetings()).has(meetingId))) {
      apiError(res, 403, 'auth.forbidden');
      return null;
    }
    return s.invitation;
  };

  api.get('/me', async (req, res) => {
    const s = await session(req);
    if (!s.ok) return apiError(res, 401, s.code);
    const sessions = await deps.sessionsOf(s.invitation);
    const meetingId = s.invitation.scope === 'meeting' ? s.invitation.meetingId : landingSession(sessions)?.id;
    // A conference invitation whose person holds a role in no session (yet): nothing to open.
    if (!meetingId) return apiError(res, 403, 'auth.forbidden');
    // The same rule as POST /api/between (F6): a meeting's office runs the conference-wide procedures only where no conference office exists.
    const conferenceOfficeExists = await conferenceOfficeExistsFor(s.invitation, () => invitations.list(CONFERENCE_ID));
    const me: MeResponse = {
      role: s.invitation.role, participantId: s.invitation.participantId, meetingId, label: s.invitation.label, scope: s.invitation.scope, sessions,
      runsConferenceProcedures: runsConferenceProcedures(s.invitation, conferenceOfficeExists),
    };
    res.json(me);
  });

  api.post('/logout', async (req, res) => {
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (sessionId) deps.onLoggedOut?.(await invitations.logout(sessionId));
    res.setHeader('Set-Cookie', clearedSessionCookie(secure));
    res.status(204).end();
  });

  api.get('/meetings/:id/invitations', async (req, res) => {
    if (!(await office(req, res, req.params.id))) return;
    const list = await invitations.list(req.params.id);
    res.json(list.filter((i) => i.scope === 'meeting').map(invitationRow));
  });

  api.post('/meetings/:id/invitations', async (req, res) => {
    if (!(await office(req, res, req.params.id))) return;
    const body = NewInvitation.safeParse(req.body);
    if (!body.success) return apiError(res, 400, 'command.invalid');
    const created = await invitations.create(req.params.id, body.data);
    log.info({ invitationId: created.id, role: body.data.role }, 'invitation created');
    // The secret is shown once, in this answer only.
    res.status(201).json(created);
  });

  api.delete('/invitations/:id', async (req, res) => {
    const target = await invitations.get(req.params.id);
    // A conference invitation: the conference's office (its own invitation is conference-wide).
    const by = await office(req, res, target?.scope === 'meeting' ? target.meetingId : null);
    if (!by) return;
    if (!target) return apiError(res, 404, 'auth.forbidden');
    if (target.scope === 'conference' && by.scope !== 'conference') return apiError(res, 403, 'auth.forbidden');
    await invitations.revoke(target.id);
    log.info({ invitationId: target.id }, 'invitation revoked');
    deps.onRevoked(target.id);
    const after = await invitations.get(target.id);
    res.json({ id: target.id, revokedAt: after?.revokedAt ?? null });
  });

  api.get('/meetings/:id/export', async (req, res) => {
    if (!(await office(req, res, req.params.id))) return;
    res.json({ meetingId: req.params.id, events: await deps.meetingEvents(req.params.id) });
  });

  deps.mount?.(app, api);
  api.use((_req, res) => apiError(res, 404, 'command.unknown'));
  app.use('/api', api);

  // The built client, with the SPA fallback (Express 5 wildcard syntax).
  const clientDir = resolve(config.clientDir);
  const index = join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false }));
  app.get('/{*splat}', (_req, res) => {
    if (existsSync(index)) return res.sendFile(index);
    res.status(404).type('text/plain').send('Client not built: run npm run build');
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) log.error({ err }, 'http error');
    if (status === 413) return apiError(res, 413, 'message.tooLarge');
    if (status === 400) return apiError(res, 400, 'command.invalid');
    apiError(res, status, 'internal.error');
  });
  return app;
}
