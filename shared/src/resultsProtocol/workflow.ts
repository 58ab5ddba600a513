import { z } from 'zod';
import { ActorRole, type DecideContext } from '../context.ts';
import { Id, IsoDate, IsoTime, LongText } from '../model.ts';
import { DMK_PROFILE, LandCode } from '../profile.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { draftDueFor, objectionsEndFor, protocolHolidayLands } from '../deadlines/protocol.ts';
import { eventBy, memberOrPermanentDeputy } from '../circular/context.ts';
import { parseBetweenCommand } from '../circular/parse.ts';

/**
 * R-PRT-2 / R-PRT-3: the workflow of one session's results protocol, one stream per meeting.
 * sent (draft due 2 weeks after the session; late is recorded, not refused) → objections within
 * 2 weeks of sending → approved: by the scheduler (actor 'system') when the period ends without
 * objections, or by the office once every objection is dealt with → published (items barred from
 * publication are left out by publicationOf()). Roster of members from the context.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });
export const ProtocolWorkflowCommandSchema = z.discriminatedUnion('type', [
  /**
   * `sessionDay`: the session's date (R-PRT-2 counts from it). `chairLands`: the chair in force on
   * that date as the session recorded it (a deviation included, R-CHR-3); the server supplies both.
   */
  cmd('sendProtocolDraft', { meetingId: Id, sessionDay: IsoDate, chairLands: z.array(LandCode).min(1).max(2).optional() }),
  cmd('objectToProtocol', { text: LongText }),
  cmd('resolveProtocolObjection', { objectionId: Id, resolution: LongText }),
  cmd('approveProtocol', {}),
  cmd('publishProtocol', {}),
  /** R-PRT-3: names are not published unless the office marks a participant's name as public. */
  cmd('setNamePublic', { participantId: Id, public: z.boolean() }),
]);
export type ProtocolWorkflowCommand = z.infer<typeof ProtocolWorkflowCommandSchema>;

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });
export const ProtocolWorkflowEventSchema = z.discriminatedUnion('type', [
  ev('ProtocolDraftSent', { meetingId: Id, sessionDay: IsoDate, draftDue: IsoTime, late: z.boolean(), objectionsEnd: IsoTime }),
  ev('ProtocolObjectionRaised', { objectionId: Id, land: LandCode, participantId: Id, text: LongText }),
  ev('ProtocolObjectionResolved', { objectionId: Id, resolution: LongText }),
  ev('ProtocolApproved', { automatic: z.boolean() }),
  ev('ProtocolPublished', {}),
  ev('ProtocolNamePublicSet', { participantId: Id, public: z.boolean() }),
]);
export type ProtocolWorkflowEvent = z.infer<typeof ProtocolWorkflowEventSchema>;

export interface ProtocolWorkflowState {
  meetingId: string | null;
  status: 'none' | 'sent' | 'approved' | 'published';
  sessionDay: string | null;
  draftDue: string | null;
  sentAt: string | null;
  sentLate: boolean;
  objectionsEnd: string | null;
  objections: { id: string; land: LandCode; participantId: string; text: string; at: string; resolvedAt: string | null; resolution: string | null }[];
  approvedAt: string | null;
  approvedAutomatically: boolean;
  publishedAt: string | null;
  /** R-PRT-3: participants whose names the published version shows. */
  publicNames: string[];
}
export const initialProtocolWorkflowState = (): ProtocolWorkflowState => ({
  meetingId: null, status: 'none', sessionDay: null, draftDue: null, sentAt: null, sentLate: false, objectionsEnd: null,
  objections: [], approvedAt: null, approvedAutomatically: false, publishedAt: null, publicNames: [],
});

