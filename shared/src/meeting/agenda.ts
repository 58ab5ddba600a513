import type { AgendaItemInput } from '../model.ts';
import { own } from '../record.ts';
import { violation, isViolation, type RuleViolation } from '../violations.ts';
import { isShortNoticeProposal } from '../deadlines/agenda.ts';
import { startOfBerlinDay } from '../calendar/berlinTime.ts';
import type { CommandOf } from './schema.ts';
import type { AgendaItem, Session } from './state.ts';
import {
  ev, findItem, knownLand, needNotClosed, needOpen, openVoteOnItem, type MeetingContext, type Result,
} from './guards.ts';

/** The agenda: items (R-AGD-1..6), the text that was voted on (R-VOT-5), the current item. */

function checkRapporteurs(c: MeetingContext, item: Partial<AgendaItemInput>): RuleViolation | null {
  const unknown = (item.rapporteurs ?? []).find((r) => r !== 'BUND' && !knownLand(c.profile, r));
  return unknown ? violation('land.unknown', 'R-AGD-1', { land: unknown }) : null;
}

/**
 * R-AGD-1: the registering Land(s) are rapporteurs, one of them the lead Land (default: the first);
 * the Bund is rapporteur only of its own report (R-AGD-5), never of a proposal nor jointly with Länder.
 */
function withLeadLand(item: AgendaItemInput): AgendaItemInput | RuleViolation {
  const lands = item.rapporteurs.filter((r) => r !== 'BUND');
  if (item.rapporteurs.includes('BUND') && (item.kind !== 'report' || lands.length > 0)) {
    return violation('item.bundRapporteur', 'R-AGD-1', { kind: item.kind });
  }
  if (item.leadLand && !lands.includes(item.leadLand)) return violation('item.leadLandNotRapporteur', 'R-AGD-1', { leadLand: item.leadLand });
  return { ...item, leadLand: item.leadLand ?? lands[0] ?? null };
}

/**
 * R-PRT-3: an attachment refers to paragraphs the item has (it is published only when one of them
 * is adopted), and its label ("Anlage 1") names it once within the item.
 */
function checkAttachments(item: Pick<AgendaItemInput, 'paragraphs' | 'attachments'>): RuleViolation | null {
  const numbers = new Set(item.paragraphs.map((p) => p.number));
  const labels = new Set<string>();
  for (const a of item.attachments ?? []) {
    const unknown = a.paragraphs.find((n) => !numbers.has(n));
    if (unknown !== undefined) return violation('attachment.paragraphUnknown', 'R-PRT-3', { label: a.label, paragraph: unknown });
    if (labels.has(a.label)) return violation('attachment.labelTaken', 'R-PRT-3', { label: a.label });
    labels.add(a.label);
  }
  return null;
}

/**
 * R-AGD-1: every item is a proposal or a report, with its rapporteurs. R-AGD-2: an item added
 * once the session is open is a short-notice addition (reading), whatever the flag says.
 * R-AGD-6: so is a proposal for a regular session that reached the chair Land after D − 4 weeks.
 */
export function addAgendaItem(c: MeetingContext, cmd: CommandOf<'addAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const bad = checkRapporteurs(c, cmd.item) ?? checkAttachments(cmd.item);
  if (bad) return bad;
  const item = withLeadLand(cmd.item);
  if (isViolation(item)) return item;
  const itemId = cmd.itemId ?? c.newId('item');
  if (c.state.agenda.some((i) => i.id === itemId)) return violation('item.exists', undefined, { itemId });
  const shortNotice = cmd.shortNotice || session.status === 'open' || lateProposal(c, session, cmd.receivedAt);
  return [ev(c, 'AgendaItemAdded', { itemId, item, shortNotice, position: c.state.agenda.length })];
}

/**
 * R-AGD-6 → R-AGD-2: a proposal that reached the chair Land after the proposals deadline of a
 * regular session. Its arrival is `receivedAt` when the office states it, else the time of entry
 * while the session is still ahead. An entry on or after the session day without `receivedAt`
 * transcribes the agenda as prepared (a session recorded afterwards, the demo): the clock of that
 * entry says nothing about when the proposal arrived, so only the open session counts then.
 */
function lateProposal(c: MeetingContext, session: Session, receivedAt: string | undefined): boolean {
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
  if (changes.paragraphs !== undefined && !same(changes.paragraphs, item.paragraphs)) return true;
  // R-PRT-3: what an attachment says is part of the decision; only its publication flag may change.
  const content = (list: AgendaItemInput['attachments']) => JSON.stringify((list ?? []).map(({ label, title, text, paragraphs }) => [label, title, text, paragraphs]));
  return changes.attachments !== undefined && content(changes.attachments) !== content(item.attachments);
}

