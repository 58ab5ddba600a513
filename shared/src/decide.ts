import { CommandSchema, type Actor, type Command, type CommandOf } from './commands.ts';
import type { DecideResult, DeciderContext } from './decider.ts';
import type { EventOf, EventType, MeetingEvent } from './events.ts';
import type { AgendaItemInput, Motion } from './model.ts';
import { DMK_PROFILE, type LandCode, type RulesProfile } from './profile.ts';
import type { AgendaItem, MeetingState, Participant } from './state.ts';
import { violation, type RuleViolation } from './violations.ts';
import { chairLandsFor, chairPeriodOf } from './chair.ts';
import { authorize } from './authorize.ts';
import { isShortNoticeProposal } from './deadlines/agenda.ts';
import { startOfBerlinDay } from './calendar/berlinTime.ts';
import { evolveAll } from './evolve.ts';
import {
  electorateFor, entitledRepresentatives, isEntitledRepresentative, motionItemId, quorumStatus, scopeCovers, scopesOverlap, activeTransfers,
} from './derive.ts';
import { decideOutcome } from './tally.ts';

/**
 * decide: command → events, or a coded refusal. Pure: time, ids and the profile come in through
 * the context. Order: parse (zod) → authorize (role table) → the rule guards of the command.
 */

type Result = MeetingEvent[] | RuleViolation;
type EventBody<T extends EventType> = Omit<EventOf<T>, 'type' | 'at' | 'by'>;

interface Ctx {
  state: MeetingState;
  profile: RulesProfile;
  actor: Actor;
  now: string;
  newId: (prefix: string) => string;
  /** The raw command, for fields that zod's defaults would fill in (partial edits). */
  raw: unknown;
}

const isV = (r: Result): r is RuleViolation => !Array.isArray(r);

function ev<T extends EventType>(c: Ctx, type: T, body: EventBody<T>): EventOf<T> {
  return { type, at: c.now, by: { role: c.actor.role, participantId: c.actor.participantId }, ...body } as unknown as EventOf<T>;
}

// ── shared guards ─────────────────────────────────────────────────────────────────────────

type Session = NonNullable<MeetingState['session']>;

function needSession(s: MeetingState): Session | RuleViolation {
  return s.session ?? violation('session.notScheduled');
}
function needNotClosed(s: MeetingState): Session | RuleViolation {
  const session = needSession(s);
  if ('ok' in session) return session;
  return session.status === 'closed' ? violation('session.closed') : session;
}
function needOpen(s: MeetingState): Session | RuleViolation {
  const session = needSession(s);
  if ('ok' in session) return session;
  if (session.status === 'closed') return violation('session.closed');
  return session.status === 'open' ? session : violation('session.notOpen');
}
const failed = (x: unknown): x is RuleViolation => typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

function knownLand(profile: RulesProfile, land: string): boolean {
  return profile.lands.some((l) => l.code === land);
}
function findItem(s: MeetingState, itemId: string): AgendaItem | RuleViolation {
  return s.agenda.find((i) => i.id === itemId) ?? violation('item.unknown', undefined, { itemId });
}
function openVoteOnItem(s: MeetingState, itemId: string): boolean {
  const v = s.openVoteId ? s.votes[s.openVoteId] : undefined;
  return !!v && v.status === 'open' && motionItemId(v.motion) === itemId;
}
/** The participant a command is about: the named one, else the actor's own. */
function targetParticipant(c: Ctx, named: string | undefined): Participant | RuleViolation {
  const id = named ?? c.actor.participantId;
  if (!id) return violation('participant.unknown');
  return c.state.participants[id] ?? violation('participant.unknown', undefined, { participantId: id });
}
function newParticipantId(c: Ctx, given: string | undefined): string | RuleViolation {
  const id = given ?? c.newId('p');
  return c.state.participants[id] ? violation('participant.exists', undefined, { participantId: id }) : id;
}
const registered = (
  c: Ctx, participantId: string, name: string, kind: Participant['kind'], extra: Partial<EventBody<'ParticipantRegistered'>> = {},
) => ev(c, 'ParticipantRegistered', {
  participantId, name, kind, land: null, chairPeriod: null, guestKind: null, itemIds: null, accompanies: null,
  announcedAt: null, announcedLate: false, ...extra,
});

// ── preparation ───────────────────────────────────────────────────────────────────────────

