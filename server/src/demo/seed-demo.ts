import { DEMO_MEETING_ID, DMK_PROFILE, demoCommands, demoParticipantId, type MeetingState } from '@plenum/shared';
import type { Stores } from '../store/stores.ts';
import type { MeetingRegistry } from '../meeting/registry.ts';
import type { Invitations } from '../auth/invitations.ts';
import type { NewInvitation } from '../auth/invitations.ts';
import type { Logger } from '../log.ts';
import { CONFERENCE_ID } from '../conference/sessions.ts';

export interface DemoLink extends NewInvitation {
  id: string;
  url: string;
  token: string;
}

/**
 * First start with an empty data folder: create the demo meeting by applying the shared demo
 * commands as the system, and the personal conference invitations for office, chair, the 16
 * members and the room screen: each opens the demo session and every later session in which its
 * person holds a role (the next regular session carries the roster). A later start finds
 * invitations and does nothing. The commands carry fixed idempotency
 * keys, so a first start interrupted half-way completes on the next start without duplicates.
 */
export async function seedDemo(stores: Pick<Stores, 'meetings' | 'invitations'>, registry: MeetingRegistry, invitations: Invitations, log: Logger): Promise<DemoLink[] | null> {
  const meetings = await stores.meetings.meetings();
  if (meetings.length > 0 && !meetings.includes(DEMO_MEETING_ID)) return null;
  const issued = [...await stores.invitations.listInvitations(DEMO_MEETING_ID), ...await stores.invitations.listInvitations(CONFERENCE_ID)];
  if (meetings.includes(DEMO_MEETING_ID) && issued.length > 0) return null;

  const runtime = await registry.create(DEMO_MEETING_ID);
  const system = { role: 'system' as const, participantId: null };
  let i = 0;
  for (const command of demoCommands()) {
    const { ack } = await runtime.execute({ key: `demo-seed-${String(i++).padStart(4, '0')}`, command, actor: system, context: {} });
    // A refused demo command is a bug in the shared demo data; start anyway with what applied.
    if ('error' in ack) log.warn({ command: command.type, error: ack.error }, 'demo command refused');
  }

  const state = runtime.current;
  const known = (id: string) => (id in state.participants ? id : null);
  const wanted: NewInvitation[] = [
    { role: 'office', participantId: known(demoParticipantId.office), label: 'Geschäftsstelle' },
    { role: 'chair', participantId: known(demoParticipantId.chair), label: 'Vorsitz' },
    ...DMK_PROFILE.lands.map((land) => ({
      role: 'delegate' as const, participantId: memberOf(state, land.code), label: `${land.name} — Mitglied`,
    })),
    { role: 'screen', participantId: null, label: 'Saalbildschirm' },
  ];
  const links: DemoLink[] = [];
  for (const inv of wanted) {
    const created = await invitations.createPersonal(CONFERENCE_ID, inv);
    if ('error' in created) throw new Error(`demo invitation for ${inv.label} exists already`);
    links.push({ ...inv, ...created });
  }
  return links;
}

function memberOf(state: MeetingState, land: string): string {
  const byConvention = demoParticipantId.member(land);
  if (state.participants[byConvention]) return byConvention;
  const found = Object.values(state.participants).find((p) => p.kind === 'member' && p.land === land);
  if (!found) throw new Error(`demo has no member for ${land}`);
  return found.id;
}

/**
 * The one place a secret is printed on purpose: the demo links go to the console (stdout, not the
 * log), so whoever started the server can hand them out. Each line is also machine-readable.
 */
export function printDemoLinks(links: DemoLink[], out: (line: string) => void = console.log) {
  out('Plenum demo: personal invitation links (keep them private):');
  for (const l of links) out(`PLENUM_INVITE role=${l.role} participant=${l.participantId ?? '-'} url=${l.url} label=${l.label}`);
}
