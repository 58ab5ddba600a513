import type { z } from 'zod';
import { violation, type RuleViolation } from '../violations.ts';

/**
 * Parse a command with a zod discriminated union: an unknown `type` is 'command.unknown', a bad
 * field 'command.invalid' (with the first issue's path). Shared by the between-sessions deciders.
 */
export function parseBetweenCommand<S extends z.ZodDiscriminatedUnion>(schema: S, raw: unknown):
  { ok: true; command: z.infer<S> } | RuleViolation {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, command: result.data };
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  const known = schema.options.some((o) => (o as z.ZodObject).shape.type?.value === type);
  if (!known) return violation('command.unknown', undefined, { type: typeof type === 'string' ? type : null });
  const issue = result.error.issues[0];
  return violation('command.invalid', undefined, { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' });
}
