import { z } from 'zod';
import { ActorRole, type DecideContext } from '../context.ts';
import { Id, IsoTime, LongText } from '../model.ts';
import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { eventBy } from '../circular/context.ts';
import { parseBetweenCommand } from '../circular/parse.ts';
import type { AgendaDeadlineRecord, ShorterAgendaPeriod } from './agenda.ts';

/**
 * R-AGD-6: when the office sent the draft agenda and the final agenda with the papers to the
 * members; one stream per meeting (`agenda:<meetingId>`). These are the timestamps that
 * agendaDeadlines() judges as met or missed. The first record counts: sending again later does
 * not turn a met deadline into a missed one, so a repeat is accepted without new events.
 * For an extraordinary session the office may record shorter periods for proposals and final
 * papers with a reason ("grundsätzlich", GO 3.2.2); a later record replaces an earlier one.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });
export const AgendaRecordCommandSchema = z.discriminatedUnion('type', [
  cmd('recordDraftAgendaSent', {}),
  cmd('recordFinalPapersSent', {}),
  cmd('recordShorterPeriod', {
    proposalsDaysBefore: z.number().int().min(0).max(28),
    finalPapersDaysBefore: z.number().int().min(0).max(21),
    reason: LongText,
  }),
]);

const By = z.object({ role: ActorRole, participantId: Id.nullable() });
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), at: IsoTime, by: By, ...shape });
export const AgendaRecordEventSchema = z.discriminatedUnion('type', [
  ev('DraftAgendaSent', {}),
  ev('FinalPapersSent', {}),
  ev('ShorterPeriodRecorded', { proposalsDaysBefore: z.number().int(), finalPapersDaysBefore: z.number().int(), reason: LongText }),
]);
export type AgendaRecordEvent = z.infer<typeof AgendaRecordEventSchema>;

export interface AgendaRecordState {
  draftAgendaAt: string | null;
  finalPapersAt: string | null;
  shorterPeriod: (ShorterAgendaPeriod & { at: string }) | null;
}
export const initialAgendaRecordState = (): AgendaRecordState => ({ draftAgendaAt: null, finalPapersAt: null, shorterPeriod: null });

export function evolveAgendaRecord(s: AgendaRecordState, e: AgendaRecordEvent): AgendaRecordState {
  switch (e.type) {
    case 'DraftAgendaSent': return { ...s, draftAgendaAt: e.at };
    case 'FinalPapersSent': return { ...s, finalPapersAt: e.at };
    case 'ShorterPeriodRecorded':
      return { ...s, shorterPeriod: { proposalsDaysBefore: e.proposalsDaysBefore, finalPapersDaysBefore: e.finalPapersDaysBefore, reason: e.reason, at: e.at } };
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The record in the shape agendaDeadlines() reads. */
export const agendaDeadlineRecord = (s: AgendaRecordState): AgendaDeadlineRecord => ({
  draftAgenda: s.draftAgendaAt, finalPapers: s.finalPapersAt, shorterPeriod: s.shorterPeriod,
});

export type AgendaRecordDecideResult = { ok: true; events: AgendaRecordEvent[] } | RuleViolation;

export function decideAgendaRecord(s: AgendaRecordState, command: unknown, ctx: DecideContext): AgendaRecordDecideResult {
  try {
    const parsed = parseBetweenCommand(AgendaRecordCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    // R-CHR-2: the chair Land's office prepares the session.
    if (ctx.actor.role !== 'office') return violation('auth.forbidden', 'R-AGD-6');
    const at = eventBy(ctx);
    switch (parsed.command.type) {
      case 'recordDraftAgendaSent':
        return { ok: true, events: s.draftAgendaAt ? [] : [{ type: 'DraftAgendaSent', ...at }] };
      case 'recordFinalPapersSent':
        return { ok: true, events: s.finalPapersAt ? [] : [{ type: 'FinalPapersSent', ...at }] };
      case 'recordShorterPeriod': {
        const c = parsed.command;
        // GO 3.2.1–3.2.2: the periods of a regular session are not shortened.
        if (ctx.session?.kind !== 'extraordinary') return violation('agenda.shorterPeriodRegular', 'R-AGD-6', { kind: ctx.session?.kind ?? null });
        if (c.finalPapersDaysBefore > c.proposalsDaysBefore) {
          return violation('agenda.shorterPeriodOrder', 'R-AGD-6', { proposalsDaysBefore: c.proposalsDaysBefore, finalPapersDaysBefore: c.finalPapersDaysBefore });
        }
        return { ok: true, events: [{ type: 'ShorterPeriodRecorded', ...at, proposalsDaysBefore: c.proposalsDaysBefore, finalPapersDaysBefore: c.finalPapersDaysBefore, reason: c.reason }] };
      }
      default: {
        const never: never = parsed.command;
        return never;
      }
    }
  } catch (error) {
    return violation('internal.error', undefined, { message: error instanceof Error ? error.message : String(error) });
  }
}
