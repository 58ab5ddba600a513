import type { Choice, Paragraph } from '../model.ts';
import type { LandCode } from '../profile.ts';
import type { CircularExplanation, CircularRosterEntry } from './schema.ts';

export interface CircularAnswer {
  choice: Choice;
  participantId: string;
  at: string;
  /** Every answer given, in order; the last one counts. */
  history: { choice: Choice; participantId: string; at: string }[];
}

export interface CircularState {
  procedureId: string | null;
  /** running → objected (goes to a session) | adopted | rejected */
  status: 'none' | 'running' | 'objected' | 'adopted' | 'rejected';
  title: string;
  text: string;
  paragraphs: Paragraph[];
  proposingLand: LandCode | null;
  chairLands: LandCode[];
  holidayLands: LandCode[];
  roster: CircularRosterEntry[];
  agreementsNeeded: number;
  startedAt: string | null;
  deadline: string | null;
  answers: Record<LandCode, CircularAnswer>;
  declarations: { id: string; land: LandCode; participantId: string; text: string; at: string }[];
  objection: { land: LandCode; participantId: string; reason: string | null; at: string } | null;
  /** R-CIR-1: an objection sends the proposal to a session. */
  goesToSession: boolean;
  closedAt: string | null;
  explanation: CircularExplanation | null;
  communicatedAt: string | null;
  recipients: LandCode[];
  publishedAt: string | null;
}

export function initialCircularState(): CircularState {
  return {
    procedureId: null, status: 'none', title: '', text: '', paragraphs: [], proposingLand: null, chairLands: [],
    holidayLands: [], roster: [], agreementsNeeded: 0, startedAt: null, deadline: null, answers: {}, declarations: [],
    objection: null, goesToSession: false, closedAt: null, explanation: null, communicatedAt: null, recipients: [],
    publishedAt: null,
  };
}
