/**
 * Hostile input is normal: before anything walks a client's value recursively (hashing,
 * serialising, a schema), check that it is shallow and small. Iterative, so a value nested
 * 30,000 levels deep costs a bounded loop, not the stack.
 */
export const MAX_INPUT_DEPTH = 32;
export const MAX_INPUT_NODES = 20_000;

export type BoundsProblem = 'tooDeep' | 'tooLarge';

export function inputBoundsProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH, maxNodes = MAX_INPUT_NODES): BoundsProblem | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) return 'tooLarge';
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return 'tooDeep';
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) stack.push([c, depth + 1]);
  }
  return null;
}
