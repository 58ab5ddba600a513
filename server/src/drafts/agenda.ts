import { agendaParagraphs, type DraftState, type MeetingState } from '@plenum/shared';

/**
 * R-AGR-3: the meeting command that makes a draft version an agenda item's text — the item's
 * paragraphs are the version's, open brackets written out with their holders. An existing item
 * is edited (its text replaced), otherwise a proposal item is added with the lead and
 * co-proposing Länder as rapporteurs (R-AGD-1).
 */
export function agendaCommandFor(meeting: MeetingState, draft: DraftState, version: number, itemId: string): Record<string, unknown> | null {
  const v = draft.versions.find((x) => x.number === version);
  if (!v || !draft.leadLand) return null;
  const paragraphs = agendaParagraphs(v);
  if (meeting.agenda.some((i) => i.id === itemId)) return { type: 'editAgendaItem', itemId, item: { paragraphs } };
  const numbers = meeting.agenda.map((i) => /^TOP (\d+)/.exec(i.number)?.[1]).filter(Boolean).map(Number);
  return {
    type: 'addAgendaItem', itemId,
    item: {
      number: `TOP ${Math.max(0, ...numbers) + 1}`, title: draft.title, kind: 'proposal',
      rapporteurs: [draft.leadLand, ...draft.coLands], paragraphs,
    },
  };
}
