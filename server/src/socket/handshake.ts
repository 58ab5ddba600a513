import type { Config } from '../config.ts';
import type { Invitations } from '../auth/invitations.ts';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.ts';
import { TokenBucket } from './rate-limit.ts';
import { PersonLimits } from './person-limits.ts';
import type { PlenumSocket } from './types.ts';

/** A handshake refusal: the client sees `connect_error` with `err.message === code` and `err.data.code`. */
function refusal(code: string): Error {
  return Object.assign(new Error(code), { data: { code } });
}

/**
 * io.use: the origin first (a browser always sends Origin on WebSocket and cross-origin requests;
 * a foreign one is refused), then the cookie session. No cookie at all: a public follower, who may
 * only join a meeting while it is public (checked at meeting:join). The public page says so with
 * `auth: {public: true}`: it follows as 'public' whatever cookie the browser holds (another role's,
 * or a revoked one), because the URL says what it shows; declaring it only ever lowers the rights.
 */
export function handshake(config: Config, invitations: Invitations, limits: PersonLimits) {
  return async (socket: PlenumSocket, next: (err?: Error) => void) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin !== undefined && !config.allowedOrigins.includes(origin)) return next(refusal('auth.origin'));
      const bucket = new TokenBucket(config.rateLimit.perSecond, config.rateLimit.burst);
      const sessionId = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const asPublic = (socket.handshake.auth as { public?: unknown } | undefined)?.public === true;
      const address = socket.handshake.address;
      const admit = (sessionHash: string | null) => {
        const personKey = PersonLimits.personKey(sessionHash, address);
        const refused = limits.admit(personKey, address);
        if (!refused) socket.once('disconnect', () => limits.release(personKey, address));
        return { personKey, refused };
      };
      if (sessionId === null || asPublic) {
        const { personKey, refused } = admit(null);
        if (refused) return next(refusal(refused));
        socket.data = { actor: { role: 'public', participantId: null }, invitationId: null, meetingId: null, meetings: null, sessionHash: null, bucket, personKey };
        return next();
      }
      const check = await invitations.check(sessionId);
      if (!check.ok) return next(refusal(check.code));
      const { personKey, refused } = admit(check.sessionHash);
      if (refused) return next(refusal(refused));
      socket.data = {
        actor: check.actor, invitationId: check.invitation.id, meetings: check.meetings, sessionHash: check.sessionHash, bucket, personKey,
        meetingId: check.invitation.scope === 'meeting' ? check.invitation.meetingId : null,
      };
      return next();
    } catch {
      return next(refusal('internal.error'));
    }
  };
}
