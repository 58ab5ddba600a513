import type { DraftState } from '@plenum/shared';
import { bracketNumber } from '@plenum/shared/src/drafts/render.ts';

/** Bracket numbers K1, K2 … in the order set, stable while others resolve (as in the exported papers). */
export function bracketNumbers(s: DraftState): Record<string, number> {
  return Object.fromEntries(s.bracketOrder.map((id) => [id, bracketNumber(id)]));
}
