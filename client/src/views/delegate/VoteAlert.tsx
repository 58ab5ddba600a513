import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';

/**
 * A vote is open and this person still has a ballot to cast: a sticky banner that stays in view
 * however far the page is scrolled (with a link up to the ballots), the tab's title says so, and
 * the phone vibrates once per round where the browser allows it.
 */
export function VoteAlert({ vote, uncast }: { vote: VoteRound | null; uncast: number }) {
  const { t } = useTranslation();
  const openId = vote?.status === 'open' ? vote.id : null;
  useVibrateOnOpen(openId);
  useTitlePrefix(openId ? t('delegate.alert.title') : null);
  if (!openId || uncast === 0) return null;
  return (
    <div className="vote-alert" role="status" data-testid="vote-alert">
      <span>{t('delegate.alert.text', { count: uncast })}</span>{' '}
      <a href="#ballots" onClick={(e) => { e.preventDefault(); document.getElementById('ballots')?.scrollIntoView({ block: 'start' }); document.getElementById('ballots-heading')?.focus(); }}>
        {t('delegate.alert.toBallot')}
      </a>
    </div>
  );
}

function useVibrateOnOpen(openId: string | null) {
  const buzzed = useRef<string | null>(null);
  useEffect(() => {
    if (!openId || buzzed.current === openId) return;
    buzzed.current = openId;
    // Not every browser has it, and some refuse before the first tap: that is fine.
    try {
      navigator.vibrate?.([200, 100, 200]);
    } catch {
      // no vibration here
    }
  }, [openId]);
}

/** Puts `prefix` in front of the document title while set (the title otherwise follows the h1). */
function useTitlePrefix(prefix: string | null) {
  useEffect(() => {
    if (!prefix) return;
    const apply = () => {
      if (!document.title.startsWith(prefix)) document.title = `${prefix} ${document.title}`;
    };
    apply();
    // The page frame rewrites the title when its heading changes; put the prefix back each time.
    const title = document.querySelector('title');
    const observer = title ? new MutationObserver(apply) : null;
    if (title) observer!.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer?.disconnect();
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length + 1);
    };
  }, [prefix]);
}