/** R-CHR-1: the chair Land(s) come from the date; a deviation is recorded with its decision. */
function scheduleSession(c: Ctx, cmd: CommandOf<'scheduleSession'>): Result {
  if (c.state.session) return violation('session.alreadyScheduled');
  const derived = chairLandsFor(cmd.date, c.profile);
  if (cmd.chairDeviation) {
    const unknown = cmd.chairDeviation.lands.find((l) => !knownLand(c.profile, l));
    if (unknown) return violation('land.unknown', 'R-CHR-1', { land: unknown });
  } else if (!derived) {
    return violation('roster.chairPeriod', 'R-CHR-1', { year: chairPeriodOf(cmd.date) });
  }
  const chairLands = cmd.chairDeviation ? [...cmd.chairDeviation.lands] : (derived as LandCode[]);
  return [ev(c, 'SessionScheduled', {
    meetingId: c.state.meetingId ?? c.newId('meeting'), title: cmd.title, date: cmd.date, place: cmd.place, kind: cmd.kind,
    format: cmd.format, chairLands, chairPeriod: chairPeriodOf(cmd.date),
    chairDeviation: cmd.chairDeviation ? { lands: [...cmd.chairDeviation.lands], decision: cmd.chairDeviation.decision } : null,
  })];
}

/** R-MEM-1: one member and one permanent deputy per Land and chair period. */
function nameRepresentative(c: Ctx, cmd: CommandOf<'nameRepresentative'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  if (!knownLand(c.profile, cmd.land)) return violation('land.unknown', 'R-MEM-1', { land: cmd.land });
  const taken = Object.values(c.state.participants).some(
    (p) => p.land === cmd.land && p.kind === cmd.kind && p.chairPeriod === session.chairPeriod,
  );
  if (taken) return violation('participant.exists', 'R-MEM-1', { land: cmd.land, kind: cmd.kind, chairPeriod: session.chairPeriod });
  const id = newParticipantId(c, cmd.participantId);
  if (typeof id !== 'string') return id;
  return [registered(c, id, cmd.name, cmd.kind, { land: cmd.land, chairPeriod: session.chairPeriod })];
}

/** R-MEM-3: a temporary voting deputy for this session; the event records who named whom and when. */
function nameTemporaryDeputy(c: Ctx, cmd: CommandOf<'nameTemporaryDeputy'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  if (!knownLand(c.profile, cmd.land)) return violation('land.unknown', 'R-MEM-3', { land: cmd.land });
  const id = newParticipantId(c, cmd.participantId);
  if (typeof id !== 'string') return id;
  return [registered(c, id, cmd.name, 'temporaryDeputy', { land: cmd.land })];
}

/** R-GST-1: guests are invited by the chair Land; they never vote. */
function inviteGuest(c: Ctx, cmd: CommandOf<'inviteGuest'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const missing = (cmd.itemIds ?? []).find((id) => !c.state.agenda.some((i) => i.id === id));
  if (missing) return violation('item.unknown', 'R-GST-1', { itemId: missing });
  const id = newParticipantId(c, cmd.participantId);
  if (typeof id !== 'string') return id;
  return [registered(c, id, cmd.name, 'guest', { guestKind: cmd.guestKind, itemIds: cmd.itemIds ? [...cmd.itemIds] : null })];
}

/** R-GST-2: staff are announced in advance; an announcement after the session opened is flagged. */
function announceStaff(c: Ctx, cmd: CommandOf<'announceStaff'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  if (!knownLand(c.profile, cmd.accompanies) && !c.state.participants[cmd.accompanies]) {
    return violation('participant.unknown', 'R-GST-2', { accompanies: cmd.accompanies });
  }
  const id = newParticipantId(c, cmd.participantId);
  if (typeof id !== 'string') return id;
  const announcedAt = cmd.announcedAt ?? c.now;
  const announcedLate = session.openedAt !== null && announcedAt > session.openedAt;
  return [registered(c, id, cmd.name, 'staff', { accompanies: cmd.accompanies, announcedAt, announcedLate })];
}

function nameChair(c: Ctx, cmd: CommandOf<'nameChair'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const id = newParticipantId(c, cmd.participantId);
  if (typeof id !== 'string') return id;
  return [registered(c, id, cmd.name, 'chair')];
}

function checkRapporteurs(c: Ctx, item: Partial<AgendaItemInput>): RuleViolation | null {
  const unknown = (item.rapporteurs ?? []).find((r) => r !== 'BUND' && !knownLand(c.profile, r));
  return unknown ? violation('land.unknown', 'R-AGD-1', { land: unknown }) : null;
}

/**
 * R-AGD-1: every item is a proposal or a report, with its rapporteurs. R-AGD-2: an item added
 * once the session is open is a short-notice addition (reading), whatever the flag says.
 * R-AGD-6: so is a proposal for a regular session that reached the chair Land after D − 4 weeks.
 */
