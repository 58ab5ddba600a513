import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LandCode, Participant, VoteRound } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { landLabel } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';

/** Land code → its name in the UI language (profile.lands name / nameEn). */
export function useLandName(): (code: LandCode) => string {
  const profile = useMeeting((s) => s.profile);
  const lang = useLang();
  const { t } = useTranslation();
  return useCallback((code: LandCode) => landLabel(profile, code, lang, t('common.bund')), [profile, lang, t]);
}

/** The participant this browser acts as (null for screen, public and office without a record). */
export function useMe(): Participant | null {
  return useMeeting((s) => (s.participantId ? s.state.participants[s.participantId] ?? null : null));
}

/** The open round, or else the latest closed or cancelled one (to show its outcome). */
export function useCurrentVote(): VoteRound | null {
  return useMeeting((s) => {
    const { votes, openVoteId } = s.state;
    if (openVoteId && votes[openVoteId]) return votes[openVoteId];
    let latest: VoteRound | null = null;
    for (const v of Object.values(votes)) if (!latest || v.openedAt >= latest.openedAt) latest = v;
    return latest;
  });
}

/** The current time, ticking every `everyMs` while mounted (running speaking time, vote timer). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
