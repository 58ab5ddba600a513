import {
  AgendaRecordCommandSchema, CircularCommandSchema, CommandSchema, ExtraordinaryCommandSchema, FollowUpCommandSchema,
  ProtocolWorkflowCommandSchema,
} from '@plenum/shared';
import { seededRandom } from '../crash/cycle.ts';

/**
 * Hostile values for the fuzzer: a seeded random source, plausible commands built from the
 * schemas themselves (so every command type is covered, including ones added later), and the
 * mutations an attacker sends: deep nesting, prototype keys, huge strings, wrong types, missing
 * and extra fields.
 */
export type Rng = () => number;

/** The crash test's seeded PRNG (mulberry32): a failing run can be repeated with its seed. */
export const rng = (seed: number): Rng => seededRandom(seed);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const IDS = ['top-5', 'top-2a', 'top-9', 'p-BY-member', 'p-chair', 'vote-1', 'x', ...PROTOTYPE_KEYS];
const LANDS = ['BY', 'BW', 'BE', 'HB', 'XX', 'BUND', '__proto__'];

/** Nested arrays or objects, `depth` levels (a JSON text of about 2 × depth bytes). */
export function deep(depth: number, asObject: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

/** A JSON text nested `depth` levels, written directly (no serializer involved). */
export const deepJson = (depth: number, asObject: boolean) =>
  asObject ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** An object whose own key is `__proto__` (as JSON.parse makes it), not a prototype change. */
const protoObject = (r: Rng) => JSON.parse(`{"${pick(r, PROTOTYPE_KEYS)}": {"polluted": true}, "type": "x"}`) as unknown;

export function hostileValue(r: Rng): unknown {
  switch (int(r, 0, 13)) {
    // Deeper than ~4,000 levels JSON.stringify itself overflows, so Socket.IO clients cannot send it (REST bodies go deeper: deepJson).
    case 0: return deep(pick(r, [50, 500, 3_000]), r() < 0.5);
    case 1: return pick(r, PROTOTYPE_KEYS);
    case 2: return protoObject(r);
    // Two of these in one message stay under the 64 KB frame limit (larger frames: harness.ts).
    case 3: return 'a'.repeat(pick(r, [301, 4_001, 20_001, 30_000]));
    case 4: return pick(r, [0, -1, 1.5, 1e308, -0, 2 ** 53 + 1]);
    case 5: return pick(r, [true, false, null]);
    case 6: return [];
    case 7: return {};
    case 8: return '';
    case 9: return '\u0000\ud800<script>alert(1)</script>\u202e';
    case 10: return Array.from({ length: int(r, 10, 2_000) }, (_, i) => i);
    case 11: return { type: 'castVote', voteId: pick(r, IDS), choice: 'yes' };
    case 12: return ' '.repeat(int(r, 1, 400));
    default: return pick(r, IDS);
  }
}

interface ZodLike { def?: Record<string, unknown>; _zod?: { def: Record<string, unknown> }; shape?: Record<string, ZodLike>; options?: ZodLike[] }
const defOf = (s: ZodLike): Record<string, unknown> => (s._zod?.def ?? s.def ?? {}) as Record<string, unknown>;

/** A plausible value for a zod schema: right type, likely ids; often valid, sometimes not. */
export function plausible(s: ZodLike, r: Rng, depth = 0): unknown {
  const d = defOf(s);
  const inner = (k: string) => d[k] as ZodLike;
  switch (d.type) {
    case 'string': return r() < 0.6 ? pick(r, IDS) : pick(r, ['2025-05-01', '2025-05-01T10:00:00.000Z', 'Text', 'Mainz', ...LANDS]);
    case 'number': return int(r, 0, 20);
    case 'boolean': return r() < 0.5;
    case 'literal': return (d.values as unknown[])[0];
    case 'enum': return pick(r, Object.values(d.entries as Record<string, unknown>));
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly':
      return r() < 0.3 ? undefined : plausible(inner('innerType'), r, depth);
    case 'pipe': return plausible(inner('in'), r, depth);
    case 'array': return depth > 3 ? [] : Array.from({ length: int(r, 0, 3) }, () => plausible(inner('element'), r, depth + 1));
    case 'union': case 'discriminatedUnion': return plausible(pick(r, d.options as ZodLike[]), r, depth);
    case 'object': {
      const shape = (d.shape ?? {}) as Record<string, ZodLike>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(shape)) {
        const value = plausible(v, r, depth + 1);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'record': return {};
    default: return null;
  }
}

/** Every command schema by stream: the meeting's (socket) and the between-sessions kinds (REST). */
export const COMMAND_SCHEMAS = {
  meeting: CommandSchema,
  circular: CircularCommandSchema,
  protocol: ProtocolWorkflowCommandSchema,
  extraordinary: ExtraordinaryCommandSchema,
  followup: FollowUpCommandSchema,
  agenda: AgendaRecordCommandSchema,
} as const;
export type StreamName = keyof typeof COMMAND_SCHEMAS;

export function commandTypes(stream: StreamName): ZodLike[] {
  return (COMMAND_SCHEMAS[stream] as unknown as ZodLike).options ?? (defOf(COMMAND_SCHEMAS[stream] as unknown as ZodLike).options as ZodLike[]);
}

/** A command of the given stream: plausible, then (mostly) mutated. */
export function fuzzCommand(stream: StreamName, r: Rng): unknown {
  const variant = pick(r, commandTypes(stream));
  const base = plausible(variant, r) as Record<string, unknown>;
  const roll = r();
  if (roll < 0.2) return base; // as plausible as we can make it: may be valid
  const keys = Object.keys(base).filter((k) => k !== 'type');
  const out: Record<string, unknown> = { ...base };
  if (roll < 0.55 && keys.length) out[pick(r, keys)] = hostileValue(r); // a field of the wrong kind
  else if (roll < 0.65 && keys.length) delete out[pick(r, keys)]; // a missing field
  else if (roll < 0.75) out[pick(r, [...PROTOTYPE_KEYS, 'extra', 'zz'])] = hostileValue(r); // an extra (or prototype) key
  else if (roll < 0.85) out.type = pick(r, [...PROTOTYPE_KEYS, 'castvote', '', 'castVote '.repeat(3)]); // a type that does not exist
  else return hostileValue(r); // not even an object
  return out;
}
