import { z } from 'zod';
import { ActorRole, type DecideContext } from '../context.ts';
import { Id, IsoTime, LongText } from '../model.ts';
import { DMK_PROFILE, LandCode } from '../profile.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { eventBy, memberOrPermanentDeputy } from './context.ts';
import { parseBetweenCommand } from './parse.ts';

/**
 * R-SES-1 (GO 3.1.2): an extraordinary session is held when at least 11 members request it.
 * Länder join a request one by one; when the 11th joins, ExtraordinaryThresholdReached tells the
 * office (and the request is closed: it has done its work). Roster from the context.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });
export const ExtraordinaryCommandSchema = z.discriminatedUnion('type', [
  cmd('requestExtraordinarySession', { requestId: Id.optional(), reason: LongText }),
  cmd('joinExtraordinaryRequest', {}),
  cmd('withdrawFromExtraordinaryRequest', {}),
]);
export type ExtraordinaryCommand = z.infer<typeof ExtraordinaryCommandSchema>;

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });
export const ExtraordinaryEventSchema = z.discriminatedUnion('type', [
  ev('ExtraordinarySessionRequested', { requestId: Id, reason: LongText, land: LandCode, needed: z.number().int() }),
  ev('ExtraordinaryRequestJoined', { land: LandCode }),
  ev('ExtraordinaryRequestWithdrawn', { land: LandCode }),
  /** The office is told: `needed` Länder have joined. */
  ev('ExtraordinaryThresholdReached', { lands: z.array(LandCode), needed: z.number().int() }),
]);
export type ExtraordinaryEvent = z.infer<typeof ExtraordinaryEventSchema>;

export interface ExtraordinaryState {
  requestId: string | null;
  status: 'none' | 'collecting' | 'reached';
  reason: string;
  needed: number;
  lands: Record<LandCode, { at: string; participantId: string | null }>;
  reachedAt: string | null;
}
export const initialExtraordinaryState = (): ExtraordinaryState =>
  ({ requestId: null, status: 'none', reason: '', needed: 0, lands: {}, reachedAt: null });

export function evolveExtraordinary(s: ExtraordinaryState, e: ExtraordinaryEvent): ExtraordinaryState {
  switch (e.type) {
    case 'ExtraordinarySessionRequested':
      return { ...s, requestId: e.requestId, status: 'collecting', reason: e.reason, needed: e.needed, lands: { [e.land]: { at: e.at, participantId: e.by.participantId } } };
    case 'ExtraordinaryRequestJoined':
      return { ...s, lands: { ...s.lands, [e.land]: { at: e.at, participantId: e.by.participantId } } };
    case 'ExtraordinaryRequestWithdrawn': {
      const { [e.land]: _gone, ...rest } = s.lands;
      return { ...s, lands: rest };
    }
    case 'ExtraordinaryThresholdReached':
      return { ...s, status: 'reached', reachedAt: e.at };
    default: {
      const never: never = e;
      return never;
    }
  }
}

export type ExtraordinaryDecideResult = { ok: true; events: ExtraordinaryEvent[] } | RuleViolation;

export function decideExtraordinary(s: ExtraordinaryState, command: unknown, ctx: DecideContext): ExtraordinaryDecideResult {
  try {
    const parsed = parseBetweenCommand(ExtraordinaryCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    const c = parsed.command;
    const who = memberOrPermanentDeputy(ctx.roster, ctx.actor, 'R-SES-1');
    if (isViolation(who)) return who;
    const at = eventBy(ctx);
    const needed = (ctx.profile ?? DMK_PROFILE).extraordinaryRequestsNeeded;
    switch (c.type) {
      case 'requestExtraordinarySession':
        if (s.status !== 'none') return violation('extraordinary.alreadyStarted', 'R-SES-1');
        return reached(s, [{ type: 'ExtraordinarySessionRequested', ...at, requestId: c.requestId ?? ctx.newId('xreq'), reason: c.reason, land: who.land, needed }], who.land, needed, at);
      case 'joinExtraordinaryRequest':
        if (s.status === 'none') return violation('extraordinary.notStarted', 'R-SES-1');
        if (s.status === 'reached') return violation('extraordinary.closed', 'R-SES-1');
        if (s.lands[who.land]) return violation('extraordinary.alreadyJoined', 'R-SES-1', { land: who.land });
        return reached(s, [{ type: 'ExtraordinaryRequestJoined', ...at, land: who.land }], who.land, s.needed, at);
      case 'withdrawFromExtraordinaryRequest':
        if (s.status === 'none') return violation('extraordinary.notStarted', 'R-SES-1');
        if (s.status === 'reached') return violation('extraordinary.closed', 'R-SES-1');
        if (!s.lands[who.land]) return violation('extraordinary.notJoined', 'R-SES-1', { land: who.land });
        return { ok: true, events: [{ type: 'ExtraordinaryRequestWithdrawn', ...at, land: who.land }] };
      default: {
        const never: never = c;
        return never;
      }
    }
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** Append ExtraordinaryThresholdReached when this join makes the count reach `needed`. */
function reached(s: ExtraordinaryState, events: ExtraordinaryEvent[], land: LandCode, needed: number, at: ReturnType<typeof eventBy>): ExtraordinaryDecideResult {
  const lands = [...new Set([...Object.keys(s.status === 'none' ? {} : s.lands), land])];
  if (lands.length >= needed) events.push({ type: 'ExtraordinaryThresholdReached', ...at, lands, needed });
  return { ok: true, events };
}