/**
 * R-VOT-5: no edit while a vote on the item is open. R-VOT-5 / R-PRT-1: once a vote on the item
 * was closed, its title, paragraphs and kind are what was decided and stay (flags may still
 * change). Only the fields the client sent change; a form resending unchanged text is accepted.
 */
export function editAgendaItem(c: MeetingContext, cmd: CommandOf<'editAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (isViolation(item)) return item;
  if (openVoteOnItem(c.state, item.id)) return violation('item.voteOpen', 'R-VOT-5', { itemId: item.id });
  // zod's .partial() still applies the defaults of AgendaItemInput; keep only the keys actually sent.
  const sent = (c.raw as { item?: Record<string, unknown> }).item ?? {};
  const changes: Partial<AgendaItemInput> = Object.fromEntries(Object.entries(cmd.item).filter(([k]) => k in sent));
  // Only a closed vote on the resolution itself fixes the text: after an admission or Bundesrat
  // procedural vote the office may still correct the proposal before it is voted on.
  const decidedOn = item.voteIds.filter((id) => own(c.state.votes, id)?.motion.kind === 'resolution');
  if (decidedOn.length > 0 && changesVotedText(item, changes)) {
    return violation('item.alreadyDecided', 'R-VOT-5', { itemId: item.id, voteId: decidedOn[decidedOn.length - 1] });
  }
  const bad = checkRapporteurs(c, changes)
    ?? (changes.attachments !== undefined || changes.paragraphs !== undefined
      ? checkAttachments({ paragraphs: changes.paragraphs ?? item.paragraphs, attachments: changes.attachments ?? item.attachments })
      : null);
  if (bad) return bad;
  if (changes.rapporteurs !== undefined || changes.kind !== undefined || changes.leadLand !== undefined) {
    const rapporteurs = changes.rapporteurs ?? item.rapporteurs;
    const keep = item.leadLand && rapporteurs.includes(item.leadLand) ? item.leadLand : null;
    const merged = withLeadLand({ ...item, ...changes, leadLand: changes.leadLand ?? keep });
    if (isViolation(merged)) return merged;
    return [ev(c, 'AgendaItemEdited', { itemId: item.id, changes: { ...changes, leadLand: merged.leadLand } })];
  }
  return [ev(c, 'AgendaItemEdited', { itemId: item.id, changes })];
}

export function removeAgendaItem(c: MeetingContext, cmd: CommandOf<'removeAgendaItem'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (isViolation(item)) return item;
  if (openVoteOnItem(c.state, item.id)) return violation('item.voteOpen', 'R-VOT-5', { itemId: item.id });
  // R-AGD-5: both standing items are on every regular session's agenda ("sind ... vorzusehen").
  if (session.kind === 'regular' && item.standing !== 'none') return violation('item.standingRequired', 'R-AGD-5', { standing: item.standing });
  return [ev(c, 'AgendaItemRemoved', { itemId: item.id })];
}

/** R-AGD-4 */
export function setItPlrCoordination(c: MeetingContext, cmd: CommandOf<'setItPlrCoordination'>): Result {
  const session = needNotClosed(c.state);
  if (isViolation(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (isViolation(item)) return item;
  return [ev(c, 'ItPlrCoordinationSet', { itemId: item.id, state: cmd.state })];
}

export function setCurrentItem(c: MeetingContext, cmd: CommandOf<'setCurrentItem'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  if (cmd.itemId !== null) {
    const item = findItem(c.state, cmd.itemId);
    if (isViolation(item)) return item;
  }
  return [ev(c, 'CurrentItemSet', { itemId: cmd.itemId })];
}

/** R-AGD-5: a Bund report is taken note of, without a vote. */
export function noteReport(c: MeetingContext, cmd: CommandOf<'noteReport'>): Result {
  const session = needOpen(c.state);
  if (isViolation(session)) return session;
  const item = findItem(c.state, cmd.itemId);
  if (isViolation(item)) return item;
  if (item.kind !== 'report') return violation('item.notReport', 'R-AGD-5', { itemId: item.id });
  if (item.reportNoted) return violation('item.alreadyNoted', 'R-AGD-5', { itemId: item.id });
  return [ev(c, 'ReportNoted', { itemId: item.id })];
}
