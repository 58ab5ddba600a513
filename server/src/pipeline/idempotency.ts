import type { Actor } from '@plenum/shared';
import { sha256 } from '../store/hash.ts';

/**
 * The payload hash stored with an idempotency key. It covers the actor too (another actor
 * reusing a key gets 'idempotency.keyReused', not my answer) and the stream's scope. Call it only
 * on input that passed `inputBoundsProblem`: JSON.stringify recurses.
 */
export function payloadHash(scope: readonly unknown[], actor: Actor, command: unknown): string {
  return sha256(JSON.stringify([...scope, actor.role, actor.participantId, command]));
}

/** What a key already stored means for a new command with the same key. */
export function repeatOf<R extends { duplicate: boolean }>(
  stored: { payloadHash: string; responseJson: string }, hash: string, parse: (json: string) => R,
): { data: R } | { error: { code: 'idempotency.keyReused' } } {
  if (stored.payloadHash !== hash) return { error: { code: 'idempotency.keyReused' } };
  return { data: { ...parse(stored.responseJson), duplicate: true } };
}
