import type { z } from 'zod';
import { isStreamKind, STREAM_KINDS } from '../between/kinds.ts';
import { MEETING_KIND } from '../meeting/kind.ts';

/** What a replay of a stream needs: its event schema and its fold. */
export interface ReplayKind {
  name: string;
  stateVersion: number;
  eventSchema: z.ZodType;
  initial(): unknown;
  evolve(state: unknown, event: unknown, seq: number): unknown;
}

/** The kind of a stream by its name: a meeting is named by its id alone, a between-sessions stream `kind:id`. Null: unknown kind. */
export function replayKindOf(stream: string): ReplayKind | null {
  const colon = stream.indexOf(':');
  if (colon < 0) return MEETING_KIND as unknown as ReplayKind;
  const kind = stream.slice(0, colon);
  return isStreamKind(kind) ? STREAM_KINDS[kind] as unknown as ReplayKind : null;
}
