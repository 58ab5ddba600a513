import { decide, evolve, initialState, type MeetingEvent, type MeetingState } from '../meeting/index.ts';
import { isViolation } from '../violations.ts';
import type { Actor } from '../context.ts';
import { DEMO_MEETING_ID, demoCommands, demoParticipantId } from '../demo.ts';
import { DMK_PROFILE } from '../profile.ts';

/**
 * An example session record (protocol tests, the example PDF), made by the real decider: the demo session
 * prepared, then run with attendance modes, a temporary deputy, a transfer, votes as a whole and by
 * paragraph, a Bundesrat procedural vote, a conflict within a Land and protocol declarations.
 */
export interface SessionRecord { state: MeetingState; events: MeetingEvent[] }

export function runExampleSession(): SessionRecord {
  let state = initialState();
  const events: MeetingEvent[] = [];
  let clock = Date.parse('2024-04-19T07:00:00Z');
  let ids = 0;
  const system: Actor = { role: 'system', participantId: null };
  const chair: Actor = { role: 'chair', participantId: demoParticipantId.chair };
  const delegate = (participantId: string): Actor => ({ role: 'delegate', participantId });
  const apply = (command: unknown, actor: Actor = system) => {
    clock += 60_000;
    const r = decide(state, command, { now: new Date(clock).toISOString(), actor, newId: (p) => `${p}-${++ids}`, profile: DMK_PROFILE });
    if (isViolation(r)) throw new Error(`${JSON.stringify(command)} refused: ${r.code} ${JSON.stringify(r.details ?? {})}`);
    for (const e of r.events) { state = evolve(state, e); events.push(e); }
    return r.events;
  };
  for (const c of demoCommands()) {
    // The demo data may still carry an empty paragraph (being written by the lead); drop it here.
    if (c.type === 'addAgendaItem') apply({ ...c, item: { ...c.item, paragraphs: c.item.paragraphs.filter((p) => p.text.trim()) } });
    else apply(c);
  }
  state = { ...state, meetingId: state.meetingId ?? DEMO_MEETING_ID };

  const m = demoParticipantId.member;
  const d = demoParticipantId.permanentDeputy;
  // HB: member and permanent deputy prevented at short notice → a temporary deputy (R-MEM-3).
  apply({ type: 'nameTemporaryDeputy', land: 'HB', name: 'Staatsrätin Bremen (vertretungsweise)', participantId: 'p-HB-temp' }, chair);
  apply({ type: 'openSession' }, chair);
  const remote = new Set(['SN', 'TH', 'MV']);
  for (const land of ['BW', 'BY', 'BE', 'BB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SN', 'ST', 'SH', 'TH']) {
    apply({ type: 'checkIn', mode: remote.has(land) ? 'remote' : 'room', participantId: m(land) }, chair);
  }
  apply({ type: 'checkIn', mode: 'remote', participantId: 'p-HB-temp' }, chair);
  apply({ type: 'checkIn', mode: 'room', participantId: d('BW') }, chair);
  apply({ type: 'checkIn', mode: 'room', participantId: demoParticipantId.federalGuest }, chair);

  const vote = (motion: unknown, choices: Record<string, Cast[]>) => {
    const [opened] = apply({ type: 'openVote', motion }, chair);
    const voteId = (opened as { voteId: string }).voteId;
    for (const [land, list] of Object.entries(choices)) {
      for (const c of list) apply({ type: 'castVote', voteId, land: c.land ?? land, choice: c.choice }, delegate(c.by ?? m(land)));
    }
    apply({ type: 'closeVote', voteId }, chair);
    return voteId;
  };
  type Cast = { choice: 'yes' | 'no' | 'abstain'; by?: string; land?: string };
  const all = (choice: 'yes' | 'no' | 'abstain', except: Record<string, 'yes' | 'no' | 'abstain'> = {}): Record<string, Cast[]> =>
    Object.fromEntries(['BW', 'BY', 'BE', 'BB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SN', 'ST', 'SH', 'TH', 'HB'].map((land) => [
      land, [{ choice: except[land] ?? choice, by: land === 'HB' ? 'p-HB-temp' : m(land) }],
    ]));

  apply({ type: 'setCurrentItem', itemId: 'top-2a' }, chair);
  vote({ kind: 'resolution', itemId: 'top-2a', paragraph: null }, all('yes'));
  apply({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
  apply({ type: 'addDeclaration', itemId: 'top-5', text: 'Bayern weist auf die Zuständigkeit der Länder für Rechenzentren hin (Größenordnung prüfen).' }, delegate(m('BY')));
  vote({ kind: 'resolution', itemId: 'top-5', paragraph: null }, all('yes', { NI: 'no', HH: 'no', SH: 'abstain' }));
  // R-MEM-2: BW member and permanent deputy choose differently.
  apply({ type: 'setCurrentItem', itemId: 'top-7' }, chair);
  vote({ kind: 'resolution', itemId: 'top-7', paragraph: '1' }, { ...all('yes'), BW: [{ choice: 'yes', by: m('BW') }, { choice: 'no', by: d('BW') }] });
  vote({ kind: 'resolution', itemId: 'top-7', paragraph: '2' }, all('no', { BE: 'yes', BB: 'yes' }));
  // R-MEM-4: MV transfers its vote on TOP 8 to BB.
  apply({ type: 'transferVote', to: 'BB', scope: { kind: 'items', itemIds: ['top-8'] } }, delegate(m('MV')));
  apply({ type: 'setCurrentItem', itemId: 'top-8' }, chair);
  const top8 = all('yes');
  top8.MV = [{ choice: 'yes', by: m('BB'), land: 'MV' }];
  vote({ kind: 'resolution', itemId: 'top-8', paragraph: null }, top8);
  // R-AGD-3: TOP 9 needs the Bundesrat procedural decision first.
  apply({ type: 'setCurrentItem', itemId: 'top-9' }, chair);
  vote({ kind: 'bundesratProcedure', itemId: 'top-9' }, all('yes', { BY: 'no', NW: 'abstain' }));
  vote({ kind: 'resolution', itemId: 'top-9', paragraph: null }, all('yes'));
  apply({ type: 'checkOut', participantId: m('TH') }, chair);
  apply({ type: 'closeSession' }, chair);
  return { state, events };
}
