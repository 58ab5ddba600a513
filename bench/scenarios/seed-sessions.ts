import { join } from 'node:path';
import { DMK_PROFILE, demoCommands, demoParticipantId } from '../../shared/src/index.ts';
import { Invitations } from '../../server/src/auth/invitations.ts';
import { createLogger } from '../../server/src/log.ts';
import { MeetingRegistry } from '../../server/src/meeting/registry.ts';
import { openSqliteStores } from '../../server/src/store/sqlite-store.ts';

export interface SeededSession {
  meetingId: string;
  /** Invitation tokens (redeemed over HTTP by the bench, as a browser would). */
  chair: string;
  delegates: { land: string; token: string }[];
}

/**
 * Many sessions on one node, for the bench only: the office's creation of sessions is not a
 * server feature yet, so this seeds `count` meetings into a fresh data folder BEFORE the server
 * starts, through the server's own store, registry, runtime and invitations (the demo commands,
 * applied as the system, exactly as the demo seeding does for the one demo meeting). The server
 * then loads them from the log like any meeting.
 */
export async function seedSessions(dataDir: string, count: number, publicUrl: string): Promise<SeededSession[]> {
  const stores = openSqliteStores(join(dataDir, 'plenum.sqlite'));
  const log = createLogger('warn');
  const registry = new MeetingRegistry(stores.meetings, stores.events, DMK_PROFILE, log, () => {});
  const invitations = new Invitations(stores.invitations, stores.sessions, publicUrl);
  const system = { role: 'system' as const, participantId: null };
  const out: SeededSession[] = [];
  try {
    for (let k = 1; k <= count; k++) {
      const meetingId = `bench-${String(k).padStart(3, '0')}`;
      const runtime = await registry.create(meetingId);
      let i = 0;
      for (const command of demoCommands()) {
        const { ack } = await runtime.execute({ key: `seed-${i++}`, command, actor: system, context: {} });
        if ('error' in ack && command.type !== 'addAgendaItem') throw new Error(`${meetingId}: ${command.type} refused: ${ack.error.code}`);
      }
      const chair = await invitations.create(meetingId, { role: 'chair', participantId: demoParticipantId.chair, label: 'Vorsitz' });
      const delegates = [];
      for (const { code } of DMK_PROFILE.lands) {
        const inv = await invitations.create(meetingId, { role: 'delegate', participantId: demoParticipantId.member(code), label: code });
        delegates.push({ land: code, token: inv.token });
      }
      out.push({ meetingId, chair: chair.token, delegates });
    }
  } finally {
    await stores.close();
  }
  return out;
}
