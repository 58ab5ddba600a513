import type { LandCode, RulesProfile } from '../profile.ts';
import { agendaDeadlines, type AgendaDeadline, type AgendaSessionKind } from './agenda.ts';
import { protocolDeadlines, protocolHolidayLands, type ProtocolDeadlines } from './protocol.ts';
import { agendaDeadlineRecord, type AgendaRecordState } from './agendaRecord.ts';
import type { ProtocolWorkflowState } from '../resultsProtocol/workflow.ts';

/**
 * What the office sees of a meeting's deadlines: R-AGD-6 (three for a regular session; proposals
 * and final papers for an extraordinary one, possibly shortened with a reason), and R-PRT-2 once
 * the session has closed (before that no period runs). The protocol periods count from the
 * session's date and use the holidays of the chair in force then (the session's recorded chair).
 */
export interface SessionDeadlines {
  sessionDate: string;
  kind: AgendaSessionKind;
  agenda: AgendaDeadline[];
  protocol: (ProtocolDeadlines & { objections: number; openObjections: number; approvedAt: string | null }) | null;
}

export function sessionDeadlines(
  session: { date: string; kind: AgendaSessionKind; status: string; closedAt: string | null; chairLands?: readonly LandCode[] },
  agenda: AgendaRecordState, protocol: ProtocolWorkflowState, profile: RulesProfile, now: string,
): SessionDeadlines {
  const closed = session.status === 'closed';
  const sessionDay = protocol.sessionDay ?? session.date;
  const lands: LandCode[] = protocolHolidayLands(sessionDay, profile, session.chairLands);
  const p = closed || protocol.sentAt ? protocolDeadlines(session, protocol.sentAt, profile, now, lands) : null;
  return {
    sessionDate: session.date,
    kind: session.kind,
    agenda: agendaDeadlines(session.date, profile, agendaDeadlineRecord(agenda), now, session.kind),
    protocol: p && {
      // The stored event is the truth once sent (its periods were fixed then).
      ...p, objectionsEnd: protocol.objectionsEnd ?? p.objectionsEnd,
      objections: protocol.objections.length, openObjections: protocol.objections.filter((o) => !o.resolvedAt).length,
      approvedAt: protocol.approvedAt,
    },
  };
}
