import { isViolation, violation, type RuleViolation } from '../violations.ts';
import { parseBetweenCommand } from '../circular/parse.ts';
import { berlinDate } from '../calendar/index.ts';
import { AssignmentCommandSchema, type AssignmentEvent } from './schema.ts';
import { landOf, type DraftContext } from './decide.ts';

/**
 * R-AGR-4 (GO 7.3–7.4): working groups receive assignments with a binding deadline from the DMK or
 * the Arbeitsgremium and submit their results as drafts. One stream for all assignments. A result
 * submitted after the deadline is still taken, marked late, so that nothing handed in is lost.
 */
export interface AssignmentState {
  assignments: Record<string, {
    group: string; task: string; deadline: string; from: 'dmk' | 'arbeitsgremium'; decision: string; assignedAt: string;
    results: { draftId: string; land: string | null; at: string; late: boolean }[];
  }>;
}
export const initialAssignmentState = (): AssignmentState => ({ assignments: {} });

export function evolveAssignments(s: AssignmentState, e: AssignmentEvent): AssignmentState {
  switch (e.type) {
    case 'WorkingGroupAssigned':
      return { assignments: { ...s.assignments, [e.assignmentId]: { group: e.group, task: e.task, deadline: e.deadline, from: e.from, decision: e.decision, assignedAt: e.at, results: [] } } };
    case 'AssignmentResultSubmitted': {
      const a = s.assignments[e.assignmentId];
      if (!a) return s;
      return { assignments: { ...s.assignments, [e.assignmentId]: { ...a, results: [...a.results, { draftId: e.draftId, land: e.land, at: e.at, late: e.late }] } } };
    }
    default: {
      const never: never = e;
      return never;
    }
  }
}

export type AssignmentDecideResult = { ok: true; events: AssignmentEvent[] } | RuleViolation;

export function decideAssignments(s: AssignmentState, command: unknown, ctx: DraftContext): AssignmentDecideResult {
  try {
    const parsed = parseBetweenCommand(AssignmentCommandSchema, command);
    if (isViolation(parsed)) return parsed;
    const c = parsed.command;
    const by = { at: ctx.now, by: { role: ctx.actor.role, participantId: ctx.actor.participantId } };
    switch (c.type) {
      case 'assignWorkingGroup': {
        // The office records the assignment the DMK or the Arbeitsgremium decided (`decision`).
        if (ctx.actor.role !== 'office') return violation('auth.forbidden', 'R-AGR-4');
        const assignmentId = c.assignmentId ?? ctx.newId('asg');
        if (Object.hasOwn(s.assignments, assignmentId)) return violation('assignment.exists', 'R-AGR-4');
        return { ok: true, events: [{ type: 'WorkingGroupAssigned', ...by, assignmentId, group: c.group, task: c.task, deadline: c.deadline, from: c.from, decision: c.decision }] };
      }
      case 'submitAssignmentResult': {
        const a = Object.hasOwn(s.assignments, c.assignmentId) ? s.assignments[c.assignmentId] : undefined;
        if (!a) return violation('assignment.unknown', 'R-AGR-4');
        const land = landOf(ctx);
        if (ctx.actor.role !== 'office' && !land) return violation('draft.notInArbeitsgremium', 'R-AGR-4');
        if (a.results.some((r) => r.draftId === c.draftId)) return violation('assignment.alreadySubmitted', 'R-AGR-4', { draftId: c.draftId });
        const late = berlinDate(ctx.now) > a.deadline;
        return { ok: true, events: [{ type: 'AssignmentResultSubmitted', ...by, assignmentId: c.assignmentId, draftId: c.draftId, land, late }] };
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