function addAgendaItem(c: Ctx, cmd: CommandOf<'addAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const bad = checkRapporteurs(c, cmd.item);
  if (bad) return bad;
  const itemId = cmd.itemId ?? c.newId('item');
  if (c.state.agenda.some((i) => i.id === itemId)) return violation('item.exists', undefined, { itemId });
  const shortNotice = cmd.shortNotice || session.status === 'open' || lateProposal(c, session, cmd.receivedAt);
  return [ev(c, 'AgendaItemAdded', { itemId, item: cmd.item, shortNotice, position: c.state.agenda.length })];
}

/**
 * R-AGD-6 → R-AGD-2: a proposal that reached the chair Land after the proposals deadline of a
 * regular session. Its arrival is `receivedAt` when the office states it, else the time of entry
 * while the session is still ahead. An entry on or after the session day without `receivedAt`
 * transcribes the agenda as prepared (a session recorded afterwards, the demo): the clock of that
 * entry says nothing about when the proposal arrived, so only the open session counts then.
 */
function lateProposal(c: Ctx, session: Session, receivedAt: string | undefined): boolean {
  if (session.kind !== 'regular') return false;
  const arrived = receivedAt ?? (Date.parse(c.now) < startOfBerlinDay(session.date).getTime() ? c.now : null);
  return arrived !== null && isShortNoticeProposal(session.date, arrived, c.profile);
}

/** The fields whose change would alter what was voted on (the frozen text of R-VOT-5, the protocol of R-PRT-1). */
function changesVotedText(item: AgendaItem, changes: Partial<AgendaItemInput>): boolean {
  if (changes.title !== undefined && changes.title !== item.title) return true;
  if (changes.kind !== undefined && changes.kind !== item.kind) return true;
  const same = (a: AgendaItem['paragraphs'], b: AgendaItem['paragraphs']) =>
    a.length === b.length && a.every((p, i) => p.number === b[i].number && p.text === b[i].text);
  return changes.paragraphs !== undefined && !same(changes.paragraphs, item.paragraphs);
}

/**
 * R-VOT-5: no edit while a vote on the item is open. R-VOT-5 / R-PRT-1: once a vote on the item
 * was closed, its title, paragraphs and kind are what was decided and stay (flags may still
 * change). Only the fields the client sent change; a form resending unchanged text is accepted.
 */
function editAgendaItem(c: Ctx, cmd: CommandOf<'editAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (failed(item)) return item;
  if (openVoteOnItem(c.state, item.id)) return violation('item.voteOpen', 'R-VOT-5', { itemId: item.id });
  // zod's .partial() still applies the defaults of AgendaItemInput; keep only the keys actually sent.
  const sent = (c.raw as { item?: Record<string, unknown> }).item ?? {};
  const changes = Object.fromEntries(Object.entries(cmd.item).filter(([k]) => k in sent)) as Partial<AgendaItemInput>;
  // Only a closed vote on the resolution itself fixes the text: after an admission or Bundesrat
  // procedural vote the office may still correct the proposal before it is voted on.
  const decidedOn = item.voteIds.filter((id) => c.state.votes[id]?.motion.kind === 'resolution');
  if (decidedOn.length > 0 && changesVotedText(item, changes)) {
    return violation('item.alreadyDecided', 'R-VOT-5', { itemId: item.id, voteId: decidedOn[decidedOn.length - 1] });
  }
  const bad = checkRapporteurs(c, changes);
  if (bad) return bad;
  return [ev(c, 'AgendaItemEdited', { itemId: item.id, changes })];
}

function removeAgendaItem(c: Ctx, cmd: CommandOf<'removeAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (failed(item)) return item;
  if (openVoteOnItem(c.state, item.id)) return violation('item.voteOpen', 'R-VOT-5', { itemId: item.id });
  return [ev(c, 'AgendaItemRemoved', { itemId: item.id })];
}

/** R-AGD-4 */
function setItPlrCoordination(c: Ctx, cmd: CommandOf<'setItPlrCoordination'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (failed(item)) return item;
  return [ev(c, 'ItPlrCoordinationSet', { itemId: item.id, state: cmd.state })];
}

// ── the live session ──────────────────────────────────────────────────────────────────────

function openSession(c: Ctx): Result {
  const session = needSession(c.state);
  if (failed(session)) return session;
  if (session.status === 'open') return violation('session.alreadyOpen');
  if (session.status === 'closed') return violation('session.closed');
  // The quorum log starts at the opening (R-PRT-1: quorum over time).
  const q = quorumStatus(c.state, c.profile);
  return [ev(c, 'SessionOpened', {}), ev(c, 'QuorumChanged', { ...q })];
}

