import type { Ack, ErrorPayload, RuleViolation } from '@plenum/shared';

/** A decider's refusal as the error of an ack: the code, and the rule and details when there are some. */
export function errorOf(v: RuleViolation): ErrorPayload {
  return { code: v.code, ...(v.rule ? { rule: v.rule } : {}), ...(v.details ? { details: v.details } : {}) };
}

export const refused = <T>(error: ErrorPayload): Ack<T> => ({ error });
