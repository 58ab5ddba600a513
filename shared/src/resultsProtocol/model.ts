import type { Attachment, SessionFormat, Choice, Explanation, Motion, Paragraph, TransferScope, OralMode, RemoteChannel } from '../model.ts';
import { DMK_PROFILE, type LandCode, type RulesProfile } from '../profile.ts';
import { itemOutcome, paragraphOutcomes } from './outcomes.ts';
import type { MeetingEvent, MeetingState } from '../meeting/index.ts';
import type { RecordRef } from '../fingerprint.ts';

/**
 * R-PRT-1: the results protocol (Ergebnisprotokoll) as data, built only from the session's
 * record: participants and their modes, quorum over time, each item's outcome with the count and
 * every Land's vote, transfers and deputies, protocol declarations, and each decision's
 * explanation. Renderers (Markdown, JSON, PDF) only format this model.
 */

export type ItemOutcome = 'adopted' | 'rejected' | 'partlyAdopted' | 'notDecided' | 'noted' | 'discussed' | 'notVoted';
export type ParagraphOutcome = 'adopted' | 'rejected' | 'notDecided' | 'notVoted';

export interface ProtocolPerson {
  participantId: string;
  name: string;
  kind: string;
  /**
   * R-SES-2: each check-in with its mode (remote: by video or telephone when recorded); `until`
   * null while still present at the end. `byRollCall`: recorded by the chair or the office (R-VOT-7).
   */
  attendance: { mode: 'room' | 'remote'; via: RemoteChannel | null; byRollCall: boolean; from: string; until: string | null }[];
}

export interface ProtocolLandVote {
  land: LandCode;
  choice: Choice | null;
  /** The Land that cast it: itself, or the holder of its transferred vote (R-MEM-4). */
  castBy: LandCode | null;
  viaTransfer: boolean;
  participantId: string | null;
  participantName: string | null;
  /** The kind of that person (member, chair, …), or the recorder's role: the office it names when no name may be shown. */
  participantKind: string | null;
  /** R-MEM-2 / R-VOT-7: at the close, the representatives' or the chair's latest entries differed (the final Ballot.conflict). */
  conflict: boolean;
  changes: number;
  /** R-VOT-7: the counting entry was declared orally (show of hands, roll call) and recorded by `participantId`; null: a device. */
  oral: OralMode | null;
  /**
   * R-MEM-2 / R-VOT-7, with `conflict`: the other entries that differed at the close (each other
   * voice's latest: a representative's device, or the chair's record), in the order they were made.
   * The last entry of all counted; these did not.
   */
  differing: ProtocolEntry[];
}

/** One entry in a Land's slot: its choice, who made it and whether it was declared orally (R-VOT-7). */
export interface ProtocolEntry { choice: Choice; oral: OralMode | null; participantId: string; participantName: string; participantKind: string; at: string }

export interface ProtocolVote {
  voteId: string;
  motion: Motion;
  /** null: the whole proposal; otherwise the paragraph voted on (R-VOT-6). */
  paragraph: string | null;
  ruleId: string;
  text: string;
  openedAt: string;
  closedAt: string | null;
  status: 'closed' | 'cancelled';
  explanation: Explanation | null;
  outcome: 'adopted' | 'rejected' | 'notDecided' | 'cancelled';
  lands: ProtocolLandVote[];
}

export interface ProtocolDeclaration { land: LandCode; participantId: string; participantName: string; text: string; at: string; kind: string }

export interface ProtocolItem {
  id: string;
  number: string;
  title: string;
  kind: 'proposal' | 'report';
  rapporteurs: string[];
  paragraphs: Paragraph[];
  shortNotice: boolean;
  admitted: boolean;
  bundesrat: boolean;
  barredFromPublication: boolean;
  outcome: ItemOutcome;
  /** R-VOT-6: each paragraph's outcome (the whole vote's for every paragraph when voted as a whole). */
  paragraphOutcomes: { number: string; outcome: ParagraphOutcome }[];
  /** R-PRT-3, published version: paragraphs left out because they were not adopted (empty otherwise). */
  notAdoptedParagraphs: string[];
  /** The votes on the proposal itself (resolution motions). */
  votes: ProtocolVote[];
  /** Procedural votes on the item (R-AGD-2 admission, R-AGD-3 Bundesrat procedure). */
  proceduralVotes: ProtocolVote[];
  declarations: ProtocolDeclaration[];
  /**
   * R-PRT-3: the documents the resolution refers to, as voted. The published version keeps only
   * those of an adopted resolution (or a report taken note of) whose referring paragraphs include
   * an adopted one, and none barred.
   */
  attachments: Attachment[];
}

