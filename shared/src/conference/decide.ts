import { DMK_PROFILE, type RulesProfile } from '../profile.ts';
import { chairInForce, missingAgreements } from '../chair.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { own } from '../record.ts';
import { eventBy } from '../circular/context.ts';
import type { DecideContext } from '../context.ts';
import { parseBetweenCommand } from '../circular/parse.ts';
import { ConferenceCommandSchema, type ConferenceCommand, type ConferenceEvent } from './schema.ts';
import type { ConferenceState } from './state.ts';

/**
 * decideConference: pure. The server passes what the decider must trust in the context: which
 * extraordinary-session requests reached 11 Länder (R-SES-1), and per session the items not dealt
 * with (those that may be carried over).
 */
export type ConferenceContext = DecideContext & {
  reachedRequests?: readonly string[];
  itemsNotDealtWith?: Readonly<Record<string, readonly string[]>>;
};
export type ConferenceDecideResult = { ok: true; events: ConferenceEvent[] } | RuleViolation;

export function decideConference(s: ConferenceState, command: unknown, ctx: ConferenceContext): ConferenceDecideResult {
  try {
    const parsed = parseBetweenCommand(ConferenceCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    return decideParsed(s, parsed.command, ctx, ctx.profile ?? DMK_PROFILE);
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}

function decideParsed(s: ConferenceState, c: ConferenceCommand, ctx: ConferenceContext, profile: RulesProfile): ConferenceDecideResult {
  const at = eventBy(ctx);
  const ok = (...events: ConferenceEvent[]): ConferenceDecideResult => ({ ok: true, events });
  const role = ctx.actor.role;
  if (c.type === 'recordSessionOpened' || c.type === 'recordSessionClosed') {
    if (role !== 'system') return violation('auth.forbidden');
    const x = own(s.sessions, c.sessionId);
    if (!x) return violation('conference.sessionUnknown', undefined, { sessionId: c.sessionId });
    const next = c.type === 'recordSessionOpened' ? 'open' : 'closed';
    if (x.status === next) return ok();
    return ok({ type: c.type === 'recordSessionOpened' ? 'SessionOpened' : 'SessionClosed', ...at, sessionId: c.sessionId });
  }
  if (c.type === 'recordExistingSession') {
    if (role !== 'system') return violation('auth.forbidden');
    if (s.sessions[c.sessionId]) return ok();
    const { type: _t, status, ...facts } = c;
    const created: ConferenceEvent = { type: 'SessionCreated', ...at, ...facts, basis: c.kind === 'regular' ? 'schedule' : 'chairProposal', requestId: null };
    const after: ConferenceEvent[] = status === 'planned' ? [] : [{ type: 'SessionOpened', ...at, sessionId: c.sessionId }];
    if (status === 'closed') after.push({ type: 'SessionClosed', ...at, sessionId: c.sessionId });
    return ok(created, ...after);
  }
  // R-CHR-2: the chair Land's office keeps the conference's records (the system seeds the demo's next session).
  if (role !== 'office' && !(role === 'system' && c.type === 'createSession')) return violation('auth.forbidden', 'R-CHR-2');
  switch (c.type) {
    case 'recordChairDeviation': {
      const unknown = [...c.lands, ...c.agreedBy].find((l) => !profile.lands.some((p) => p.code === l));
      if (unknown) return violation('land.unknown', 'R-CHR-3', { land: unknown });
      const missing = missingAgreements(c, profile);
      if (missing.length > 0) return violation('chair.deviationNotAgreed', 'R-CHR-3', { missing: missing.join(', ') });
      return ok({ type: 'ChairDeviationRecorded', ...at, deviationId: ctx.newId('chairdev'), years: c.years, lands: c.lands, decision: c.decision, agreedBy: c.agreedBy });
    }
    case 'createSession': {
      const sessionId = c.sessionId ?? ctx.newId('session');
      if (own(s.sessions, sessionId)) return violation('conference.sessionExists', undefined, { sessionId });
      const basis = basisFor(c);
      if (isViolation(basis)) return basis;
      if (basis.basis === 'request') {
        if (!ctx.reachedRequests?.includes(basis.requestId!)) return violation('conference.requestNotReached', 'R-SES-1', { requestId: basis.requestId });
        const linked = Object.values(s.sessions).find((x) => x.requestId === basis.requestId && x.status !== 'cancelled');
        if (linked) return violation('conference.requestLinked', 'R-SES-1', { requestId: basis.requestId, sessionId: linked.id });
      }
      const chair = chairOf(c.date, s, profile);
      if (isViolation(chair)) return chair;
      return ok({
        type: 'SessionCreated', ...at, sessionId, kind: c.kind, basis: basis.basis, requestId: basis.requestId, title: c.title, date: c.date,
        startTime: c.startTime, place: c.place, format: c.format, chairLands: chair.lands, chairDecision: chair.decision,
      });
    }
    case 'rescheduleSession': {
      const x = plannedSession(s, c.sessionId);
      if (isViolation(x)) return x;
      const chair = chairOf(c.date, s, profile);
      if (isViolation(chair)) return chair;
      return ok({
        type: 'SessionRescheduled', ...at, sessionId: x.id, date: c.date, startTime: c.startTime ?? x.startTime, place: c.place ?? x.place,
        format: c.format ?? x.format, reason: c.reason, chairLands: chair.lands, chairDecision: chair.decision,
      });
    }
    case 'cancelSession': {
      const x = plannedSession(s, c.sessionId);
      if (isViolation(x)) return x;
      return ok({ type: 'SessionCancelled', ...at, sessionId: x.id, reason: c.reason });
    }
    case 'carryOverItem': {
      const from = own(s.sessions, c.fromSessionId);
      if (!from) return violation('conference.sessionUnknown', undefined, { sessionId: c.fromSessionId });
      const to = plannedSession(s, c.toSessionId);
      if (isViolation(to)) return to;
      if (to.date <= from.date) return violation('conference.carryTargetNotLater', undefined, { from: from.date, to: to.date });
      if (!ctx.itemsNotDealtWith?.[from.id]?.includes(c.itemId)) return violation('conference.itemNotCarryable', undefined, { itemId: c.itemId });
      if (to.carriedIn.some((i) => i.fromSessionId === from.id && i.itemId === c.itemId)) return ok();
      return ok({ type: 'ItemCarriedOver', ...at, fromSessionId: from.id, itemId: c.itemId, toSessionId: to.id });
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

/**
 * R-SES-1: a regular session is scheduled; an extraordinary one needs the chair's proposal or a
 * request that reached 11. R-AGR-1: the chair Land invites to a meeting of the Arbeitsgremium (no request).
 */
function basisFor(c: Extract<ConferenceCommand, { type: 'createSession' }>): { basis: 'schedule' | 'chairProposal' | 'request'; requestId: string | null } | RuleViolation {
  if (c.kind === 'arbeitsgremium') {
    if (c.basis === 'request' || c.requestId) return violation('conference.basisInvalid', 'R-AGR-1', { kind: c.kind, basis: c.basis });
    return { basis: 'chairProposal', requestId: null };
  }
  if (c.kind === 'regular') {
    if (c.basis !== 'schedule' || c.requestId) return violation('conference.basisInvalid', 'R-SES-1', { kind: c.kind, basis: c.basis });
    return { basis: 'schedule', requestId: null };
  }
  if (c.basis === 'chairProposal' && !c.requestId) return { basis: 'chairProposal', requestId: null };
  if (c.basis === 'request' && c.requestId) return { basis: 'request', requestId: c.requestId };
  return violation('conference.basisInvalid', 'R-SES-1', { kind: c.kind, basis: c.basis });
}

/** R-CHR-1/3: the chair in force on the date, the recorded deviations included. */
function chairOf(date: string, s: ConferenceState, profile: RulesProfile): { lands: string[]; decision: string | null } | RuleViolation {
  const chair = chairInForce(date, profile, s.deviations);
  if (!chair) return violation('roster.chairPeriod', 'R-CHR-1', { year: Number(date.slice(0, 4)) });
  return { lands: chair.lands, decision: chair.deviation?.decision ?? null };
}

/** Rescheduling, cancelling and receiving carried items: only before the session opens. */
function plannedSession(s: ConferenceState, id: string) {
  const x = s.sessions[id];
  if (!x) return violation('conference.sessionUnknown', undefined, { sessionId: id });
  if (x.status !== 'planned') return violation('conference.notPlanned', undefined, { sessionId: id, status: x.status });
  return x;
}
