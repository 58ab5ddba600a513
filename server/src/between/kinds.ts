import {
  decideCircular, decideExtraordinary, decideFollowUp, decideProtocolWorkflow, evolveCircular, evolveExtraordinary,
  evolveFollowUp, evolveProtocolWorkflow, initialCircularState, initialExtraordinaryState, initialFollowUpState,
  initialProtocolWorkflowState, type DecideContext, type RuleViolation,
  decideAgendaRecord, evolveAgendaRecord, initialAgendaRecordState,
  decideConference, evolveConference, initialConferenceState, ConferenceEventSchema,
  AgendaRecordEventSchema, CircularEventSchema, ExtraordinaryEventSchema, FollowUpEventSchema, ProtocolWorkflowEventSchema,
  decideDraft, evolveDraft, initialDraftState, DraftEventSchema, decideAssignments, evolveAssignments, initialAssignmentState, AssignmentEventSchema,
} from '@plenum/shared';

/** The between-sessions deciders, addressed by a stream kind (agenda: R-AGD-6 records of a meeting). */
export interface StreamKind<S = unknown> {
  initial: () => S;
  evolve: (s: S, e: never) => S;
  decide: (s: S, command: unknown, ctx: DecideContext) => { ok: true; events: { type: string; at: string; by: { role: string; participantId: string | null } }[] } | RuleViolation;
  /** The stream's event schema, for the verifier (verify-log.ts). */
  schema: { safeParse: (value: unknown) => { success: boolean } };
}

const kind = <S>(k: { initial: () => S; evolve: (s: S, e: never) => S; decide: StreamKind<S>['decide']; schema: StreamKind['schema'] }): StreamKind => k as unknown as StreamKind;

export const STREAM_KINDS = {
  circular: kind({ initial: initialCircularState, evolve: evolveCircular, decide: decideCircular, schema: CircularEventSchema }),
  protocol: kind({ initial: initialProtocolWorkflowState, evolve: evolveProtocolWorkflow, decide: decideProtocolWorkflow, schema: ProtocolWorkflowEventSchema }),
  extraordinary: kind({ initial: initialExtraordinaryState, evolve: evolveExtraordinary, decide: decideExtraordinary, schema: ExtraordinaryEventSchema }),
  followup: kind({ initial: initialFollowUpState, evolve: evolveFollowUp, decide: decideFollowUp, schema: FollowUpEventSchema }),
  agenda: kind({ initial: initialAgendaRecordState, evolve: evolveAgendaRecord, decide: decideAgendaRecord, schema: AgendaRecordEventSchema }),
  // R-AGR-1..3: a draft resolution of the Arbeitsgremium; R-AGR-4: working-group assignments (one stream, id 'dmk').
  draft: kind({ initial: initialDraftState, evolve: evolveDraft, decide: decideDraft, schema: DraftEventSchema }),
  assignment: kind({ initial: initialAssignmentState, evolve: evolveAssignments, decide: decideAssignments, schema: AssignmentEventSchema }),
  /** The conference (one stream, `conference:dmk`): sessions and the chair rotation's deviations. */
  conference: kind({ initial: initialConferenceState, evolve: evolveConference, decide: decideConference, schema: ConferenceEventSchema }),
} as const;
export type StreamKindName = keyof typeof STREAM_KINDS;
export const isStreamKind = (k: string): k is StreamKindName => Object.hasOwn(STREAM_KINDS, k);
