import { diffWordsWithSpace } from 'diff';
import type { VersionSnapshot } from './schema.ts';
import { versionText } from './render.ts';

/** One run of a comparison: unchanged, inserted or deleted text. */
export interface Change { kind: 'same' | 'added' | 'removed'; text: string }

/**
 * The comparison of two versions (v(n-1) → vn) word by word, with the `diff` library. Brackets
 * appear as "[…]" in both texts, so a bracket set or resolved shows as a change too.
 */
export function compareVersions(before: Pick<VersionSnapshot, 'paragraphs' | 'openBrackets'> | null, after: Pick<VersionSnapshot, 'paragraphs' | 'openBrackets'>): Change[] {
  const changes = diffWordsWithSpace(before ? versionText(before) : '', versionText(after));
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}
