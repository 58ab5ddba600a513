import {
  decideCircular, decideExtraordinary, decideFollowUp, decideProtocolWorkflow, evolveCircular, evolveExtraordinary,
  evolveFollowUp, evolveProtocolWorkflow, initialCircularState, initialExtraordinaryState, initialFollowUpState,
  initialProtocolWorkflowState, type BetweenContext, type RuleViolation,
  decideAgendaRecord, evolveAgendaRecord, initialAgendaRecordState,
} from '@plenum/shared';

/** The between-sessions deciders, addressed by a stream kind (agenda: R-AGD-6 records of a meeting). */
export interface StreamKind<S = unknown> {
  initial: () => S;
  evolve: (s: S, e: never) => S;
  decide: (s: S, command: unknown, ctx: BetweenContext) => { ok: true; events: { type: string; at: string; by: { role: string; participantId: string | null } }[] } | RuleViolation;
}

const kind = <S>(k: { initial: () => S; evolve: (s: S, e: never) => S; decide: StreamKind<S>['decide'] }): StreamKind => k as unknown as StreamKind;

export const STREAM_KINDS = {
  circular: kind({ initial: initialCircularState, evolve: evolveCircular, decide: decideCircular }),
  protocol: kind({ initial: initialProtocolWorkflowState, evolve: evolveProtocolWorkflow, decide: decideProtocolWorkflow }),
  extraordinary: kind({ initial: initialExtraordinaryState, evolve: evolveExtraordinary, decide: decideExtraordinary }),
  followup: kind({ initial: initialFollowUpState, evolve: evolveFollowUp, decide: decideFollowUp }),
  agenda: kind({ initial: initialAgendaRecordState, evolve: evolveAgendaRecord, decide: decideAgendaRecord }),
} as const;
export type StreamKindName = keyof typeof STREAM_KINDS;
export const isStreamKind = (k: string): k is StreamKindName => Object.hasOwn(STREAM_KINDS, k);
