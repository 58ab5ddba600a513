import type { Command } from './meeting/schema.ts';
import type { AgendaItemInput } from './model.ts';
import { DMK_PROFILE, type LandCode } from './profile.ts';
import { DEMO_PARAGRAPHS } from './demoParagraphs.ts';

/**
 * The demo session Plenum ships and starts with: the 1st DMK, 19 April 2024, Potsdam, chaired by
 * Berlin und Brandenburg (R-CHR-1 derives the chair from the date). Länder, item titles,
 * rapporteurs and paragraphs are real (from the seed); person names are placeholders.
 *
 * Two things are demo settings, not history: TOP 3 and TOP 4 are the standing items of GO 3.1.9
 * (the seed does not print them), and TOP 9 carries the Bundesrat flag (R-AGD-3) so that the
 * procedural vote can be shown. TOP 5 touches the IT-Planungsrat (Green IT), hence its flag.
 */
export const DEMO_MEETING_ID = 'dmk-2024-1';

export const demoParticipantId = {
  chair: 'p-chair',
  office: 'p-office',
  member: (land: LandCode) => `p-${land}-member`,
  permanentDeputy: (land: LandCode) => `p-${land}-deputy`,
  federalGuest: 'p-guest-bund',
};

interface DemoItem {
  id: string;
  item: AgendaItemInput;
}

const proposal = (number: string, title: string, rapporteurs: string[], key: string, flags: Partial<AgendaItemInput> = {}): AgendaItemInput => ({
  number, title, kind: 'proposal', rapporteurs, paragraphs: DEMO_PARAGRAPHS[key], bundesrat: false, itPlr: 'none',
  standing: 'none', barredFromPublication: false, ...flags,
});

export const DEMO_ITEMS: DemoItem[] = [
  { id: 'top-2a', item: proposal('TOP 2 a', 'Geschäftsordnung der Digitalministerkonferenz', ['BE', 'BB'], '2a') },
  { id: 'top-2b', item: proposal('TOP 2 b', 'Festlegung der Reihenfolge der Vorsitzländer', ['BE', 'BB'], '2b') },
  {
    id: 'top-3',
    item: {
      number: 'TOP 3', title: 'Austausch zu aktuellen digitalpolitischen Themen der Länder', kind: 'report',
      rapporteurs: ['BE', 'BB'], paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'landsExchange', barredFromPublication: false,
    },
  },
  {
    id: 'top-4',
    item: {
      number: 'TOP 4', title: 'Bericht des Bundes zu aktuellen digitalpolitischen Themen', kind: 'report',
      rapporteurs: ['BUND'], paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'bundReport', barredFromPublication: false,
    },
  },
  {
    id: 'top-5',
    item: proposal('TOP 5', 'Ressourcennutzung digital optimieren: Datenvernetzung und Digitale Zwillinge, Smart Regions und nachhaltige IT vorantreiben', ['BB', 'BE'], '5', { itPlr: 'pending' }),
  },
  {
    id: 'top-6',
    item: proposal('TOP 6', 'Zusammenarbeit des Bundes und der Länder bei Untersuchungen zum Stand der digitalen Transformation in Deutschland – Initiierung einer Pilotstudie für den Bereich Wirtschaft', ['SN'], '6'),
  },
  { id: 'top-7', item: proposal('TOP 7', 'Digitale Teilhabe', ['SH'], '7') },
  { id: 'top-8', item: proposal('TOP 8', 'Arbeitsbedingungen im Breitbandausbau – Faire und menschenwürdige Arbeitsbedingungen bewahren', ['RP'], '8') },
  { id: 'top-9', item: proposal('TOP 9', 'Künstliche Intelligenz in der Arbeitswelt', ['RP'], '9', { bundesrat: true }) },
  { id: 'top-10', item: proposal('TOP 10', 'Länderabfrage zur Fachkräftesicherung in der IT und durch IT', ['RP'], '10') },
];

/** The commands that prepare the demo session, applied by the server as the system on first start. */
export function demoCommands(): Command[] {
  const commands: Command[] = [
    { type: 'scheduleSession', title: '1. Digitalministerkonferenz (DMK)', date: '2024-04-19', place: 'Potsdam', kind: 'regular', format: 'hybrid' },
    { type: 'nameChair', name: 'Vorsitz Berlin und Brandenburg', participantId: demoParticipantId.chair },
  ];
  for (const land of DMK_PROFILE.lands) {
    commands.push(
      { type: 'nameRepresentative', land: land.code, kind: 'member', name: `Mitglied ${land.name}`, participantId: demoParticipantId.member(land.code) },
      { type: 'nameRepresentative', land: land.code, kind: 'permanentDeputy', name: `Ständige Vertretung ${land.name}`, participantId: demoParticipantId.permanentDeputy(land.code) },
    );
  }
  commands.push(
    { type: 'inviteGuest', name: 'Bundesministerium für Digitales und Verkehr', guestKind: 'federalMinister', participantId: demoParticipantId.federalGuest },
    { type: 'announceStaff', name: 'Referentin der Geschäftsstelle', accompanies: 'BE', announcedAt: '2024-04-12T09:00:00.000Z' },
  );
  for (const { id, item } of DEMO_ITEMS) commands.push({ type: 'addAgendaItem', item, shortNotice: false, itemId: id });
  return commands;
}
