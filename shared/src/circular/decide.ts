import type { Actor, DecideContext } from '../context.ts';
import { DMK_PROFILE, type LandCode, type RulesProfile } from '../profile.ts';
import { chairLandsFor } from '../chair.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { addWorkingDays, berlinDate, holidayLandsFor } from '../calendar/index.ts';
import { parseBetweenCommand } from './parse.ts';
import {
  CircularCommandSchema, type CircularCommand, type CircularEvent, type CircularEventOf, type CircularEventType,
  type CircularExplanation, type CircularRosterEntry,
} from './schema.ts';
import type { CircularState } from './state.ts';

/**
 * decideCircular: command → events, or a coded refusal. Pure and total: it never throws; time,
 * actor, ids and the profile come in through the context, the roster through the start command.
 */
export type CircularDecideResult = { ok: true; events: CircularEvent[] } | RuleViolation;

type Body<T extends CircularEventType> = Omit<CircularEventOf<T>, 'type' | 'at' | 'by'>;
const event = <T extends CircularEventType>(ctx: DecideContext, type: T, body: Body<T>): CircularEventOf<T> =>
  ({ type, at: ctx.now, by: { role: ctx.actor.role, participantId: ctx.actor.participantId }, ...body }) as unknown as CircularEventOf<T>;
const ok = (...events: CircularEvent[]): CircularDecideResult => ({ ok: true, events });