function closeSession(c: Ctx): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  if (c.state.openVoteId) return violation('vote.alreadyOpen', 'R-VOT-5', { voteId: c.state.openVoteId });
  const events: MeetingEvent[] = [];
  if (c.state.recording.active) events.push(ev(c, 'RecordingStopped', { reason: 'sessionClosed' }));
  events.push(ev(c, 'SessionClosed', {}));
  return events;
}

/** R-SES-2: check in with the attendance mode; checking in again with another mode changes it. */
function checkIn(c: Ctx, cmd: CommandOf<'checkIn'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const p = targetParticipant(c, cmd.participantId);
  if (failed(p)) return p;
  if (p.presence?.mode === cmd.mode) return violation('participant.alreadyPresent', 'R-SES-2', { participantId: p.id });
  const events: MeetingEvent[] = [ev(c, 'ParticipantCheckedIn', { participantId: p.id, mode: cmd.mode })];
  // R-SES-3: recording needs the consent of everyone present; a newcomer without it stops it.
  if (c.state.recording.active && !p.recordingConsent) events.push(ev(c, 'RecordingStopped', { reason: 'participantWithoutConsent' }));
  return events;
}

function checkOut(c: Ctx, cmd: CommandOf<'checkOut'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const p = targetParticipant(c, cmd.participantId);
  if (failed(p)) return p;
  if (!p.presence) return violation('participant.notPresent', undefined, { participantId: p.id });
  const events: MeetingEvent[] = [];
  if (c.state.speakers.current?.participantId === p.id) events.push(ev(c, 'FloorEnded', { participantId: p.id }));
  if (c.state.speakers.queue.some((q) => q.participantId === p.id)) events.push(ev(c, 'FloorRequestWithdrawn', { participantId: p.id }));
  events.push(ev(c, 'ParticipantCheckedOut', { participantId: p.id }));
  return events;
}

function setCurrentItem(c: Ctx, cmd: CommandOf<'setCurrentItem'>): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  if (cmd.itemId !== null) {
    const item = findItem(c.state, cmd.itemId);
    if (failed(item)) return item;
  }
  return [ev(c, 'CurrentItemSet', { itemId: cmd.itemId })];
}

/** R-AGD-5: a Bund report is taken note of, without a vote. */
function noteReport(c: Ctx, cmd: CommandOf<'noteReport'>): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (failed(item)) return item;
  if (item.kind !== 'report') return violation('item.notReport', 'R-AGD-5', { itemId: item.id });
  if (item.reportNoted) return violation('item.alreadyNoted', 'R-AGD-5', { itemId: item.id });
  return [ev(c, 'ReportNoted', { itemId: item.id })];
}

// ── votes ─────────────────────────────────────────────────────────────────────────────────

interface MotionPlan { decisionRule: 'consensusOrQualified' | 'qualifiedOnly' | 'simpleMajority'; ruleId: string; text: string }

function itemText(item: AgendaItem, paragraph: string | null): string {
  const paras = paragraph === null ? item.paragraphs : item.paragraphs.filter((p) => p.number === paragraph);
  const body = paras.map((p) => `${p.number}. ${p.text}`).join('\n');
  // item.number is the full label ("TOP 7"); no prefix of our own.
  return body ? `${item.number} ${item.title}\n${body}` : `${item.number} ${item.title}`;
}

/** The guards of each motion (R-AGD-2, R-AGD-3, R-AGD-5, R-VOT-6, R-SES-4) and the rule it is decided by. */
function planMotion(c: Ctx, motion: Motion): MotionPlan | RuleViolation {
  if (motion.kind === 'setPublic') {
    const text = motion.public ? 'Die Sitzung wird öffentlich verfolgt.' : 'Die Sitzung ist nicht öffentlich.';
    return { decisionRule: 'consensusOrQualified', ruleId: 'R-SES-4', text };
  }
  const item = findItem(c.state, motion.itemId);
  if (failed(item)) return item;
  switch (motion.kind) {
    case 'resolution':
      if (item.kind === 'report') return violation('item.reportNoVote', 'R-AGD-5', { itemId: item.id });
      if (item.shortNotice && !item.admitted) return violation('item.notAdmitted', 'R-AGD-2', { itemId: item.id });
      if (item.bundesrat && !item.bundesratCleared) return violation('agenda.bundesratProcedureRequired', 'R-AGD-3', { itemId: item.id });
      if (motion.paragraph !== null && !item.paragraphs.some((p) => p.number === motion.paragraph)) {
        return violation('paragraph.unknown', 'R-VOT-6', { itemId: item.id, paragraph: motion.paragraph });
      }
      return { decisionRule: 'consensusOrQualified', ruleId: 'R-VOT-1', text: itemText(item, motion.paragraph) };
    case 'admitShortNotice':
      if (!item.shortNotice) return violation('item.notShortNotice', 'R-AGD-2', { itemId: item.id });
      if (item.admitted) return violation('item.alreadyAdmitted', 'R-AGD-2', { itemId: item.id });
      return { decisionRule: 'simpleMajority', ruleId: 'R-AGD-2', text: `Zulassung des kurzfristig angemeldeten ${item.number} ${item.title}` };
    case 'bundesratProcedure':
      if (!item.bundesrat) return violation('item.notBundesrat', 'R-AGD-3', { itemId: item.id });
      if (item.bundesratCleared) return violation('item.alreadyCleared', 'R-AGD-3', { itemId: item.id });
      return {
        decisionRule: c.profile.interpretations.bundesratProcedureByQualifiedMajorityOnly ? 'qualifiedOnly' : 'consensusOrQualified',
        ruleId: 'R-AGD-3',
        text: `Verfahrensbeschluss zur Sachentscheidung über ${item.number} ${item.title} (Bundesratsverfahren)`,
      };
  }
}

