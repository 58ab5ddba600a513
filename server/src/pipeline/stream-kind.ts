import type { DecideContext, RuleViolation } from '@plenum/shared';
import type { z } from 'zod';
import type { EventRecord } from '../store/event-log.ts';

/** One stored event as it travels: its seq in its stream, time and row hash. */
export interface Envelope<E> {
  seq: number;
  at: string;
  hash: string;
  event: E;
}

export type Decision<E> = { ok: true; events: E[] } | RuleViolation;

/**
 * What the command pipeline needs to know about one kind of stream (a meeting, a circular
 * procedure, …): its decider triple, its event schema, the version of its state's shape, and
 * how it names and answers. `X` is the extra context its decider reads (the roster).
 */
export interface StreamKind<S, E extends EventRecord, X, R extends { duplicate: boolean }> {
  readonly name: string;
  /** Snapshots stamped with another version are discarded and the state rebuilt by replay. */
  readonly stateVersion: number;
  readonly eventSchema: z.ZodType<E>;
  /** The stream's name in the log. */
  stream(id: string): string;
  /** The command's schema check (zod), run before the payload hash and anything else: a refusal or null. */
  validate(command: unknown): RuleViolation | null;
  initial(): S;
  evolve(state: S, event: E, seq: number): S;
  decide(state: S, command: unknown, ctx: DecideContext & X): Decision<E>;
  /** The id source of its decider (a kind may name its own entity with the stream id). */
  newId(id: string): (prefix: string) => string;
  /** What the payload hash covers besides actor and command. */
  payloadScope(id: string): unknown[];
  /** The answer to the sender: stored with the key, repeated for a retry. */
  respond(id: string, appended: Envelope<E>[], state: S, seq: number): R;
  /** Reads a stored answer back (a retry after the first was committed). */
  parseResponse(json: string): R;
}
