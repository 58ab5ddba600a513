import type { FollowUpState } from './followUp.ts';
import { endOfBerlinDay } from '../calendar/berlinTime.ts';

/**
 * Follow-up readings the browser shows, in a zod-free module (followUp.ts builds its schemas at
 * load, which would put zod into the client bundle). followUp.ts re-exports them.
 */
export type ImplementationStatusValue = 'open' | 'inProgress' | 'done';

/** R-FUP-1: the latest implementation status of a resolution (open until recorded). */
export function implementationStatus(s: FollowUpState, resolutionId: string): ImplementationStatusValue {
  return s.resolutions[resolutionId]?.implementation.at(-1)?.status ?? 'open';
}

/** R-FUP-2: a working group not closed by the end of its deadline day (Berlin) is overdue. */
export function workingGroupOverdue(g: FollowUpState['workingGroups'][string], now: string): boolean {
  return g.closedAt === null && Date.parse(now) > Date.parse(endOfBerlinDay(g.deadline));
}
