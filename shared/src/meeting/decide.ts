import type { DecideContext } from '../context.ts';
import { DMK_PROFILE } from '../profile.ts';
import { violation, isViolation, type RuleViolation } from '../violations.ts';
import { CommandSchema, type Command, type CommandType, type MeetingEvent } from './schema.ts';
import { authorize } from './authorize.ts';
import { evolveAll } from './evolve.ts';
import { quorumStatus } from './derive.ts';
import type { MeetingState } from './state.ts';
import { ev, type Handler, type MeetingContext } from './guards.ts';
import { closeSession, openSession, recordCancellation, recordReschedule, scheduleSession } from './session.ts';
import { announceStaff, inviteGuest, nameChair, nameRepresentative, nameTemporaryDeputy } from './roster.ts';
import { addAgendaItem, editAgendaItem, noteReport, removeAgendaItem, setCurrentItem, setItPlrCoordination } from './agenda.ts';
import { checkIn, checkOut } from './attendance.ts';
import { cancelVote, closeVote, openVote } from './votes.ts';
import { castVote, recordVote } from './ballots.ts';
import { addDeclaration, revokeTransfer, transferVote } from './representation.ts';
import { giveRecordingConsent, startRecording, stopRecording, withdrawRecordingConsent } from './recording.ts';
import { endFloor, giveFloor, requestFloor, withdrawFloorRequest } from './speakers.ts';
import { recordAgendaProposal } from './arbeitsgremium.ts';

/**
 * decide: command → events, or a coded refusal. Pure: time, ids and the profile come in through
 * the context. Order: parse (zod) → authorize (role table) → the handler of the command (its rule
 * guards) → a QuorumChanged when the events move quorum across the line.
 */

export type DecideResult = { ok: true; events: MeetingEvent[] } | RuleViolation;

/** One handler per command type: a command without one does not compile. */
const HANDLERS: { [K in CommandType]: Handler<K> } = {
  scheduleSession, openSession, closeSession,
  nameRepresentative, nameTemporaryDeputy, inviteGuest, announceStaff, nameChair,
  addAgendaItem, editAgendaItem, removeAgendaItem, setItPlrCoordination, setCurrentItem, noteReport,
  checkIn, checkOut,
  openVote, castVote, recordVote, closeVote, cancelVote,
  transferVote, revokeTransfer, addDeclaration,
  giveRecordingConsent, withdrawRecordingConsent, startRecording, stopRecording,
  requestFloor, withdrawFloorRequest, giveFloor, endFloor,
  recordAgendaProposal,
  recordReschedule, recordCancellation,
};

function route<K extends CommandType>(type: K, c: MeetingContext, cmd: Extract<Command, { type: K }>) {
  const handle: Handler<K> = HANDLERS[type];
  return handle(c, cmd);
}

/** R-VOT-3: whenever an accepted command moves quorum across the line, record it (quorum over time). */
function withQuorumChange(c: MeetingContext, events: MeetingEvent[]): MeetingEvent[] {
  if (!c.state.session || events.length === 0 || events.some((e) => e.type === 'QuorumChanged')) return events;
  const before = quorumStatus(c.state, c.profile);
  const after = quorumStatus(evolveAll(events, c.state), c.profile);
  return before.met === after.met ? events : [...events, ev(c, 'QuorumChanged', { ...after })];
}

function parse(command: unknown): Command | RuleViolation {
  const parsed = CommandSchema.safeParse(command);
  if (parsed.success) return parsed.data;
  const type = (command as { type?: unknown } | null)?.type;
  const known = CommandSchema.options.some((o) => o.shape.type.value === type);
  if (!known) return violation('command.unknown', undefined, { type: typeof type === 'string' ? type.slice(0, 64) : null });
  const issue = parsed.error.issues[0];
  return violation('command.invalid', undefined, { path: issue.path.map(String).join('.'), message: issue.message.slice(0, 200) });
}

export function decide(state: MeetingState, command: unknown, ctx: DecideContext): DecideResult {
  try {
    const cmd = parse(command);
    if (isViolation(cmd)) return cmd;
    const denied = authorize(state, cmd, ctx.actor);
    if (denied) return denied;
    const c: MeetingContext = { ...ctx, state, profile: ctx.profile ?? DMK_PROFILE, raw: command };
    const result = route(cmd.type, c, cmd);
    if (isViolation(result)) return result;
    return { ok: true, events: withQuorumChange(c, result) };
  } catch (err) {
    return violation('internal.error', undefined, { message: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
}
