import { z } from 'zod';
import type { RulesProfile } from './profile.ts';
import type { CircularRosterEntry } from './circular/schema.ts';
import type { AgendaSessionKind } from './deadlines/agenda.ts';
import type { ChairDeviation } from './chair.ts';

/** Who is acting. The server derives it from the session cookie; it is never taken from the client. */
export const ActorRole = z.enum(['office', 'chair', 'delegate', 'guest', 'staff', 'screen', 'public', 'system']);
export type ActorRole = z.infer<typeof ActorRole>;
export interface Actor {
  role: ActorRole;
  /** The participant the actor is, for delegates, guests, staff and the chair. */
  participantId: string | null;
}

/**
 * What every decider gets from outside so that it stays pure: the clock, the actor, the id source,
 * and the rules profile (default: the DMK's). `roster` is for the between-sessions deciders that
 * judge a Land's member or permanent deputy: the server passes the roster of the chair period in
 * force, as it passes the clock (the drafts of the working body pass their own roster type).
 */
export interface DecideContext<RosterEntry = CircularRosterEntry> {
  now: string;
  actor: Actor;
  newId: (prefix: string) => string;
  profile?: RulesProfile;
  roster?: readonly RosterEntry[];
  /** The session a per-meeting stream belongs to (agenda record: R-AGD-6 differs by kind). */
  session?: { date: string; kind: AgendaSessionKind };
  /** R-CHR-3: the recorded deviations from the chair rotation, so the chair in force is derived with them. */
  chairDeviations?: readonly ChairDeviation[];
}

