import { DMK_PROFILE, draftAgendaFor, type AgendaItem, type Command, type ConferenceSession, type MeetingState } from '@plenum/shared';

/**
 * The meeting commands that set up a session the office created in the conference, applied by
 * the server as the system in the session's own log:
 * - scheduleSession with the chair the conference derived (a deviation with its decision, R-CHR-3);
 * - the roster carried from the latest earlier session (R-MEM-1: the same people keep their
 *   participant ids, so one personal invitation reaches every session where the person has a role);
 *   the permanent federal guest too (R-GST-1);
 * - the draft agenda: the two standing items of a regular session (R-AGD-5), then the items
 *   carried over from earlier sessions.
 * Fixed idempotency keys per session make a setup interrupted half-way complete on a retry.
 */
export function sessionSetupCommands(session: ConferenceSession, previous: MeetingState | null, carried: { itemId: string; item: AgendaItem }[]): Command[] {
  if (session.kind === 'arbeitsgremium') return arbeitsgremiumSetupCommands(session, previous);
  const commands: Command[] = [{
    type: 'scheduleSession', title: session.title, date: session.date, place: session.place, kind: session.kind,
    format: session.format,
    ...(session.chairDecision ? { chairDeviation: { lands: session.chairLands, decision: session.chairDecision } } : {}),
  } as Command];
  const people = Object.values(previous?.participants ?? {});
  const chair = people.find((p) => p.kind === 'chair');
  commands.push({ type: 'nameChair', name: chair?.name ?? `Vorsitz ${session.chairLands.join(' und ')}`, ...(chair ? { participantId: chair.id } : {}) } as Command);
  for (const p of people) {
    if ((p.kind === 'member' || p.kind === 'permanentDeputy') && p.land) {
      commands.push({ type: 'nameRepresentative', land: p.land, kind: p.kind, name: p.name, participantId: p.id } as Command);
    } else if (p.kind === 'guest' && p.guestKind === 'federalMinister') {
      commands.push({ type: 'inviteGuest', name: p.name, guestKind: 'federalMinister', participantId: p.id } as Command);
    }
  }
  const standing = draftAgendaFor(session);
  standing.forEach((item, i) => commands.push({ type: 'addAgendaItem', item, shortNotice: false, itemId: `standing-${i + 1}` } as Command));
  carried.forEach(({ itemId, item }, i) => commands.push(carriedItemCommand(itemId, item, `TOP ${standing.length + i + 1}`)));
  return commands;
}

/**
 * R-AGR-1: a meeting of the Arbeitsgremium: the chair Land leads (its chair named), and every
 * Land's working-level representative attends — the same people (same participant ids) as in the
 * previous meeting of the Arbeitsgremium, else one placeholder per Land the office renames.
 * No standing items: it deliberates drafts, not an agenda of the DMK.
 */
function arbeitsgremiumSetupCommands(session: ConferenceSession, previous: MeetingState | null): Command[] {
  const commands: Command[] = [{
    type: 'scheduleSession', title: session.title, date: session.date, place: session.place, kind: 'arbeitsgremium',
    format: session.format,
    ...(session.chairDecision ? { chairDeviation: { lands: session.chairLands, decision: session.chairDecision } } : {}),
  } as Command];
  const people = Object.values(previous?.participants ?? {});
  const chair = people.find((p) => p.kind === 'chair');
  commands.push({ type: 'nameChair', name: chair?.name ?? `Vorsitz Arbeitsgremium (${session.chairLands.join(', ')})`, participantId: chair?.id ?? AG_CHAIR_ID } as Command);
  for (const land of DMK_PROFILE.lands) {
    const p = people.find((x) => x.kind === 'workingLevel' && x.land === land.code);
    commands.push({
      type: 'nameRepresentative', land: land.code, kind: 'workingLevel', name: p?.name ?? `Arbeitsebene ${land.name}`, participantId: p?.id ?? workingLevelId(land.code),
    } as Command);
  }
  return commands;
}

/** Stable ids across the Arbeitsgremium's meetings: one person, one participant (R-MEM-1's idea at working level). */
export const AG_CHAIR_ID = 'ag-chair';
export const workingLevelId = (land: string): string => `ag-${land.toLowerCase()}`;

/** An item not dealt with in an earlier session, on a later session's agenda under a new number. */
export function carriedItemCommand(itemId: string, item: AgendaItem, number: string): Command {
  return {
    type: 'addAgendaItem', shortNotice: false, itemId: `carried-${itemId}`.slice(0, 64),
    item: {
      number, title: item.title, kind: item.kind, rapporteurs: item.rapporteurs, leadLand: item.leadLand ?? null, paragraphs: item.paragraphs,
      bundesrat: item.bundesrat, itPlr: item.itPlr, standing: 'none', barredFromPublication: item.barredFromPublication,
    },
  } as Command;
}

