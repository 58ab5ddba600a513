import type { MeetingEvent } from './schema.ts';
import { own } from '../record.ts';
import type { AgendaItem, MeetingState, Participant, VoteRound } from './state.ts';
import { initialState } from './state.ts';

/**
 * evolve: the fold of events into state. Pure and cheap: it never mutates its input and copies
 * only the branch that changes (the server replays whole logs on restart).
 */

const mapItem = (s: MeetingState, itemId: string, f: (i: AgendaItem) => AgendaItem): AgendaItem[] =>
  s.agenda.map((i) => (i.id === itemId ? f(i) : i));

const patchParticipant = (s: MeetingState, id: string, patch: Partial<Participant>): MeetingState => {
  const p = own(s.participants, id);
  if (!p) return s;
  return { ...s, participants: { ...s.participants, [id]: { ...p, ...patch } } };
};

/**
 * Objects created during one `evolveAll` run and seen by nobody else: they may be updated in place.
 * This keeps a replay linear in the number of events even when the record of votes grows large;
 * a single `evolve` (owned = null) always copies.
 */
type Owned = WeakSet<object> | null;

function setKey<T>(record: Record<string, T>, key: string, value: T, owned: Owned): Record<string, T> {
  if (owned?.has(record)) {
    record[key] = value;
    return record;
  }
  const copy = { ...record, [key]: value };
  owned?.add(copy);
  return copy;
}

function append<T>(list: T[], item: T, owned: Owned): T[] {
  if (owned?.has(list)) {
    list.push(item);
    return list;
  }
  const copy = [...list, item];
  owned?.add(copy);
  return copy;
}

const patchVote = (s: MeetingState, id: string, patch: (v: VoteRound) => VoteRound, owned: Owned): MeetingState => {
  const v = own(s.votes, id);
  if (!v) return s;
  return { ...s, votes: setKey(s.votes, id, patch(v), owned) };
};

export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  return step(state, event, null);
}

