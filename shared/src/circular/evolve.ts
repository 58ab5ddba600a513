import type { CircularEvent } from './schema.ts';
import { initialCircularState, type CircularState } from './state.ts';

/** The fold of a circular procedure's events. Pure; returns a new state. */
export function evolveCircular(state: CircularState, event: CircularEvent): CircularState {
  switch (event.type) {
    case 'CircularStarted':
      return {
        ...state, procedureId: event.procedureId, status: 'running', title: event.title, text: event.text,
        paragraphs: event.paragraphs, proposingLand: event.proposingLand, chairLands: event.chairLands,
        holidayLands: event.holidayLands, roster: event.roster, agreementsNeeded: event.agreementsNeeded,
        startedAt: event.at, deadline: event.deadline,
      };
    case 'CircularAnswered': {
      const entry = { choice: event.choice, participantId: event.participantId, at: event.at };
      const previous = state.answers[event.land];
      return {
        ...state,
        answers: { ...state.answers, [event.land]: { ...entry, history: [...(previous?.history ?? []), entry] } },
      };
    }
    case 'CircularDeclarationAdded':
      return {
        ...state,
        declarations: [...state.declarations, { id: event.declarationId, land: event.land, participantId: event.participantId, text: event.text, at: event.at }],
      };
    case 'CircularObjected':
      return {
        ...state, status: 'objected', goesToSession: true, closedAt: event.at,
        objection: { land: event.land, participantId: event.participantId, reason: event.reason, at: event.at },
      };
    case 'CircularClosed':
      return { ...state, status: event.explanation.outcome, closedAt: event.at, explanation: event.explanation };
    case 'CircularResultCommunicated':
      return { ...state, communicatedAt: event.at, recipients: event.recipients };
    case 'CircularResultPublished':
      return { ...state, publishedAt: event.at };
    default: {
      const never: never = event;
      return never;
    }
  }
}

export function evolveCircularAll(events: readonly CircularEvent[]): CircularState {
  return events.reduce(evolveCircular, initialCircularState());
}
