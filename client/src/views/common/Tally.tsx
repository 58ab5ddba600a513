import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteRound } from '@plenum/shared';
import { liveTally } from '@plenum/shared/src/meeting/tally.ts';
import { useLang } from '../../i18n/index.ts';
import { formatNumber } from '../../format.ts';
import { announce } from './announcer.tsx';

const OPTIONS = ['yes', 'no', 'abstain', 'notVoted'] as const;
/** Tally changes are announced at most this often, so a burst of ballots is one announcement. */
const ANNOUNCE_EVERY_MS = 4000;

/** The live result as one bar per option (Ja / Nein / Enthaltung / keine Stimme). */
export function Tally({ vote, large = false }: { vote: VoteRound; large?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tally = liveTally(vote);
  const total = Math.max(1, Object.keys(vote.electorate).length);
  const summary = t('tally.summary', { yes: tally.yes, no: tally.no, abstain: tally.abstain, notVoted: tally.notVoted });
  useThrottledAnnouncement(vote.status === 'open' ? summary : null);
  return (
    <figure className={`tally ${large ? 'large' : ''}`} data-testid="tally">
      <figcaption className="visually-hidden">{summary}</figcaption>
      <ul className="tally-bars">
        {OPTIONS.map((option) => (
          <li key={option} className={`tally-row tally-${option}`} data-testid={`tally-${option}`} data-count={tally[option]}>
            <span className="tally-label">{t(`choice.${option}`)}</span>
            <span className="tally-bar" aria-hidden="true">
              <span className="tally-fill" style={{ width: `${(tally[option] / total) * 100}%` }} />
            </span>
            <span className="tally-count">{formatNumber(tally[option], lang)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function useThrottledAnnouncement(message: string | null) {
  const last = useRef({ at: 0, message: '' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!message || message === last.current.message) return;
    const wait = Math.max(0, last.current.at + ANNOUNCE_EVERY_MS - Date.now());
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      last.current = { at: Date.now(), message };
      announce(message, 'polite');
    }, wait);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [message]);
}