/** R-VOT-3 (quorum to open), R-VOT-5 (text, rule and electorate frozen), one open vote at a time. */
function openVote(c: Ctx, cmd: CommandOf<'openVote'>): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  if (c.state.openVoteId) return violation('vote.alreadyOpen', 'R-VOT-5', { voteId: c.state.openVoteId });
  const plan = planMotion(c, cmd.motion);
  if (failed(plan)) return plan;
  const q = quorumStatus(c.state, c.profile, motionItemId(cmd.motion));
  if (!q.met) return violation('quorum.notReached', 'R-VOT-3', { present: q.present, required: q.required });
  return [ev(c, 'VoteOpened', {
    voteId: c.newId('vote'), motion: cmd.motion, decisionRule: plan.decisionRule, ruleId: plan.ruleId, text: plan.text,
    electorate: electorateFor(c.state, cmd.motion, c.profile), quorumAtOpen: { present: q.present, required: q.required },
  })];
}

function needOpenVote(c: Ctx, voteId: string) {
  const vote = c.state.votes[voteId];
  if (!vote) return violation('vote.unknown', undefined, { voteId });
  if (vote.status !== 'open') return violation('vote.closed', 'R-VOT-5', { voteId, status: vote.status });
  return vote;
}

/**
 * R-MEM-2: one slot per Land, last choice counts, every change logged with the person.
 * R-MEM-4: a transferred vote is cast by the holder with `land: from`, never by the giver.
 */
function castVote(c: Ctx, cmd: CommandOf<'castVote'>): Result {
  const vote = needOpenVote(c, cmd.voteId);
  if (failed(vote)) return vote;
  const slot = vote.electorate[cmd.land];
  if (!slot) return violation('vote.notInElectorate', 'R-VOT-2', { land: cmd.land });
  const me = c.actor.participantId ? c.state.participants[c.actor.participantId] : undefined;
  if (c.actor.role === 'system') {
    // The system (demo loader) casts for a named representative of the casting Land.
    const rep = entitledRepresentatives(c.state, slot.castBy)[0];
    if (!rep && !me) return violation('participant.unknown', 'R-MEM-2', { land: slot.castBy });
  } else {
    if (!isEntitledRepresentative(c.state, me)) return violation('auth.notEntitled', 'R-GST-1');
    if (me.presence === null) return violation('participant.notPresent', 'R-VOT-3', { participantId: me.id });
    if (me.land !== slot.castBy) {
      return me.land === cmd.land
        ? violation('vote.heldByTransfer', 'R-MEM-4', { land: cmd.land, heldBy: slot.castBy })
        : violation('vote.notYourLand', 'R-MEM-2', { land: cmd.land });
    }
  }
  const who = me?.id ?? entitledRepresentatives(c.state, slot.castBy)[0].id;
  // R-MEM-2 conflict, recomputed on every cast: another person's latest choice for this slot in
  // this round differs from this one. It clears when they converge; the history keeps every entry.
  const latestByOthers = new Map<string, string>();
  for (const h of vote.ballots[cmd.land]?.history ?? []) if (h.participantId !== who) latestByOthers.set(h.participantId, h.choice);
  const conflict = c.profile.interpretations.recordRepresentativeConflicts
    && [...latestByOthers.values()].some((choice) => choice !== cmd.choice);
  return [ev(c, 'VoteCast', { voteId: vote.id, land: cmd.land, choice: cmd.choice, castBy: slot.castBy, participantId: who, conflict })];
}

