import {
  berlinDate, conferenceArchive, conferenceOverview, type FollowUpState, type AgendaRecordState, type ConferenceHome, type ConferenceState, type ExtraordinaryState, type MeetingState,
  type MeetingSummary, type ProtocolWorkflowState, type RulesProfile,
} from '@plenum/shared';

/** What the conference home reads of each session's own streams. */
export interface SessionRecords {
  meeting: MeetingState | null;
  agenda: AgendaRecordState | null;
  protocol: ProtocolWorkflowState | null;
}

/** GET /api/conference: the conference's sessions with their deadlines and each session's summary. */
export function conferenceHome(
  conference: ConferenceState, records: ReadonlyMap<string, SessionRecords>, requests: { id: string; state: ExtraordinaryState }[],
  profile: RulesProfile, now: string, followUp: FollowUpState | null = null,
): ConferenceHome {
  const agendaRecords = Object.fromEntries([...records].map(([id, r]) => [id, {
    draftAgenda: r.agenda?.draftAgendaAt ?? null, finalPapers: r.agenda?.finalPapersAt ?? null, shorterPeriod: r.agenda?.shorterPeriod ?? null,
  }]));
  const linked = new Set(Object.values(conference.sessions).filter((s) => s.status !== 'cancelled').map((s) => s.requestId));
  const sessions = conferenceOverview(conference, profile, now, agendaRecords, berlinDate(now)).map((s) => {
    const r = records.get(s.id);
    return { ...s, meeting: r?.meeting ? meetingSummary(r.meeting, r.protocol, profile) : null };
  });
  return {
    timeZone: 'Europe/Berlin',
    archive: conferenceArchive(sessions, followUp),
    deviations: conference.deviations,
    reachedRequests: requests
      .filter((r) => r.state.status === 'reached' && !linked.has(r.id))
      .map((r) => ({ id: r.id, reason: r.state.reason, reachedAt: r.state.reachedAt ?? '' })),
    sessions,
  };
}

/** Agenda with outcomes, attendance, results and protocol status of one session, from its log. */
export function meetingSummary(state: MeetingState, protocol: ProtocolWorkflowState | null, profile: RulesProfile): MeetingSummary {
  const closedVotes = Object.values(state.votes).filter((v) => v.status === 'closed').sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  const items = state.agenda.map((item) => {
    const last = closedVotes.filter((v) => v.motion.kind === 'resolution' && v.motion.itemId === item.id).at(-1);
    const outcome = item.kind === 'report' ? (item.reportNoted ? 'noted' : null) : last?.explanation?.outcome ?? null;
    return { id: item.id, number: item.number, title: item.title, outcome };
  });
  const present = new Set(Object.values(state.participants).filter((p) => p.presence && p.land).map((p) => p.land)).size;
  const atClose = state.quorumLog.at(-1)?.present ?? 0;
  const status = state.session?.status === 'open' ? 'open' : state.session?.status === 'closed' ? 'closed' : 'planned';
  return {
    status, items,
    landsPresent: status === 'closed' ? atClose : present,
    landsTotal: profile.lands.length,
    results: {
      adopted: items.filter((i) => i.outcome === 'adopted').length,
      rejected: items.filter((i) => i.outcome === 'rejected').length,
      noted: items.filter((i) => i.outcome === 'noted').length,
      open: items.filter((i) => i.outcome === null).length,
    },
    protocol: protocol?.status ?? 'none',
    agendaProposals: state.agendaProposals,
  };
}

