import {
  AgendaRecordCommandSchema, CircularCommandSchema, ExtraordinaryCommandSchema, FollowUpCommandSchema, parseBetweenCommand,
  ProtocolWorkflowCommandSchema, AgendaRecordEventSchema, CircularEventSchema, decideAgendaRecord, decideCircular, decideExtraordinary, decideFollowUp,
  decideProtocolWorkflow, evolveAgendaRecord, evolveCircular, evolveExtraordinary, evolveFollowUp, evolveProtocolWorkflow,
  ExtraordinaryEventSchema, FollowUpEventSchema, initialAgendaRecordState, initialCircularState, initialExtraordinaryState,
  initialFollowUpState, initialProtocolWorkflowState, ProtocolWorkflowEventSchema,
  type AgendaRecordEvent, type AgendaRecordState, type CircularEvent, type CircularState, type DecideContext,
  type ExtraordinaryEvent, type ExtraordinaryState, type FollowUpEvent, type FollowUpState, type ProtocolWorkflowEvent,
  type ProtocolWorkflowState, AssignmentCommandSchema, AssignmentEventSchema, decideAssignments, decideDraft, DraftCommandSchema,
  DraftEventSchema, evolveAssignments, evolveDraft, initialAssignmentState, initialDraftState, type AssignmentEvent,
  type AssignmentState, type DraftEvent, type DraftState,
  ConferenceCommandSchema, ConferenceEventSchema, decideConference, evolveConference, initialConferenceState,
  type ConferenceContext, type ConferenceEvent, type ConferenceState,
} from '@plenum/shared';
import { newId } from '../pipeline/ids.ts';
import type { StreamKind } from '../pipeline/stream-kind.ts';

/**
 * The state and event type of each between-sessions stream kind (agenda: R-AGD-6 records of a
 * meeting; draft and assignment: the Arbeitsgremium's drafts and working-group assignments).
 */
export interface BetweenStates {
  circular: CircularState;
  protocol: ProtocolWorkflowState;
  extraordinary: ExtraordinaryState;
  followup: FollowUpState;
  agenda: AgendaRecordState;
  draft: DraftState;
  assignment: AssignmentState;
  conference: ConferenceState;
}
export interface BetweenEvents {
  circular: CircularEvent;
  protocol: ProtocolWorkflowEvent;
  extraordinary: ExtraordinaryEvent;
  followup: FollowUpEvent;
  agenda: AgendaRecordEvent;
  draft: DraftEvent;
  assignment: AssignmentEvent;
  conference: ConferenceEvent;
}
export type StreamKindName = keyof BetweenStates;

/** What the between-sessions deciders read besides clock, actor, ids and profile: the roster in force, a meeting's session. */
export type BetweenExtra = Omit<DecideContext, 'now' | 'actor' | 'newId' | 'profile'> & Omit<ConferenceContext, keyof DecideContext>;

/** The answer to a between-sessions command (over HTTP), stored with its idempotency key. */
export interface BetweenResult<K extends StreamKindName> {
  stream: string;
  seq: number;
  events: BetweenEvents[K][];
  state: BetweenStates[K];
  duplicate: boolean;
}

export type BetweenKind<K extends StreamKindName> = StreamKind<BetweenStates[K], BetweenEvents[K], BetweenExtra, BetweenResult<K>>;

/** The state of a between-sessions stream's shape; raise it when a state changes shape. */
const BETWEEN_STATE_VERSION = 1;

function betweenKind<K extends StreamKindName>(name: K, parts: Pick<BetweenKind<K>, 'initial' | 'eventSchema' | 'decide'> & {
  evolve: (state: BetweenStates[K], event: BetweenEvents[K]) => BetweenStates[K];
  commandSchema: Parameters<typeof parseBetweenCommand>[0];
  /** The id prefix by which the decider names the procedure itself (the stream id stands for it). */
  ownIdPrefix?: string;
}): BetweenKind<K> {
  const stream = (id: string) => `${name}:${id}`;
  return {
    name, stateVersion: BETWEEN_STATE_VERSION, eventSchema: parts.eventSchema, stream, initial: parts.initial, decide: parts.decide,
    validate: (command) => { const r = parseBetweenCommand(parts.commandSchema, command); return r.ok ? null : r; },
    evolve: (state, event) => parts.evolve(state, event),
    newId: (id) => (prefix) => (prefix === parts.ownIdPrefix ? id : newId(prefix)),
    payloadScope: (id) => [name, id],
    respond: (id, appended, state, seq) => ({ stream: stream(id), seq, events: appended.map((e) => e.event), state, duplicate: false }),
    parseResponse: (json) => JSON.parse(json) as BetweenResult<K>,
  };
}

export const STREAM_KINDS: { [K in StreamKindName]: BetweenKind<K> } = {
  circular: betweenKind('circular', {
    commandSchema: CircularCommandSchema,
    initial: initialCircularState, evolve: evolveCircular, decide: decideCircular, eventSchema: CircularEventSchema, ownIdPrefix: 'circ',
  }),
  protocol: betweenKind('protocol', {
    commandSchema: ProtocolWorkflowCommandSchema,
    initial: initialProtocolWorkflowState, evolve: evolveProtocolWorkflow, decide: decideProtocolWorkflow, eventSchema: ProtocolWorkflowEventSchema,
  }),
  extraordinary: betweenKind('extraordinary', {
    commandSchema: ExtraordinaryCommandSchema,
    initial: initialExtraordinaryState, evolve: evolveExtraordinary, decide: decideExtraordinary, eventSchema: ExtraordinaryEventSchema,
  }),
  followup: betweenKind('followup', {
    commandSchema: FollowUpCommandSchema,
    initial: initialFollowUpState, evolve: evolveFollowUp, decide: decideFollowUp, eventSchema: FollowUpEventSchema,
  }),
  agenda: betweenKind('agenda', {
    commandSchema: AgendaRecordCommandSchema,
    initial: initialAgendaRecordState, evolve: evolveAgendaRecord, decide: decideAgendaRecord, eventSchema: AgendaRecordEventSchema,
  }),
  // R-AGR-1..3: a draft resolution of the Arbeitsgremium; R-AGR-4: working-group assignments (one stream, id 'dmk').
  draft: betweenKind('draft', {
    commandSchema: DraftCommandSchema, ownIdPrefix: 'draft',
    initial: initialDraftState, evolve: evolveDraft, decide: decideDraft, eventSchema: DraftEventSchema,
  }),
  assignment: betweenKind('assignment', {
    commandSchema: AssignmentCommandSchema,
    initial: initialAssignmentState, evolve: evolveAssignments, decide: decideAssignments, eventSchema: AssignmentEventSchema,
  }),
  /** The conference (one stream, `conference:dmk`): sessions and the chair rotation's deviations. */
  conference: betweenKind('conference', {
    commandSchema: ConferenceCommandSchema,
    initial: initialConferenceState, evolve: evolveConference, decide: decideConference, eventSchema: ConferenceEventSchema,
  }),
};
export const isStreamKind = (k: string): k is StreamKindName => Object.hasOwn(STREAM_KINDS, k);