export function decideCircular(state: CircularState, command: unknown, ctx: DecideContext): CircularDecideResult {
  try {
    const parsed = parseBetweenCommand(CircularCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    return decideParsed(state, parsed.command, ctx, ctx.profile ?? DMK_PROFILE);
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}

function decideParsed(s: CircularState, c: CircularCommand, ctx: DecideContext, profile: RulesProfile): CircularDecideResult {
  switch (c.type) {
    case 'startCircular': {
      if (!isRole(ctx.actor, 'office')) return violation('auth.forbidden', 'R-CIR-1');
      if (s.status !== 'none') return violation('circular.alreadyStarted', 'R-CIR-1');
      const unknown = [c.proposingLand, ...c.roster.map((r) => r.land), ...(c.chairLands ?? [])].find((l) => !isLand(profile, l));
      if (unknown) return violation('land.unknown', undefined, { land: unknown });
      // R-CHR-3: the chair in force on the start day, recorded deviations included.
      const chairLands = c.chairLands ?? chairLandsFor(berlinDate(ctx.now), profile, ctx.chairDeviations ?? []);
      if (!chairLands) return violation('circular.chairUnknown', 'R-CHR-1', { date: berlinDate(ctx.now) });
      const holidayLands = holidayLandsFor(profile, chairLands);
      return ok(event(ctx, 'CircularStarted', {
        procedureId: c.procedureId ?? ctx.newId('circ'), title: c.title, text: c.text, paragraphs: c.paragraphs,
        proposingLand: c.proposingLand, chairLands, holidayLands, roster: c.roster,
        objectionWorkingDays: profile.circular.objectionWorkingDays, agreementsNeeded: profile.circular.agreementsNeeded,
        deadline: addWorkingDays(ctx.now, profile.circular.objectionWorkingDays, holidayLands),
      }));
    }
    case 'answerCircular': {
      const open = needOpenPeriod(s, ctx.now);
      if (open) return open;
      const who = rosterEntry(s, ctx.actor, c.land, 'R-CIR-2');
      if (isViolation(who)) return who;
      const events: CircularEvent[] = [event(ctx, 'CircularAnswered', { land: who.land, choice: c.choice, participantId: who.participantId })];
      // R-CIR-3 / R-VOT-4: a declaration given with the answer becomes part of the resolution.
      if (c.declaration) {
        events.push(event(ctx, 'CircularDeclarationAdded', {
          declarationId: ctx.newId('cdecl'), land: who.land, participantId: who.participantId, text: c.declaration,
        }));
      }
      return ok(...events);
    }
    case 'objectToCircular': {
      const open = needOpenPeriod(s, ctx.now);
      if (open) return open;
      const who = rosterEntry(s, ctx.actor, c.land, 'R-CIR-1');
      if (isViolation(who)) return who;
      return ok(event(ctx, 'CircularObjected', { land: who.land, participantId: who.participantId, reason: c.reason ?? null }));
    }
    case 'closeCircular': {
      if (!isRole(ctx.actor, 'system', 'office')) return violation('auth.forbidden', 'R-CIR-2');
      if (s.status === 'none') return violation('circular.notStarted');
      if (s.status !== 'running') return violation('circular.ended', 'R-CIR-1', { status: s.status });
      if (Date.parse(ctx.now) <= Date.parse(s.deadline!)) {
        return violation('circular.periodRunning', 'R-CIR-2', { deadline: s.deadline });
      }
      return ok(event(ctx, 'CircularClosed', { explanation: explainCircular(s) }));
    }
    case 'communicateCircularResult': {
      if (!isRole(ctx.actor, 'system', 'office')) return violation('auth.forbidden', 'R-CIR-2');
      if (s.status === 'none') return violation('circular.notStarted');
      if (s.status === 'running') return violation('circular.notClosed', 'R-CIR-2');
      if (s.communicatedAt) return violation('circular.alreadyCommunicated', 'R-CIR-2');
      return ok(event(ctx, 'CircularResultCommunicated', { recipients: profile.lands.map((l) => l.code) }));
    }
    case 'publishCircularResult': {
      if (!isRole(ctx.actor, 'system', 'office')) return violation('auth.forbidden', 'R-CIR-2');
      if (s.status === 'none') return violation('circular.notStarted');
      if (!s.communicatedAt) return violation('circular.notCommunicated', 'R-CIR-2');
      if (s.publishedAt) return violation('circular.alreadyPublished', 'R-CIR-2');
      return ok(event(ctx, 'CircularResultPublished', {}));
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** R-CIR-2: adopted when at least `agreementsNeeded` Länder agreed and no one objected. */
export function explainCircular(s: CircularState): CircularExplanation {
  const answers = Object.values(s.answers);
  const agreements = answers.filter((a) => a.choice === 'yes').length;
  const no = answers.filter((a) => a.choice === 'no').length;
  const abstain = answers.filter((a) => a.choice === 'abstain').length;
  const lands = new Set(s.roster.map((r) => r.land));
  const objection = s.objection !== null;
  return {
    rule: 'R-CIR-2', agreements, needed: s.agreementsNeeded, no, abstain, answered: answers.length,
    notAnswered: Math.max(0, lands.size - answers.length), objection,
    consensus: answers.length > 0 && agreements === answers.length,
    deadline: s.deadline ?? '',
    outcome: !objection && agreements >= s.agreementsNeeded ? 'adopted' : 'rejected',
  };
}

function needOpenPeriod(s: CircularState, now: string): RuleViolation | null {
  if (s.status === 'none') return violation('circular.notStarted');
  if (s.status !== 'running') return violation('circular.ended', 'R-CIR-1', { status: s.status });
  if (Date.parse(now) > Date.parse(s.deadline!)) return violation('circular.periodEnded', 'R-CIR-1', { deadline: s.deadline });
  return null;
}

/** R-CIR-1: only a member or permanent deputy of the chair period, for their own Land. */
function rosterEntry(s: CircularState, actor: Actor, land: LandCode | undefined, rule: string): CircularRosterEntry | RuleViolation {
  const entry = actor.participantId ? s.roster.find((r) => r.participantId === actor.participantId) : undefined;
  if (!entry || (land !== undefined && entry.land !== land)) {
    return violation('circular.notMemberOrPermanentDeputy', rule, { participantId: actor.participantId, land: land ?? null });
  }
  return entry;
}

const isRole = (actor: Actor, ...roles: Actor['role'][]) => roles.includes(actor.role);
const isLand = (profile: RulesProfile, land: string) => profile.lands.some((l) => l.code === land);