export interface ResultsProtocolModel {
  meetingId: string;
  title: string;
  date: string;
  place: string;
  kind: 'regular' | 'extraordinary' | 'arbeitsgremium';
  /** R-SES-2: room, telephone, video, web conference or hybrid. */
  format: SessionFormat;
  chairLands: LandCode[];
  openedAt: string | null;
  closedAt: string | null;
  lands: { land: LandCode; name: string; nameEn: string; present: boolean; representatives: ProtocolPerson[] }[];
  guests: ProtocolPerson[];
  staff: (ProtocolPerson & { accompanies: string | null; announcedLate: boolean })[];
  quorum: { at: string; present: number; required: number; met: boolean }[];
  items: ProtocolItem[];
  /** Session-level procedural votes (R-SES-4 public). */
  sessionVotes: ProtocolVote[];
  transfers: { from: LandCode; to: LandCode; scope: TransferScope; scopeItems: string[]; at: string; revokedAt: string | null }[];
  /** R-MEM-3: temporary deputies, who named them and when (`namedByKind`: the namer's kind or role). */
  deputies: { participantId: string; land: LandCode; name: string; namedAt: string; namedBy: string; namedByParticipantId: string | null; namedByKind: string }[];
  conflicts: { itemNumber: string | null; voteId: string; land: LandCode }[];
  /** Set for the published version (R-PRT-3): how many items were withheld. */
  withheldItems: number;
  /** R-PRT-3: this is the published version (publicationOf). */
  published: boolean;
  /**
   * F4: the log position it was made from: the meeting log's head (seq) and its fingerprint
   * ("Prüfsumme des Protokolls"). Null when built without the log (examples, tests).
   */
  record: RecordRef | null;
}