/** R-VOT-3: quorum recorded at the close; R-VOT-1/2, R-AGD-2/3: the outcome with its explanation; then the motion's effect. */
function closeVote(c: Ctx, cmd: CommandOf<'closeVote'>): Result {
  const vote = needOpenVote(c, cmd.voteId);
  if (failed(vote)) return vote;
  const itemId = motionItemId(vote.motion);
  const quorum = quorumStatus(c.state, c.profile, itemId);
  const electorate = c.profile.interpretations.baseFrozenAtOpen ? vote.electorate : electorateFor(c.state, vote.motion, c.profile);
  const { explanation, choices } = decideOutcome({
    decisionRule: vote.decisionRule, electorate, ballots: vote.ballots, quorum, profile: c.profile, ruleId: vote.ruleId,
  });
  const events: MeetingEvent[] = [ev(c, 'VoteClosed', { voteId: vote.id, explanation, choices })];
  if (explanation.outcome === 'adopted') {
    const m = vote.motion;
    if (m.kind === 'admitShortNotice') events.push(ev(c, 'ShortNoticeItemAdmitted', { itemId: m.itemId, voteId: vote.id }));
    if (m.kind === 'bundesratProcedure') events.push(ev(c, 'BundesratProcedureCleared', { itemId: m.itemId, voteId: vote.id }));
    if (m.kind === 'setPublic') events.push(ev(c, 'PublicSwitched', { public: m.public, voteId: vote.id }));
  }
  return events;
}

/** R-VOT-5: a cancelled round is no decision. */
function cancelVote(c: Ctx, cmd: CommandOf<'cancelVote'>): Result {
  const vote = needOpenVote(c, cmd.voteId);
  if (failed(vote)) return vote;
  return [ev(c, 'VoteCancelled', { voteId: vote.id })];
}

// ── representation ────────────────────────────────────────────────────────────────────────

/** The Land a delegate acts for; office/system name it explicitly. */
function actingLand(c: Ctx, given: LandCode | undefined): LandCode | RuleViolation {
  if (given) return given;
  const me = c.actor.participantId ? c.state.participants[c.actor.participantId] : undefined;
  return me?.land ?? violation('land.unknown', 'R-MEM-4');
}

/** Would a transfer from → to close a ring of transfers (to → … → from)? */
function closesCycle(active: { from: LandCode; to: LandCode }[], from: LandCode, to: LandCode): boolean {
  const seen = new Set<LandCode>();
  const stack = [to];
  while (stack.length) {
    const land = stack.pop() as LandCode;
    if (land === from) return true;
    if (seen.has(land)) continue;
    seen.add(land);
    for (const t of active) if (t.from === land) stack.push(t.to);
  }
  return false;
}

/** R-MEM-4: transfers for named items or until revoked; no self, no second transfer, no chains (setting). */
function transferVote(c: Ctx, cmd: CommandOf<'transferVote'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const from = actingLand(c, cmd.from);
  if (failed(from)) return from;
  for (const land of [from, cmd.to]) if (!knownLand(c.profile, land)) return violation('land.unknown', 'R-MEM-4', { land });
  if (from === cmd.to) return violation('proxy.self', 'R-MEM-4', { land: from });
  if (cmd.scope.kind === 'items') {
    const missing = cmd.scope.itemIds.find((id) => !c.state.agenda.some((i) => i.id === id));
    if (missing) return violation('proxy.itemUnknown', 'R-MEM-4', { itemId: missing });
  }
  const candidate = { scope: cmd.scope };
  // Mirrors revokeTransfer: a transfer covering the open round would not reach it (the electorate
  // is frozen, R-VOT-5) and could not be revoked until it closes.
  const open = c.state.openVoteId ? c.state.votes[c.state.openVoteId] : undefined;
  if (open && open.status === 'open' && scopeCovers(candidate, motionItemId(open.motion))) {
    return violation('proxy.voteOpen', 'R-MEM-4', { voteId: open.id });
  }
  const active = activeTransfers(c.state).filter((t) => scopesOverlap(t, candidate));
  const already = active.find((t) => t.from === from);
  if (already) return violation('proxy.alreadyTransferred', 'R-MEM-4', { land: from, transferId: already.id });
  if (!c.profile.interpretations.transferChainsAllowed) {
    // A vote held by transfer cannot be passed on: neither to a Land that gave its own vote away,
    // nor by a Land that holds another Land's vote.
    const chain = active.find((t) => t.from === cmd.to || t.to === from);
    if (chain) return violation('proxy.chainForbidden', 'R-MEM-4', { transferId: chain.id });
  } else if (closesCycle(active, from, cmd.to)) {
    // Chains allowed, but a ring would leave every Land in it without anyone to cast its vote.
    return violation('proxy.chainForbidden', 'R-MEM-4', { reason: 'cycle' });
  }
  return [ev(c, 'VoteTransferred', { transferId: c.newId('transfer'), from, to: cmd.to, scope: cmd.scope })];
}

