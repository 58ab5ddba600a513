import { draftAgendaFor, type AgendaItem, type Command, type ConferenceSession, type MeetingState } from '@plenum/shared';

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
  const commands: Command[] = [{
    type: 'scheduleSession', title: session.title, date: session.date, place: session.place, kind: session.kind,
    format: meetingFormat(session.format),
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

/** The meeting log knows room, video and hybrid; a telephone or web conference is remote like a video conference. */
function meetingFormat(format: ConferenceSession['format']): 'room' | 'video' | 'hybrid' {
  return format === 'room' || format === 'hybrid' ? format : 'video';
}
