import type { ChairDeviation } from '../chair.ts';
import type { LandCode } from '../profile.ts';
import type { ConferenceEvent, ConferenceFormat, ConferenceSessionKind } from './schema.ts';

export interface ConferenceSession {
  id: string;
  kind: ConferenceSessionKind;
  basis: 'schedule' | 'chairProposal' | 'request';
  requestId: string | null;
  title: string;
  date: string;
  startTime: string;
  place: string;
  format: ConferenceFormat;
  chairLands: LandCode[];
  chairDecision: string | null;
  status: 'planned' | 'open' | 'closed' | 'cancelled';
  createdAt: string;
  /** Every reschedule and the cancellation, with its reason (recorded, never overwritten). */
  changes: { at: string; kind: 'rescheduled' | 'cancelled'; reason: string; from: { date: string; startTime: string; place: string; format: ConferenceFormat } }[];
  /** Items carried in from earlier sessions: `${fromSessionId}/${itemId}`. */
  carriedIn: { fromSessionId: string; itemId: string; at: string }[];
}

export interface ConferenceState {
  deviations: (ChairDeviation & { id: string; at: string })[];
  sessions: Record<string, ConferenceSession>;
}

export const initialConferenceState = (): ConferenceState => ({ deviations: [], sessions: {} });

export function evolveConference(s: ConferenceState, e: ConferenceEvent): ConferenceState {
  const update = (id: string, f: (x: ConferenceSession) => ConferenceSession): ConferenceState => {
    const x = s.sessions[id];
    return x ? { ...s, sessions: { ...s.sessions, [id]: f(x) } } : s;
  };
  switch (e.type) {
    case 'ChairDeviationRecorded':
      return { ...s, deviations: [...s.deviations, { id: e.deviationId, years: e.years, lands: e.lands, decision: e.decision, agreedBy: e.agreedBy, at: e.at }] };
    case 'SessionCreated':
      return {
        ...s,
        sessions: {
          ...s.sessions,
          [e.sessionId]: {
            id: e.sessionId, kind: e.kind, basis: e.basis, requestId: e.requestId, title: e.title, date: e.date, startTime: e.startTime,
            place: e.place, format: e.format, chairLands: e.chairLands, chairDecision: e.chairDecision, status: 'planned', createdAt: e.at,
            changes: [], carriedIn: [],
          },
        },
      };
    case 'SessionRescheduled':
      return update(e.sessionId, (x) => ({
        ...x, date: e.date, startTime: e.startTime, place: e.place, format: e.format, chairLands: e.chairLands, chairDecision: e.chairDecision,
        changes: [...x.changes, { at: e.at, kind: 'rescheduled', reason: e.reason, from: { date: x.date, startTime: x.startTime, place: x.place, format: x.format } }],
      }));
    case 'SessionCancelled':
      return update(e.sessionId, (x) => ({
        ...x, status: 'cancelled',
        changes: [...x.changes, { at: e.at, kind: 'cancelled', reason: e.reason, from: { date: x.date, startTime: x.startTime, place: x.place, format: x.format } }],
      }));
    case 'SessionOpened':
      return update(e.sessionId, (x) => ({ ...x, status: 'open' }));
    case 'SessionClosed':
      return update(e.sessionId, (x) => ({ ...x, status: 'closed' }));
    case 'ItemCarriedOver':
      return update(e.toSessionId, (x) => ({ ...x, carriedIn: [...x.carriedIn, { fromSessionId: e.fromSessionId, itemId: e.itemId, at: e.at }] }));
    default: {
      const never: never = e;
      return never;
    }
  }
}
