import type express from 'express';
import type { Router } from 'express';
import type { RulesProfile } from '@plenum/shared';
import type { EventLog, MeetingDirectory } from '../store/event-log.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { Invitations } from '../auth/invitations.ts';
import type { Logger } from '../log.ts';
import type { ProtocolPdfRenderer } from '../protocol-pdf/pdf-renderer.ts';
import { BetweenService } from './service.ts';
import { BetweenScheduler } from './scheduler.ts';
import { mountBetween } from './routes.ts';
import { ConferenceSessions } from '../conference/sessions.ts';
import { mountConference } from '../conference/routes.ts';

export { BetweenService, BetweenScheduler, mountBetween };

/** Everything between sessions, wired once by app.ts: service, scheduler, routes. */
export function createBetween(deps: {
  events: EventLog; meetings: MeetingDirectory; registry: MeetingRegistry; invitations: () => Invitations; profile: RulesProfile; log: Logger; pdf: ProtocolPdfRenderer; clock?: () => Date; maxOverdueMs?: number;
  /** Tell the sockets of a revoked (or reissued) invitation, then disconnect them. */
  onRevoked?: (invitationId: string) => void;
}) {
  const service = new BetweenService(deps.events, deps.registry, deps.profile, deps.log, deps.clock);
  const scheduler = new BetweenScheduler(service, deps.log, deps.clock, deps.maxOverdueMs);
  const conference = new ConferenceSessions(service, deps.meetings, deps.registry, deps.log, deps.clock);
  return {
    service,
    scheduler,
    conference,
    /** After every append of a meeting: follow-up registration (R-FUP-1) and the conference's session status. */
    onMeetingAppended: (...args: Parameters<BetweenService['onMeetingAppended']>) => {
      service.onMeetingAppended(...args);
      conference.onMeetingAppended(args[0], args[1]);
    },
    mount: (app: express.Express, api: Router) => {
      mountConference(api, { conference, invitations: deps.invitations(), log: deps.log, onRevoked: deps.onRevoked ?? (() => {}) });
      mountBetween(app, api, { service, invitations: deps.invitations(), pdf: deps.pdf });
    },
  };
}
