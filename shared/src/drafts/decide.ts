import type { DecideContext } from '../context.ts';
import { DMK_PROFILE, type LandCode } from '../profile.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { parseBetweenCommand } from '../circular/parse.ts';
import { DraftCommandSchema, type DraftCommand, type DraftEvent, type Span } from './schema.ts';
import { openBrackets, snapshotOf, type DraftBracket, type DraftState } from './state.ts';

/**
 * The Arbeitsgremium's working level: who speaks for which Land. The server passes it in, as it
 * passes the clock (R-AGR-1: every Land is represented). The office and the chair act for no Land.
 */
export type DraftContext = DecideContext<{ participantId: string; land: LandCode }>;
export type DraftDecideResult = { ok: true; events: DraftEvent[] } | RuleViolation;

type Body<T extends DraftEvent['type']> = Omit<Extract<DraftEvent, { type: T }>, 'type' | 'at' | 'by'>;
const event = <T extends DraftEvent['type']>(ctx: DraftContext, type: T, body: Body<T>): DraftEvent =>
  ({ type, at: ctx.now, by: { role: ctx.actor.role, participantId: ctx.actor.participantId }, ...body }) as unknown as DraftEvent;

/** decideDraft: command → events, or a coded refusal. Pure and total: it never throws. */
export function decideDraft(state: DraftState, command: unknown, ctx: DraftContext): DraftDecideResult {
  try {
    const parsed = parseBetweenCommand(DraftCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    if (parsed.command.type !== 'createDraft' && state.draftId === null) return violation('draft.notStarted', 'R-AGR-2');
    const result = decideParsed(state, parsed.command, ctx);
    return Array.isArray(result) ? { ok: true, events: result } : result;
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}

/** The Land the actor speaks for in the Arbeitsgremium, or null (office, chair, unknown). */
export function landOf(ctx: DraftContext): LandCode | null {
  const id = ctx.actor.participantId;
  return (id && ctx.roster?.find((r) => r.participantId === id)?.land) || null;
}

function decideParsed(s: DraftState, c: DraftCommand, ctx: DraftContext): DraftEvent[] | RuleViolation {
  const land = landOf(ctx);
  const office = ctx.actor.role === 'office';
  const leads = office || (land !== null && land === s.leadLand);
  const chairs = office || ctx.actor.role === 'chair';
  const needLand = (): LandCode | RuleViolation => land ?? violation('draft.notInArbeitsgremium', 'R-AGR-1', { participantId: ctx.actor.participantId });
  switch (c.type) {
    case 'createDraft': {
      if (s.draftId !== null) return violation('draft.exists', 'R-AGR-2');
      const leadLand = office ? c.leadLand : land;
      if (!leadLand) return office ? violation('command.invalid', undefined, { path: 'leadLand', message: 'required' }) : needLand() as RuleViolation;
      if (!office && c.leadLand && c.leadLand !== land) return violation('draft.notLeadLand', 'R-AGR-2', { land: c.leadLand });
      if (!(ctx.profile ?? DMK_PROFILE).lands.some((l) => l.code === leadLand)) return violation('land.unknown', undefined, { land: leadLand });
      const paragraphs = c.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }));
      return [event(ctx, 'DraftCreated', { draftId: ctx.newId('draft'), title: c.title, leadLand, paragraphs, assignmentId: c.assignmentId ?? null, land })];
    }
    case 'joinDraft': {
      const l = needLand();
      if (typeof l !== 'string') return l;
      if (l === s.leadLand || s.coLands.includes(l)) return violation('draft.alreadyJoined', 'R-AGR-2', { land: l });
      return [event(ctx, 'DraftJoined', { land: l })];
    }
    case 'leaveDraft': {
      const l = needLand();
      if (typeof l !== 'string') return l;
      if (!s.coLands.includes(l)) return violation('draft.notJoined', 'R-AGR-2', { land: l });
      return [event(ctx, 'DraftLeft', { land: l })];
    }
    case 'addParagraph': {
      if (!leads) return violation('draft.notLeadLand', 'R-AGR-2');
      if (s.paragraphs.length >= 100) return violation('command.invalid', undefined, { path: 'paragraphs', message: 'at most 100' });
      if (c.afterParagraphId && !s.paragraphs.some((p) => p.id === c.afterParagraphId)) return violation('paragraph.unknown', 'R-AGR-2');
      return [event(ctx, 'ParagraphAdded', { paragraphId: `p${s.counters.paragraph + 1}`, afterParagraphId: c.afterParagraphId ?? null, text: c.text, land })];
    }
    case 'editParagraph': {
      if (!leads) return violation('draft.notLeadLand', 'R-AGR-2');
      if (!s.paragraphs.some((p) => p.id === c.paragraphId)) return violation('paragraph.unknown', 'R-AGR-2');
      // An open bracket's passage is changed only by resolving it; an edit would move its span.
      if (openBrackets(s).some((b) => b.paragraphId === c.paragraphId)) return violation('draft.paragraphBracketed', 'R-AGR-2', { paragraphId: c.paragraphId });
      return [event(ctx, 'ParagraphEdited', { paragraphId: c.paragraphId, text: c.text, land })];
    }
    case 'bracketPassage': {
      const l = needLand();
      if (typeof l !== 'string') return l;
      const paragraph = s.paragraphs.find((p) => p.id === c.paragraphId);
      if (!paragraph) return violation('paragraph.unknown', 'R-AGR-2');
      const span = c.span ?? null;
      if (span && (span.start >= span.end || span.end > paragraph.text.length)) return violation('draft.spanInvalid', 'R-AGR-2', { length: paragraph.text.length });
      const overlap = openBrackets(s).find((b) => b.paragraphId === c.paragraphId && overlaps(b.span, span));
      if (overlap) return violation('draft.bracketOverlap', 'R-AGR-2', { bracketId: overlap.id });
      const alternativeId = c.alternative ? `a${s.counters.alternative + 1}` : null;
      return [event(ctx, 'PassageBracketed', {
        bracketId: `b${s.counters.bracket + 1}`, paragraphId: c.paragraphId, span, text: span ? paragraph.text.slice(span.start, span.end) : paragraph.text,
        land: l, alternativeId, alternative: c.alternative ?? null,
      })];
    }
    case 'joinBracket': {
      const found = bracketFor(s, c.bracketId, needLand());
      if (!('bracket' in found)) return found;
      const { bracket: b, land: l } = found;
      if (c.alternativeId && !b.alternatives.some((a) => a.id === c.alternativeId)) return violation('draft.alternativeUnknown', 'R-AGR-2');
      const alternativeId = c.alternativeId ?? null;
      if (b.holders[l] && b.holders[l].alternativeId === alternativeId) return violation('draft.alreadyHolding', 'R-AGR-2', { land: l });
      return [event(ctx, 'BracketJoined', { bracketId: b.id, land: l, alternativeId })];
    }
    case 'leaveBracket': {
      const found = bracketFor(s, c.bracketId, needLand());
      if (!('bracket' in found)) return found;
      if (!found.bracket.holders[found.land]) return violation('draft.notHolding', 'R-AGR-2', { land: found.land });
      return [event(ctx, 'BracketLeft', { bracketId: found.bracket.id, land: found.land })];
    }
    case 'proposeAlternative': {
      const found = bracketFor(s, c.bracketId, needLand());
      if (!('bracket' in found)) return found;
      if (found.bracket.alternatives.length >= 50) return violation('command.invalid', undefined, { path: 'text', message: 'at most 50 alternatives' });
      return [event(ctx, 'AlternativeProposed', { bracketId: found.bracket.id, alternativeId: `a${s.counters.alternative + 1}`, land: found.land, text: c.text })];
    }
    case 'resolveBracket': {
      if (!chairs && !leads) return violation('auth.forbidden', 'R-AGR-2');
      const found = bracketFor(s, c.bracketId, 'none');
      if (!('bracket' in found)) return found;
      const b = found.bracket;
      const chosen = c.wording.kind === 'alternative' ? c.wording.alternativeId : null;
      const alternative = chosen ? b.alternatives.find((a) => a.id === chosen) : null;
      if (chosen && !alternative) return violation('draft.alternativeUnknown', 'R-AGR-2');
      // R-AGR-2: a bracket is resolved only with a wording no Land holds out against.
      const holdingOut = Object.entries(b.holders).filter(([, h]) => chosen === null || h.alternativeId !== chosen).map(([l]) => l);
      if (holdingOut.length > 0) return violation('draft.bracketHeld', 'R-AGR-2', { lands: holdingOut.join(','), count: holdingOut.length });
      const forChosen = chosen ? Object.entries(b.holders).filter(([, h]) => h.alternativeId === chosen).map(([l]) => l) : [];
      const agreed = [...new Set([...b.agreed, ...forChosen])];
      return [event(ctx, 'BracketResolved', { bracketId: b.id, wording: c.wording, text: alternative?.text ?? b.text, agreed, land })];
    }
    case 'callBracket': {
      if (!chairs) return violation('auth.forbidden', 'R-AGR-1');
      const found = bracketFor(s, c.bracketId, 'none');
      if (!('bracket' in found)) return found;
      const events: DraftEvent[] = [];
      if (s.call) events.push(event(ctx, 'BracketCallEnded', { bracketId: s.call.bracketId }));
      return [...events, event(ctx, 'BracketCalled', { bracketId: found.bracket.id })];
    }
    case 'answerBracketCall': {
      const l = needLand();
      if (typeof l !== 'string') return l;
      if (!s.call) return violation('draft.noCall', 'R-AGR-1');
      return [event(ctx, 'BracketCallAnswered', { bracketId: s.call.bracketId, land: l, answer: c.answer })];
    }
    case 'endBracketCall':
      if (!chairs) return violation('auth.forbidden', 'R-AGR-1');
      if (!s.call) return violation('draft.noCall', 'R-AGR-1');
      return [event(ctx, 'BracketCallEnded', { bracketId: s.call.bracketId })];
    case 'cutVersion':
      // R-AGR-1/2: the lead Land or the office; the chair, who leads the Arbeitsgremium's meeting, at its end.
      if (!leads && !chairs) return violation('draft.notLeadLand', 'R-AGR-2');
      return [event(ctx, 'VersionCut', { version: snapshotOf(s, s.versions.length + 1, c.note ?? null), land })];
    case 'putVersionOnAgenda': {
      if (!office) return violation('auth.forbidden', 'R-AGR-3');
      if (!s.versions.some((v) => v.number === c.version)) return violation('draft.versionUnknown', 'R-AGR-3', { version: c.version });
      if (s.onAgenda.some((a) => a.meetingId === c.meetingId && a.itemId === c.itemId && a.version === c.version)) return violation('draft.alreadyOnAgenda', 'R-AGR-3');
      return [event(ctx, 'VersionPutOnAgenda', { version: c.version, meetingId: c.meetingId, itemId: c.itemId })];
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** An open bracket and, unless `land` is 'none', the Land acting on it. */
function bracketFor(s: DraftState, id: string, land: LandCode | RuleViolation | 'none'): { bracket: DraftBracket; land: LandCode } | RuleViolation {
  if (typeof land === 'object') return land;
  const bracket = Object.hasOwn(s.brackets, id) ? s.brackets[id] : undefined;
  if (!bracket) return violation('draft.bracketUnknown', 'R-AGR-2', { bracketId: id });
  if (bracket.status !== 'open') return violation('draft.bracketResolved', 'R-AGR-2', { bracketId: id });
  return { bracket, land: land === 'none' ? '' : land };
}

const overlaps = (a: Span | null, b: Span | null): boolean => !a || !b || (a.start < b.end && b.start < a.end);
