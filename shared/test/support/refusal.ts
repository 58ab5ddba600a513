import { expect } from 'vitest';
import { isViolation, type RuleViolation, type ViolationCode } from '../../src/index.ts';

/** The one way the tests look at a decider's answer: accepted (its events) or refused (its code and rule). */
type Answer<E> = { ok: true; events: E[] } | RuleViolation;

/** The events of an accepted command; a refusal fails the test with its code and details. */
export function accepted<E>(answer: Answer<E>): E[] {
  if (isViolation(answer)) throw new Error(`refused: ${answer.code} ${JSON.stringify(answer.details ?? {})}`);
  return answer.events;
}

/** Expects a refusal with this code (and rule, if given), and returns it. */
export function expectRefusal<E>(answer: Answer<E>, code: ViolationCode, rule?: string): RuleViolation {
  expect(isViolation(answer) ? answer.code : 'accepted', `expected ${code}`).toBe(code);
  if (!isViolation(answer)) throw new Error(`expected ${code}, accepted`);
  if (rule) expect(answer.rule).toBe(rule);
  return answer;
}
