import type { EventLog, MeetingDirectory } from './event-log.ts';
import type { InvitationStore, SessionStore } from './invitation-store.ts';

/** The stores of one installation, each behind its own contract. */
export interface Stores {
  events: EventLog;
  meetings: MeetingDirectory;
  invitations: InvitationStore;
  sessions: SessionStore;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