function step(state: MeetingState, event: MeetingEvent, owned: Owned): MeetingState {
  const e = event;
  switch (e.type) {
    case 'SessionScheduled':
      return {
        ...state,
        meetingId: e.meetingId,
        session: {
          title: e.title, date: e.date, place: e.place, kind: e.kind, format: e.format, chairLands: [...e.chairLands],
          chairPeriod: e.chairPeriod, chairDeviation: e.chairDeviation, status: 'planned', openedAt: null, closedAt: null, public: false,
          cancelled: null, rescheduled: [],
        },
      };
    case 'SessionRescheduled':
      return state.session ? {
        ...state,
        session: {
          ...state.session, date: e.date, place: e.place, format: e.format, chairLands: [...e.chairLands], chairPeriod: e.chairPeriod,
          chairDeviation: e.chairDeviation, rescheduled: [...(state.session.rescheduled ?? []), { at: e.at, reason: e.reason, from: { ...e.from } }],
        },
      } : state;
    case 'SessionCancelled':
      return state.session ? { ...state, session: { ...state.session, cancelled: { at: e.at, reason: e.reason } } } : state;
    case 'ParticipantRegistered':
      return {
        ...state,
        participants: {
          ...state.participants,
          [e.participantId]: {
            id: e.participantId, name: e.name, kind: e.kind, land: e.land, chairPeriod: e.chairPeriod, guestKind: e.guestKind,
            itemIds: e.itemIds, accompanies: e.accompanies, announcedAt: e.announcedAt, announcedLate: e.announcedLate,
            registeredAt: e.at, registeredBy: e.by, presence: null, recordingConsent: false, replacedBy: null,
          },
        },
      };
    case 'TemporaryDeputyReplaced': {
      const p = state.participants[e.participantId];
      if (!p) return state;
      // The replaced deputy no longer represents the Land: no longer present for it either.
      return { ...state, participants: { ...state.participants, [p.id]: { ...p, replacedBy: e.replacedBy, presence: null } } };
    }
    case 'AgendaItemAdded': {
      const item: AgendaItem = {
        ...e.item, id: e.itemId, shortNotice: e.shortNotice, admitted: !e.shortNotice, bundesratCleared: false, reportNoted: false, voteIds: [],
      };
      const agenda = [...state.agenda];
      agenda.splice(Math.max(0, Math.min(e.position, agenda.length)), 0, item);
      return { ...state, agenda };
    }
    case 'AgendaItemEdited':
      return { ...state, agenda: mapItem(state, e.itemId, (i) => ({ ...i, ...e.changes })) };
    case 'AgendaItemRemoved':
      return {
        ...state,
        agenda: state.agenda.filter((i) => i.id !== e.itemId),
        currentItemId: state.currentItemId === e.itemId ? null : state.currentItemId,
      };
    case 'ItPlrCoordinationSet':
      return { ...state, agenda: mapItem(state, e.itemId, (i) => ({ ...i, itPlr: e.state })) };
    case 'SessionOpened':
      return state.session ? { ...state, session: { ...state.session, status: 'open', openedAt: e.at } } : state;
    case 'SessionClosed':
      return state.session ? { ...state, session: { ...state.session, status: 'closed', closedAt: e.at } } : state;
    case 'ParticipantCheckedIn':
      return patchParticipant(state, e.participantId, {
        presence: { mode: e.mode, via: e.via ?? null, since: e.at, recordedBy: e.by.participantId === e.participantId ? null : e.by },
      });
    case 'ParticipantCheckedOut':
      return patchParticipant(state, e.participantId, { presence: null });
    case 'QuorumChanged':
      return { ...state, quorumLog: append(state.quorumLog, { at: e.at, present: e.present, required: e.required, met: e.met }, owned) };
    case 'CurrentItemSet':
      return { ...state, currentItemId: e.itemId };
    case 'VoteOpened':
      return {
        ...state,
        openVoteId: e.voteId,
        votes: setKey(state.votes, e.voteId, {
          id: e.voteId, motion: e.motion, decisionRule: e.decisionRule, ruleId: e.ruleId, text: e.text, electorate: e.electorate,
          quorumAtOpen: e.quorumAtOpen, openedAt: e.at, status: 'open', ballots: {}, closedAt: null, explanation: null, choices: null,
        }, owned),
      };
    case 'VoteCast':
      return patchVote(state, e.voteId, (v) => {
        const prev = own(v.ballots, e.land);
        // A log written before R-VOT-7 has no `oral`: those votes came from devices.
        const oral = e.oral ?? null;
        const entry = { choice: e.choice, participantId: e.participantId, at: e.at, oral };
        return {
          ...v,
          ballots: setKey(v.ballots, e.land, {
            choice: e.choice, participantId: e.participantId, castBy: e.castBy, at: e.at, oral,
            history: prev ? append(prev.history, entry, owned) : [entry],
            // R-MEM-2 / R-VOT-7: the conflict as of this entry (decide recomputes it; converging clears it).
            conflict: e.conflict,
          }, owned),
        };
      }, owned);
    case 'VoteClosed': {
      const next = patchVote(state, e.voteId, (v) => ({ ...v, status: 'closed', closedAt: e.at, explanation: e.explanation, choices: e.choices }), owned);
      const motion = own(state.votes, e.voteId)?.motion;
      const itemId = motion && motion.kind !== 'setPublic' ? motion.itemId : null;
      return {
        ...next,
        openVoteId: state.openVoteId === e.voteId ? null : state.openVoteId,
        agenda: itemId ? mapItem(next, itemId, (i) => ({ ...i, voteIds: append(i.voteIds, e.voteId, owned) })) : next.agenda,
      };
    }
    case 'VoteCancelled': {
      const next = patchVote(state, e.voteId, (v) => ({ ...v, status: 'cancelled', closedAt: e.at }), owned);
      return { ...next, openVoteId: state.openVoteId === e.voteId ? null : state.openVoteId };
    }
    case 'ShortNoticeItemAdmitted':
      return { ...state, agenda: mapItem(state, e.itemId, (i) => ({ ...i, admitted: true })) };
    case 'BundesratProcedureCleared':
      return { ...state, agenda: mapItem(state, e.itemId, (i) => ({ ...i, bundesratCleared: true })) };
    case 'PublicSwitched':
      return state.session ? { ...state, session: { ...state.session, public: e.public } } : state;
    case 'ReportNoted':
      return { ...state, agenda: mapItem(state, e.itemId, (i) => ({ ...i, reportNoted: true })) };
    case 'VoteTransferred':
      return {
        ...state,
        transfers: append(state.transfers, { id: e.transferId, from: e.from, to: e.to, scope: e.scope, at: e.at, by: e.by, revokedAt: null }, owned),
      };
    case 'TransferRevoked':
      return { ...state, transfers: state.transfers.map((t) => (t.id === e.transferId ? { ...t, revokedAt: e.at } : t)) };
    case 'DeclarationAdded':
      return {
        ...state,
        declarations: append(state.declarations, { id: e.declarationId, itemId: e.itemId, land: e.land, participantId: e.participantId, text: e.text, at: e.at }, owned),
      };
    case 'RecordingConsentGiven':
      return patchParticipant(state, e.participantId, { recordingConsent: true });
    case 'RecordingConsentWithdrawn':
      return patchParticipant(state, e.participantId, { recordingConsent: false });
    case 'RecordingStarted':
      return { ...state, recording: { active: true, since: e.at } };
    case 'RecordingStopped':
      return { ...state, recording: { active: false, since: null } };
    case 'FloorRequested':
      return { ...state, speakers: { ...state.speakers, queue: [...state.speakers.queue, { participantId: e.participantId, requestedAt: e.at }] } };
    case 'FloorRequestWithdrawn':
      return { ...state, speakers: { ...state.speakers, queue: state.speakers.queue.filter((q) => q.participantId !== e.participantId) } };
    case 'FloorGiven':
      return {
        ...state,
        speakers: {
          queue: state.speakers.queue.filter((q) => q.participantId !== e.participantId),
          current: { participantId: e.participantId, since: e.at },
        },
      };
    case 'FloorEnded':
      return { ...state, speakers: { ...state.speakers, current: null } };
    case 'AgendaProposed':
      return { ...state, agendaProposals: [...state.agendaProposals, { targetSessionId: e.targetSessionId, drafts: e.drafts, at: e.at }] };
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

export function evolveAll(events: readonly MeetingEvent[], from: MeetingState = initialState()): MeetingState {
  const owned: Owned = new WeakSet<object>();
  let s = from;
  for (const e of events) s = step(s, e, owned);
  return s;
}
