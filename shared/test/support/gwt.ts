import { expect } from 'vitest';
import {
  DMK_PROFILE, decide, evolveAll,
  type Actor, type DecideResult, type MeetingEvent, type MeetingState, type RulesProfile, type ViolationCode,
} from '../../src/index.ts';
import { accepted, expectRefusal } from './refusal.ts';

/**
 * given(events).when(command, actor).then(events | code): the emmett-style test of a decider.
 * Expected events are matched partially (`at`, `by` and ids may be left out).
 */
export const WHEN_AT = '2024-04-19T12:00:00.000Z';

export function given(events: MeetingEvent[] | MeetingState, profile: RulesProfile = DMK_PROFILE) {
  const state = Array.isArray(events) ? evolveAll(events) : events;
  return {
    state,
    when(command: unknown, actor: Actor) {
      let n = 0;
      const result: DecideResult = decide(state, command, { now: WHEN_AT, actor, newId: (p) => `${p}-new-${++n}`, profile });
      return {
        result,
        then(expected: ReadonlyArray<Record<string, unknown>> | ViolationCode, rule?: string): DecideResult {
          if (typeof expected === 'string') {
            expectRefusal(result, expected, rule);
          } else {
            const events = accepted(result);
            expect(events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
            expect(events).toMatchObject(expected as Record<string, unknown>[]);
          }
          return result;
        },
      };
    },
  };
}