export function buildResultsProtocol(
  state: MeetingState, events: readonly MeetingEvent[], profile: RulesProfile = DMK_PROFILE, record: RecordRef | null = null,
): ResultsProtocolModel {
  const session = state.session;
  if (!session || !state.meetingId) throw new Error('no session scheduled');
  const endAt = session.closedAt;
  const attendance = attendanceFromEvents(events, endAt);
  const person = (id: string): ProtocolPerson => {
    const p = state.participants[id];
    return { participantId: id, name: p?.name ?? id, kind: p?.kind ?? 'unknown', attendance: attendance.get(id) ?? [] };
  };
  const nameOf = (id: string | null) => (id ? state.participants[id]?.name ?? id : null);
  // The recorder of an oral vote may be the office or the chair acting without a participant: its role.
  const kindOf = (id: string | null) => (id ? state.participants[id]?.kind ?? (isRole(id) ? id : 'unknown') : null);
  const itemNumber = (id: string | null) => state.agenda.find((i) => i.id === id)?.number ?? null;

  const participants = Object.values(state.participants);
  const representativeKinds = new Set(['member', 'permanentDeputy', 'temporaryDeputy']);
  const lands = profile.lands.map((l) => {
    const representatives = participants
      .filter((p) => p.land === l.code && representativeKinds.has(p.kind))
      .map((p) => person(p.id))
      .filter((p) => p.attendance.length > 0);
    return { land: l.code, name: l.name, nameEn: l.nameEn, present: representatives.length > 0, representatives };
  });

  const votes = Object.values(state.votes)
    .filter((v) => v.status !== 'open')
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  const toProtocolVote = (v: (typeof votes)[number]): ProtocolVote => ({
    voteId: v.id,
    motion: v.motion,
    paragraph: v.motion.kind === 'resolution' ? v.motion.paragraph : null,
    ruleId: v.ruleId,
    text: v.text,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    status: v.status === 'cancelled' ? 'cancelled' : 'closed',
    explanation: v.explanation,
    outcome: v.status === 'cancelled' ? 'cancelled' : v.explanation?.outcome ?? 'notDecided',
    lands: Object.keys(v.electorate).sort(landOrder(profile)).map((land) => {
      const ballot = v.ballots[land];
      const seat = v.electorate[land];
      return {
        land,
        choice: v.choices ? v.choices[land] ?? null : ballot?.choice ?? null,
        castBy: seat.castBy,
        viaTransfer: seat.castBy !== land,
        participantId: ballot?.participantId ?? null,
        participantName: ballot && state.participants[ballot.participantId] ? nameOf(ballot.participantId) : null,
        participantKind: kindOf(ballot?.participantId ?? null),
        conflict: ballot?.conflict ?? false,
        changes: Math.max(0, (ballot?.history.length ?? 0) - 1),
        oral: ballot?.oral ?? null,
        differing: ballot?.conflict ? differingEntries(ballot.history).map((h) => ({
          ...h, participantName: state.participants[h.participantId] ? nameOf(h.participantId) ?? '' : '', participantKind: kindOf(h.participantId) ?? 'unknown',
        })) : [],
      };
    }),
  });
  const protocolVotes = votes.map(toProtocolVote);

  const voted = textAsVoted(events, new Set(votes.filter((v) => v.status === 'closed').map((v) => v.id)));
  const items: ProtocolItem[] = state.agenda.map((item) => {
    const onItem = protocolVotes.filter((v) => v.motion.kind !== 'setPublic' && v.motion.itemId === item.id);
    const resolutionVotes = onItem.filter((v) => v.motion.kind === 'resolution');
    const text = voted.get(item.id) ?? item;
    return {
      id: item.id, number: item.number, title: text.title, kind: text.kind, rapporteurs: [...item.rapporteurs],
      paragraphs: text.paragraphs, shortNotice: item.shortNotice, admitted: item.admitted, bundesrat: item.bundesrat,
      barredFromPublication: item.barredFromPublication,
      attachments: attachmentsAsVoted(text.attachments, item.attachments),
      outcome: itemOutcome(item.kind, item.reportNoted, resolutionVotes),
      paragraphOutcomes: paragraphOutcomes(text.kind, text.paragraphs, resolutionVotes),
      notAdoptedParagraphs: [],
      votes: resolutionVotes,
      proceduralVotes: onItem.filter((v) => v.motion.kind !== 'resolution'),
      declarations: state.declarations.filter((d) => d.itemId === item.id).map((d) => ({
        land: d.land, participantId: d.participantId, participantName: nameOf(d.participantId) ?? d.participantId, text: d.text, at: d.at,
        kind: state.participants[d.participantId]?.kind ?? 'unknown',
      })),
    };
  });

  const deputies = participants.filter((p) => p.kind === 'temporaryDeputy' && p.land).map((p) => {
    const namer = p.registeredBy.participantId;
    return {
      participantId: p.id, land: p.land as LandCode, name: p.name, namedAt: p.registeredAt,
      namedBy: namer ? nameOf(namer) ?? p.registeredBy.role : p.registeredBy.role,
      namedByParticipantId: namer, namedByKind: (namer ? state.participants[namer]?.kind : null) ?? p.registeredBy.role,
    };
  });

  return {
    meetingId: state.meetingId, title: session.title, date: session.date, place: session.place, kind: session.kind,
    format: session.format, chairLands: [...session.chairLands], openedAt: session.openedAt, closedAt: session.closedAt,
    lands,
    guests: participants.filter((p) => p.kind === 'guest').map((p) => person(p.id)),
    staff: participants.filter((p) => p.kind === 'staff').map((p) => ({ ...person(p.id), accompanies: p.accompanies, announcedLate: p.announcedLate })),
    quorum: [...state.quorumLog],
    items,
    sessionVotes: protocolVotes.filter((v) => v.motion.kind === 'setPublic'),
    transfers: state.transfers.map((t) => ({
      from: t.from, to: t.to, scope: t.scope,
      scopeItems: t.scope.kind === 'items' ? t.scope.itemIds.map((id) => itemNumber(id) ?? id) : [],
      at: t.at, revokedAt: t.revokedAt,
    })),
    deputies,
    conflicts: protocolVotes.flatMap((v) => v.lands.filter((l) => l.conflict).map((l) => ({
      itemNumber: v.motion.kind !== 'setPublic' ? itemNumber(v.motion.itemId) : null, voteId: v.voteId, land: l.land,
    }))),
    withheldItems: 0,
    published: false,
    record,
  };
}

