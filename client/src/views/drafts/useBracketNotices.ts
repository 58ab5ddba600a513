import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openBrackets } from '@plenum/shared/src/drafts/state.ts';
import { announce } from '../common/announcer.tsx';
import { bracketNumbers } from './numbers.ts';
import type { DraftRow } from './useDrafts.ts';

/**
 * A Land hears when a bracket it holds is called, or changed by someone else's step (an answer in a
 * call alone is no change worth a notice). The last five notices, newest first; each is also
 * announced to screen readers. Pass the result's `onChange` to useDrafts.
 */
export function useBracketNotices(land: string | null) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<string[]>([]);
  const onChange = useCallback((row: DraftRow, previous: DraftRow | undefined, types: string[]) => {
    if (!land) return;
    const numbers = bracketNumbers(row.state);
    for (const b of openBrackets(row.state)) {
      if (!b.holders[land] && !previous?.state.brackets[b.id]?.holders[land]) continue;
      const before = previous?.state.brackets[b.id];
      const called = types.includes('BracketCalled') && row.state.call?.bracketId === b.id;
      const changedByOthers = before && JSON.stringify(before) !== JSON.stringify(b) && !types.every((ty) => ty === 'BracketCallAnswered');
      if (!called && !changedByOthers) continue;
      const text = t(called ? 'drafts.noticeCalled' : 'drafts.noticeChanged', { n: numbers[b.id], title: row.state.title });
      setNotices((n) => [text, ...n].slice(0, 5));
      announce(text);
    }
  }, [land, t]);
  return { notices, onChange };
}