/** R-MEM-4: revocable at any time while no vote is open on an item the transfer covers. */
function revokeTransfer(c: Ctx, cmd: CommandOf<'revokeTransfer'>): Result {
  const t = c.state.transfers.find((x) => x.id === cmd.transferId);
  if (!t) return violation('proxy.unknown', 'R-MEM-4', { transferId: cmd.transferId });
  if (t.revokedAt !== null) return violation('proxy.revoked', 'R-MEM-4', { transferId: t.id });
  const open = c.state.openVoteId ? c.state.votes[c.state.openVoteId] : undefined;
  if (open && open.status === 'open' && scopeCovers(t, motionItemId(open.motion))) {
    return violation('proxy.voteOpen', 'R-MEM-4', { transferId: t.id, voteId: open.id });
  }
  return [ev(c, 'TransferRevoked', { transferId: t.id })];
}

/** R-VOT-4: a protocol declaration of a member or permanent deputy on a resolution proposal. */
function addDeclaration(c: Ctx, cmd: CommandOf<'addDeclaration'>): Result {
  const session = needNotClosed(c.state);
  if (failed(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (failed(item)) return item;
  if (item.kind === 'report') return violation('item.reportNoVote', 'R-VOT-4', { itemId: item.id });
  const me = c.actor.participantId ? c.state.participants[c.actor.participantId] : undefined;
  if (!me || !me.land) return violation('participant.unknown', 'R-VOT-4');
  if (me.kind === 'temporaryDeputy') return violation('declaration.temporaryDeputy', 'R-VOT-4');
  if (!isEntitledRepresentative(c.state, me)) return violation('auth.notEntitled', 'R-VOT-4');
  return [ev(c, 'DeclarationAdded', { declarationId: c.newId('decl'), itemId: item.id, land: me.land, participantId: me.id, text: cmd.text })];
}

// ── recording (R-SES-3) ───────────────────────────────────────────────────────────────────

function giveRecordingConsent(c: Ctx): Result {
  const p = targetParticipant(c, undefined);
  if (failed(p)) return p;
  return p.recordingConsent ? [] : [ev(c, 'RecordingConsentGiven', { participantId: p.id })];
}

function withdrawRecordingConsent(c: Ctx): Result {
  const p = targetParticipant(c, undefined);
  if (failed(p)) return p;
  if (!p.recordingConsent) return [];
  const events: MeetingEvent[] = [ev(c, 'RecordingConsentWithdrawn', { participantId: p.id })];
  if (c.state.recording.active) events.push(ev(c, 'RecordingStopped', { reason: 'consentWithdrawn' }));
  return events;
}

function startRecording(c: Ctx): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  if (c.state.recording.active) return violation('recording.alreadyActive', 'R-SES-3');
  const missing = Object.values(c.state.participants).filter((p) => p.presence !== null && !p.recordingConsent);
  if (missing.length > 0) {
    return violation('recording.consentMissing', 'R-SES-3', { missing: missing.length, first: missing[0].id });
  }
  return [ev(c, 'RecordingStarted', {})];
}

function stopRecording(c: Ctx): Result {
  if (!c.state.recording.active) return violation('recording.notActive', 'R-SES-3');
  return [ev(c, 'RecordingStopped', { reason: 'chair' })];
}

// ── speakers list ─────────────────────────────────────────────────────────────────────────

function requestFloor(c: Ctx, cmd: CommandOf<'requestFloor'>): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  const p = targetParticipant(c, cmd.participantId);
  if (failed(p)) return p;
  const { queue, current } = c.state.speakers;
  if (queue.some((q) => q.participantId === p.id) || current?.participantId === p.id) {
    return violation('floor.alreadyRequested', undefined, { participantId: p.id });
  }
  return [ev(c, 'FloorRequested', { participantId: p.id })];
}

function withdrawFloorRequest(c: Ctx, cmd: CommandOf<'withdrawFloorRequest'>): Result {
  const p = targetParticipant(c, cmd.participantId);
  if (failed(p)) return p;
  if (!c.state.speakers.queue.some((q) => q.participantId === p.id)) return violation('floor.notRequested', undefined, { participantId: p.id });
  return [ev(c, 'FloorRequestWithdrawn', { participantId: p.id })];
}

