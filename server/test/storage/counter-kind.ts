import { z } from 'zod';
import type { StreamKind } from '../../src/pipeline/stream-kind.ts';

/** A minimal stream kind for the store tests: each command adds n, so every count can be checked exactly; with `atLeast` it depends on the state. */
export const Added = z.object({ type: z.literal('Added'), at: z.string(), by: z.string(), n: z.number() });
export type AddedEvent = z.infer<typeof Added>;
export interface Tally { total: number; count: number; by: Record<string, number> }
export interface Answer { duplicate: boolean; seq: number; total: number }

export const counter: StreamKind<Tally, AddedEvent, object, Answer> = {
  name: 'counter', stateVersion: 1, eventSchema: Added,
  stream: (id) => `counter:${id}`,
  validate: () => null,
  initial: () => ({ total: 0, count: 0, by: {} }),
  evolve: (s, e) => ({ total: s.total + e.n, count: s.count + 1, by: { ...s.by, [e.by]: (s.by[e.by] ?? 0) + 1 } }),
  // `atLeast`: refused unless the total has reached it (a command that depends on what came before).
  decide: (s, command, ctx) => {
    const { by, n, atLeast } = command as { by: string; n: number; atLeast?: number };
    if (atLeast !== undefined && s.total < atLeast) return { ok: false, code: 'counter.tooLow' } as never;
    return { ok: true, events: [{ type: 'Added', at: ctx.now, by, n }] };
  },
  newId: () => (prefix) => prefix,
  payloadScope: (id) => ['counter', id],
  respond: (_id, appended, state, seq) => ({ duplicate: false, seq: appended.at(-1)?.seq ?? seq, total: state.total }),
  parseResponse: (json) => JSON.parse(json) as Answer,
};