type ItemText = { title: string; kind: 'proposal' | 'report'; paragraphs: Paragraph[]; attachments?: Attachment[] };

/**
 * R-PRT-1 / R-VOT-5: each item's title, kind and paragraphs as they stood when its last closed
 * resolution vote opened (what the frozen vote text was made from), so that an edit recorded
 * after the decision (possible in logs from before it was refused) cannot change the protocol.
 */
function textAsVoted(events: readonly MeetingEvent[], closedVoteIds: ReadonlySet<string>): Map<string, ItemText> {
  const current = new Map<string, ItemText>();
  const voted = new Map<string, ItemText>();
  for (const e of events) {
    if (e.type === 'AgendaItemAdded') current.set(e.itemId, { title: e.item.title, kind: e.item.kind, paragraphs: e.item.paragraphs, attachments: e.item.attachments });
    else if (e.type === 'AgendaItemEdited') {
      const before = current.get(e.itemId);
      if (before) {
        current.set(e.itemId, {
          title: e.changes.title ?? before.title, kind: e.changes.kind ?? before.kind, paragraphs: e.changes.paragraphs ?? before.paragraphs,
          attachments: e.changes.attachments ?? before.attachments,
        });
      }
    } else if (e.type === 'VoteOpened' && e.motion.kind === 'resolution' && closedVoteIds.has(e.voteId)) {
      const text = current.get(e.motion.itemId);
      if (text) voted.set(e.motion.itemId, text);
    }
  }
  return voted;
}

/**
 * R-PRT-3: each attachment as voted; whether it is barred from publication is the office's current
 * marking (the one thing about it that may change after the decision).
 */
function attachmentsAsVoted(voted: readonly Attachment[] | undefined, now: readonly Attachment[] | undefined): Attachment[] {
  const barred = new Map((now ?? []).map((a) => [a.label, a.barredFromPublication]));
  return (voted ?? []).map((a) => ({ ...a, paragraphs: [...a.paragraphs], barredFromPublication: barred.get(a.label) ?? a.barredFromPublication }));
}

/** R-SES-2: every check-in and check-out, in order, per participant. */
function attendanceFromEvents(events: readonly MeetingEvent[], endAt: string | null) {
  const map = new Map<string, ProtocolPerson['attendance']>();
  for (const e of events) {
    if (e.type === 'ParticipantCheckedIn') {
      const list = map.get(e.participantId) ?? [];
      const open = list[list.length - 1];
      if (open && open.until === null) open.until = e.at; // a mode change closes the previous stretch
      list.push({ mode: e.mode, via: e.via ?? null, byRollCall: e.by.participantId !== e.participantId && e.by.role !== 'system', from: e.at, until: null });
      map.set(e.participantId, list);
    } else if (e.type === 'ParticipantCheckedOut') {
      const open = map.get(e.participantId)?.at(-1);
      if (open && open.until === null) open.until = e.at;
    }
  }
  if (endAt) for (const list of map.values()) for (const a of list) if (a.until === null) a.until = endAt;
  return map;
}

const ROLES = new Set(['chair', 'office', 'system']);
const isRole = (id: string) => ROLES.has(id);

type HistoryEntry = { choice: Choice; oral: OralMode | null; participantId: string; at: string };
/**
 * R-MEM-2 / R-VOT-7: the latest entry of every voice (each person's device; the chair's record as
 * one voice) other than the one that counted, where its choice differs from the counted one.
 */
function differingEntries(history: readonly HistoryEntry[]): HistoryEntry[] {
  const counted = history.at(-1);
  if (!counted) return [];
  const voice = (h: HistoryEntry) => (h.oral ? 'oral' : `device:${h.participantId}`);
  const latest = new Map<string, HistoryEntry>();
  for (const h of history) latest.set(voice(h), h);
  latest.delete(voice(counted));
  return [...latest.values()].filter((h) => h.choice !== counted.choice).sort((a, b) => a.at.localeCompare(b.at))
    .map(({ choice, oral, participantId, at }) => ({ choice, oral, participantId, at }));
}

const landOrder = (profile: RulesProfile) => {
  const order = new Map(profile.lands.map((l, i) => [l.code, i]));
  return (a: string, b: string) => (order.get(a) ?? 99) - (order.get(b) ?? 99);
};
