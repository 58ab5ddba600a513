import type { DecideContext } from './commands.ts';
import type { MeetingEvent } from './events.ts';
import type { RulesProfile } from './profile.ts';
import type { MeetingState } from './state.ts';
import type { RuleViolation } from './violations.ts';

export type DecideResult = { ok: true; events: MeetingEvent[] } | RuleViolation;

/** Context for the decider: the clock, the actor, the id source and the rules profile. */
export type DeciderContext = DecideContext & { profile?: RulesProfile };
