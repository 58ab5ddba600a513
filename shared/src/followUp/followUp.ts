import { z } from 'zod';
import { ActorRole, type DecideContext } from '../context.ts';
import { Id, IsoDate, IsoTime, LongText, ShortText } from '../model.ts';
import { LandCode } from '../profile.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { own } from '../record.ts';
import { eventBy, memberOrPermanentDeputy } from '../circular/context.ts';
import { parseBetweenCommand } from '../circular/parse.ts';

/**
 * R-FUP-1 (GO 6): the lead proposing Land ("das jeweils federführend antragstellende Land", R-AGD-1)
 * tracks the implementation of an adopted resolution; the record is internal (never published).
 * `leadLand` is one of the proposing Länder; a registration without one (older logs) reads the
 * first proposing Land as the lead. R-FUP-2 (GO 7): working groups set up by decision, with a
 * chair Land and an assignment with a binding deadline; they end when the assignment is done.
 * One stream for the conference. Adopted resolutions are registered by the server (actor
 * 'system') when a vote or circular procedure adopts them, so the decider stays pure.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });
export const ImplementationStatus = z.enum(['open', 'inProgress', 'done']);
export const FollowUpCommandSchema = z.discriminatedUnion('type', [
  cmd('registerAdoptedResolution', {
    resolutionId: Id, title: ShortText, proposingLands: z.array(LandCode).min(1).max(16), leadLand: LandCode.optional(), adoptedAt: IsoTime, source: ShortText,
  }),
  cmd('recordImplementation', { resolutionId: Id, status: ImplementationStatus, note: LongText.optional() }),
  cmd('setUpWorkingGroup', {
    groupId: Id.optional(), name: ShortText, chairLand: LandCode, assignment: LongText, deadline: IsoDate,
    /** The decision that set it up (R-FUP-2), e.g. "1. DMK, TOP 6". */
    decision: ShortText,
  }),
  cmd('closeWorkingGroup', { groupId: Id, report: LongText.optional() }),
]);

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });
export const FollowUpEventSchema = z.discriminatedUnion('type', [
  ev('AdoptedResolutionRegistered', { resolutionId: Id, title: ShortText, proposingLands: z.array(LandCode), leadLand: LandCode.optional(), adoptedAt: IsoTime, source: ShortText }),
  ev('ImplementationRecorded', { resolutionId: Id, land: LandCode, status: ImplementationStatus, note: LongText.nullable() }),
  ev('WorkingGroupSetUp', { groupId: Id, name: ShortText, chairLand: LandCode, assignment: LongText, deadline: IsoDate, decision: ShortText }),
  ev('WorkingGroupClosed', { groupId: Id, report: LongText.nullable() }),
]);
export type FollowUpEvent = z.infer<typeof FollowUpEventSchema>;

export interface FollowUpState {
  resolutions: Record<string, {
    title: string; proposingLands: LandCode[]; leadLand: LandCode; adoptedAt: string; source: string;
    implementation: { land: LandCode; status: z.infer<typeof ImplementationStatus>; note: string | null; at: string }[];
  }>;
  workingGroups: Record<string, {
    name: string; chairLand: LandCode; assignment: string; deadline: string; decision: string; setUpAt: string;
    closedAt: string | null; report: string | null;
  }>;
}
export const initialFollowUpState = (): FollowUpState => ({ resolutions: {}, workingGroups: {} });

export function evolveFollowUp(s: FollowUpState, e: FollowUpEvent): FollowUpState {
  switch (e.type) {
    case 'AdoptedResolutionRegistered':
      return {
        ...s,
        resolutions: {
          ...s.resolutions,
          [e.resolutionId]: {
            title: e.title, proposingLands: e.proposingLands, leadLand: e.leadLand ?? e.proposingLands[0], adoptedAt: e.adoptedAt, source: e.source, implementation: [],
          },
        },
      };
    case 'ImplementationRecorded': {
      const r = s.resolutions[e.resolutionId];
      if (!r) return s;
      return { ...s, resolutions: { ...s.resolutions, [e.resolutionId]: { ...r, implementation: [...r.implementation, { land: e.land, status: e.status, note: e.note, at: e.at }] } } };
    }
    case 'WorkingGroupSetUp':
      return { ...s, workingGroups: { ...s.workingGroups, [e.groupId]: { name: e.name, chairLand: e.chairLand, assignment: e.assignment, deadline: e.deadline, decision: e.decision, setUpAt: e.at, closedAt: null, report: null } } };
    case 'WorkingGroupClosed': {
      const g = s.workingGroups[e.groupId];
      return g ? { ...s, workingGroups: { ...s.workingGroups, [e.groupId]: { ...g, closedAt: e.at, report: e.report } } } : s;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

// Pure readings for the browser live in a zod-free module.
export { implementationStatus, workingGroupOverdue } from './status.ts';

export type FollowUpDecideResult = { ok: true; events: FollowUpEvent[] } | RuleViolation;

export function decideFollowUp(s: FollowUpState, command: unknown, ctx: DecideContext): FollowUpDecideResult {
  try {
    const parsed = parseBetweenCommand(FollowUpCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    const c = parsed.command;
    const at = eventBy(ctx);
    const role = ctx.actor.role;
    const ok = (...events: FollowUpEvent[]): FollowUpDecideResult => ({ ok: true, events });
    switch (c.type) {
      case 'registerAdoptedResolution':
        if (role !== 'system' && role !== 'office') return violation('auth.forbidden', 'R-FUP-1');
        if (own(s.resolutions, c.resolutionId)) return ok();
        if (c.leadLand && !c.proposingLands.includes(c.leadLand)) return violation('followUp.notProposingLand', 'R-AGD-1', { land: c.leadLand });
        return ok({
          type: 'AdoptedResolutionRegistered', ...at, resolutionId: c.resolutionId, title: c.title, proposingLands: c.proposingLands,
          leadLand: c.leadLand ?? c.proposingLands[0], adoptedAt: c.adoptedAt, source: c.source,
        });
      case 'recordImplementation': {
        const r = own(s.resolutions, c.resolutionId);
        if (!r) return violation('followUp.notAdopted', 'R-FUP-1', { resolutionId: c.resolutionId });
        const who = memberOrPermanentDeputy(ctx.roster, ctx.actor, 'R-FUP-1');
        if (isViolation(who)) return who;
        if (who.land !== r.leadLand) return violation('followUp.notLeadLand', 'R-FUP-1', { land: who.land, leadLand: r.leadLand });
        return ok({ type: 'ImplementationRecorded', ...at, resolutionId: c.resolutionId, land: who.land, status: c.status, note: c.note ?? null });
      }
      case 'setUpWorkingGroup': {
        if (role !== 'office') return violation('auth.forbidden', 'R-FUP-2');
        const groupId = c.groupId ?? ctx.newId('wg');
        if (own(s.workingGroups, groupId)) return violation('workingGroup.exists', 'R-FUP-2');
        return ok({ type: 'WorkingGroupSetUp', ...at, groupId, name: c.name, chairLand: c.chairLand, assignment: c.assignment, deadline: c.deadline, decision: c.decision });
      }
      case 'closeWorkingGroup': {
        if (role !== 'office') return violation('auth.forbidden', 'R-FUP-2');
        const g = own(s.workingGroups, c.groupId);
        if (!g) return violation('workingGroup.unknown', 'R-FUP-2');
        if (g.closedAt) return violation('workingGroup.closed', 'R-FUP-2');
        return ok({ type: 'WorkingGroupClosed', ...at, groupId: c.groupId, report: c.report ?? null });
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}