/** The next in line, or a named participant (R-GST-1: guests may be given the floor). */
function giveFloor(c: Ctx, cmd: CommandOf<'giveFloor'>): Result {
  const session = needOpen(c.state);
  if (failed(session)) return session;
  let next: string;
  if (cmd.participantId) {
    if (!c.state.participants[cmd.participantId]) return violation('participant.unknown', undefined, { participantId: cmd.participantId });
    next = cmd.participantId;
  } else {
    const head = c.state.speakers.queue[0];
    if (!head) return violation('floor.queueEmpty');
    next = head.participantId;
  }
  const current = c.state.speakers.current;
  const events: MeetingEvent[] = [];
  if (current) events.push(ev(c, 'FloorEnded', { participantId: current.participantId }));
  events.push(ev(c, 'FloorGiven', { participantId: next }));
  return events;
}

function endFloor(c: Ctx): Result {
  const current = c.state.speakers.current;
  if (!current) return violation('floor.noneActive');
  return [ev(c, 'FloorEnded', { participantId: current.participantId })];
}

// ── dispatch ──────────────────────────────────────────────────────────────────────────────

function route(c: Ctx, cmd: Command): Result {
  switch (cmd.type) {
    case 'scheduleSession': return scheduleSession(c, cmd);
    case 'nameRepresentative': return nameRepresentative(c, cmd);
    case 'nameTemporaryDeputy': return nameTemporaryDeputy(c, cmd);
    case 'inviteGuest': return inviteGuest(c, cmd);
    case 'announceStaff': return announceStaff(c, cmd);
    case 'nameChair': return nameChair(c, cmd);
    case 'addAgendaItem': return addAgendaItem(c, cmd);
    case 'editAgendaItem': return editAgendaItem(c, cmd);
    case 'removeAgendaItem': return removeAgendaItem(c, cmd);
    case 'setItPlrCoordination': return setItPlrCoordination(c, cmd);
    case 'openSession': return openSession(c);
    case 'closeSession': return closeSession(c);
    case 'checkIn': return checkIn(c, cmd);
    case 'checkOut': return checkOut(c, cmd);
    case 'setCurrentItem': return setCurrentItem(c, cmd);
    case 'openVote': return openVote(c, cmd);
    case 'castVote': return castVote(c, cmd);
    case 'closeVote': return closeVote(c, cmd);
    case 'cancelVote': return cancelVote(c, cmd);
    case 'noteReport': return noteReport(c, cmd);
    case 'transferVote': return transferVote(c, cmd);
    case 'revokeTransfer': return revokeTransfer(c, cmd);
    case 'addDeclaration': return addDeclaration(c, cmd);
    case 'giveRecordingConsent': return giveRecordingConsent(c);
    case 'withdrawRecordingConsent': return withdrawRecordingConsent(c);
    case 'startRecording': return startRecording(c);
    case 'stopRecording': return stopRecording(c);
    case 'requestFloor': return requestFloor(c, cmd);
    case 'withdrawFloorRequest': return withdrawFloorRequest(c, cmd);
    case 'giveFloor': return giveFloor(c, cmd);
    case 'endFloor': return endFloor(c);
    default: {
      const unreachable: never = cmd;
      return violation('command.unknown', undefined, { type: String((unreachable as { type?: unknown }).type) });
    }
  }
}

/** R-VOT-3: whenever an accepted command moves quorum across the line, record it (quorum over time). */
function withQuorumChange(c: Ctx, events: MeetingEvent[]): MeetingEvent[] {
  if (!c.state.session || events.length === 0 || events.some((e) => e.type === 'QuorumChanged')) return events;
  const before = quorumStatus(c.state, c.profile);
  const after = quorumStatus(evolveAll(events, c.state), c.profile);
  return before.met === after.met ? events : [...events, ev(c, 'QuorumChanged', { ...after })];
}

function parse(command: unknown): Command | RuleViolation {
  const parsed = CommandSchema.safeParse(command);
  if (parsed.success) return parsed.data;
  const type = (command as { type?: unknown } | null)?.type;
  const known = CommandSchema.options.some((o) => o.shape.type.value === type);
  if (!known) return violation('command.unknown', undefined, { type: typeof type === 'string' ? type.slice(0, 64) : null });
  const issue = parsed.error.issues[0];
  return violation('command.invalid', undefined, { path: issue.path.map(String).join('.'), message: issue.message.slice(0, 200) });
}

export function decide(state: MeetingState, command: unknown, ctx: DeciderContext): DecideResult {
  try {
    const cmd = parse(command);
    if (failed(cmd)) return cmd;
    const denied = authorize(state, cmd, ctx.actor);
    if (denied) return denied;
    const c: Ctx = { state, profile: ctx.profile ?? DMK_PROFILE, actor: ctx.actor, now: ctx.now, newId: ctx.newId, raw: command };
    const result = route(c, cmd);
    if (isV(result)) return result;
    return { ok: true, events: withQuorumChange(c, result) };
  } catch (err) {
    return violation('internal.error', undefined, { message: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
}
