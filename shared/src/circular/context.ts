import type { Actor, DecideContext } from '../context.ts';
import type { LandCode } from '../profile.ts';
import { violation, type RuleViolation } from '../violations.ts';
import type { CircularRosterEntry } from './schema.ts';

/**
 * The between-sessions deciders that judge a Land's member or permanent deputy (extraordinary
 * requests, protocol objections, follow-up) find them in `ctx.roster`. The circular procedure
 * instead freezes the roster into its start event (see schema.ts).
 */
export function memberOrPermanentDeputy(
  roster: readonly CircularRosterEntry[] | undefined, actor: Actor, rule: string, land?: LandCode,
): CircularRosterEntry | RuleViolation {
  const entry = actor.participantId ? roster?.find((r) => r.participantId === actor.participantId) : undefined;
  if (!entry || (land !== undefined && entry.land !== land)) {
    return violation('circular.notMemberOrPermanentDeputy', rule, { participantId: actor.participantId, land: land ?? null });
  }
  return entry;
}

export const eventBy = (ctx: DecideContext) => ({ at: ctx.now, by: { role: ctx.actor.role, participantId: ctx.actor.participantId } });
