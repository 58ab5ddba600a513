import type { DeciderContext } from '../decider.ts';
import type { Actor } from '../commands.ts';
import type { LandCode } from '../profile.ts';
import { violation, type RuleViolation } from '../violations.ts';
import type { CircularRosterEntry } from './schema.ts';
import type { AgendaSessionKind } from '../deadlines/agenda.ts';
import type { ChairDeviation } from '../chair.ts';

/**
 * Context of the between-sessions deciders that judge a Land's member or permanent deputy
 * (extraordinary requests, protocol objections, follow-up): the server passes the roster of the
 * chair period in force, as it passes the clock. The circular procedure instead freezes the
 * roster into its start event (see schema.ts).
 */
export type BetweenContext = DeciderContext & {
  roster?: readonly CircularRosterEntry[];
  /** The session a per-meeting stream belongs to (agenda record: R-AGD-6 differs by kind). */
  session?: { date: string; kind: AgendaSessionKind };
  /** R-CHR-3: the recorded deviations from the chair rotation, so the chair in force is derived with them. */
  chairDeviations?: readonly ChairDeviation[];
};

export function memberOrPermanentDeputy(
  roster: readonly CircularRosterEntry[] | undefined, actor: Actor, rule: string, land?: LandCode,
): CircularRosterEntry | RuleViolation {
  const entry = actor.participantId ? roster?.find((r) => r.participantId === actor.participantId) : undefined;
  if (!entry || (land !== undefined && entry.land !== land)) {
    return violation('circular.notMemberOrPermanentDeputy', rule, { participantId: actor.participantId, land: land ?? null });
  }
  return entry;
}

export const eventBy = (ctx: DeciderContext) => ({ at: ctx.now, by: { role: ctx.actor.role, participantId: ctx.actor.participantId } });