export function evolveProtocolWorkflow(s: ProtocolWorkflowState, e: ProtocolWorkflowEvent): ProtocolWorkflowState {
  switch (e.type) {
    case 'ProtocolDraftSent':
      return { ...s, meetingId: e.meetingId, status: 'sent', sessionDay: e.sessionDay, draftDue: e.draftDue, sentAt: e.at, sentLate: e.late, objectionsEnd: e.objectionsEnd };
    case 'ProtocolObjectionRaised':
      return { ...s, objections: [...s.objections, { id: e.objectionId, land: e.land, participantId: e.participantId, text: e.text, at: e.at, resolvedAt: null, resolution: null }] };
    case 'ProtocolObjectionResolved':
      return { ...s, objections: s.objections.map((o) => (o.id === e.objectionId ? { ...o, resolvedAt: e.at, resolution: e.resolution } : o)) };
    case 'ProtocolApproved':
      return { ...s, status: 'approved', approvedAt: e.at, approvedAutomatically: e.automatic };
    case 'ProtocolPublished':
      return { ...s, status: 'published', publishedAt: e.at };
    case 'ProtocolNamePublicSet': {
      const others = s.publicNames.filter((id) => id !== e.participantId);
      return { ...s, publicNames: e.public ? [...others, e.participantId] : others };
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

export type ProtocolWorkflowDecideResult = { ok: true; events: ProtocolWorkflowEvent[] } | RuleViolation;

export function decideProtocolWorkflow(s: ProtocolWorkflowState, command: unknown, ctx: DecideContext): ProtocolWorkflowDecideResult {
  try {
    const parsed = parseBetweenCommand(ProtocolWorkflowCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    const c = parsed.command;
    const profile = ctx.profile ?? DMK_PROFILE;
    const at = eventBy(ctx);
    const role = ctx.actor.role;
    const now = Date.parse(ctx.now);
    const ok = (...events: ProtocolWorkflowEvent[]): ProtocolWorkflowDecideResult => ({ ok: true, events });
    switch (c.type) {
      case 'sendProtocolDraft': {
        if (role !== 'office') return violation('auth.forbidden', 'R-PRT-2');
        if (s.status !== 'none') return violation('protocol.alreadySent', 'R-PRT-2');
        // § 193 BGB: both periods end on a working day (holidays nationwide and in the chair Land).
        const holidayLands = protocolHolidayLands(c.sessionDay, profile, c.chairLands, ctx.chairDeviations ?? []);
        const draftDue = draftDueFor(c.sessionDay, profile, holidayLands);
        return ok({
          type: 'ProtocolDraftSent', ...at, meetingId: c.meetingId, sessionDay: c.sessionDay, draftDue,
          late: now > Date.parse(draftDue), objectionsEnd: objectionsEndFor(ctx.now, profile, holidayLands),
        });
      }
      case 'objectToProtocol': {
        if (s.status === 'none') return violation('protocol.notSent', 'R-PRT-2');
        if (s.status !== 'sent' || now > Date.parse(s.objectionsEnd!)) return violation('protocol.objectionPeriodEnded', 'R-PRT-2', { objectionsEnd: s.objectionsEnd });
        const who = memberOrPermanentDeputy(ctx.roster, ctx.actor, 'R-PRT-2');
        if (isViolation(who)) return who;
        return ok({ type: 'ProtocolObjectionRaised', ...at, objectionId: ctx.newId('pobj'), land: who.land, participantId: who.participantId, text: c.text });
      }
      case 'resolveProtocolObjection': {
        if (role !== 'office') return violation('auth.forbidden', 'R-PRT-2');
        const objection = s.objections.find((o) => o.id === c.objectionId);
        if (!objection) return violation('protocol.objectionUnknown', 'R-PRT-2');
        if (objection.resolvedAt) return violation('protocol.objectionResolved', 'R-PRT-2');
        return ok({ type: 'ProtocolObjectionResolved', ...at, objectionId: c.objectionId, resolution: c.resolution });
      }
      case 'approveProtocol': {
        if (role !== 'office' && role !== 'system') return violation('auth.forbidden', 'R-PRT-2');
        if (s.status === 'none') return violation('protocol.notSent', 'R-PRT-2');
        if (s.status !== 'sent') return violation('protocol.alreadyApproved', 'R-PRT-2');
        if (now <= Date.parse(s.objectionsEnd!)) return violation('protocol.objectionPeriodRunning', 'R-PRT-2', { objectionsEnd: s.objectionsEnd });
        // Approved automatically only without objections; with objections the office decides once all are dealt with.
        if (s.objections.length > 0 && (role === 'system' || s.objections.some((o) => !o.resolvedAt))) {
          return violation('protocol.objectionsOpen', 'R-PRT-2', { objections: s.objections.length });
        }
        return ok({ type: 'ProtocolApproved', ...at, automatic: s.objections.length === 0 && role === 'system' });
      }
      case 'publishProtocol': {
        if (role !== 'office' && role !== 'system') return violation('auth.forbidden', 'R-PRT-3');
        if (s.status === 'published') return violation('protocol.alreadyPublished', 'R-PRT-3');
        if (s.status !== 'approved') return violation('protocol.notApproved', 'R-PRT-3');
        return ok({ type: 'ProtocolPublished', ...at });
      }
      case 'setNamePublic': {
        if (role !== 'office') return violation('auth.forbidden', 'R-PRT-3');
        if (s.status === 'published') return violation('protocol.alreadyPublished', 'R-PRT-3');
        if (s.publicNames.includes(c.participantId) === c.public) return ok();
        return ok({ type: 'ProtocolNamePublicSet', ...at, participantId: c.participantId, public: c.public });
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
