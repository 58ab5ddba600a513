import {
  CommandSchema, decide, evolve, EventSchema, parseBetweenCommand, initialState, MEETING_STATE_VERSION, type CommandResult, type MeetingEvent, type MeetingState,
} from '@plenum/shared';
import { newId } from '../pipeline/ids.ts';
import type { StreamKind } from '../pipeline/stream-kind.ts';
import type { Outcome, StreamRuntime } from '../pipeline/stream-runtime.ts';

/** The meeting decider reads no context beyond clock, actor, ids and profile. */
export type NoContext = Record<never, never>;

/**
 * A meeting as a stream kind. Its stream is named by the meeting id alone (no `kind:` prefix), so
 * a meeting id never contains ':'. The state carries its own seq.
 */
export const MEETING_KIND: StreamKind<MeetingState, MeetingEvent, NoContext, CommandResult> = {
  name: 'meeting',
  stateVersion: MEETING_STATE_VERSION,
  eventSchema: EventSchema,
  stream: (id) => id,
  validate: (command) => { const r = parseBetweenCommand(CommandSchema, command); return r.ok ? null : r; },
  initial: initialState,
  evolve: (state, event, seq) => ({ ...evolve(state, event), seq }),
  decide,
  // decide names the meeting with newId('meeting'): that is this stream's id.
  newId: (id) => (prefix) => (prefix === 'meeting' ? id : newId(prefix)),
  payloadScope: () => [],
  respond: (_id, appended, _state, seq) => ({ seq, events: appended, duplicate: false }),
  parseResponse: (json) => JSON.parse(json) as CommandResult,
};

export type MeetingRuntime = StreamRuntime<MeetingState, MeetingEvent, NoContext, CommandResult>;

export const isMeetingId = (id: string) => id.length > 0 && !id.includes(':');

export type CommandOutcome = Outcome<CommandResult, MeetingEvent>;
