import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../format.ts';
import { useNow } from '../common/hooks.ts';

const MINUTES = [1, 2, 3, 5];

/**
 * A time the chair gives the room for a vote, on this console only: it counts down and then says
 * the time is up. It closes nothing; the chair decides. Kept per round across a reload.
 */
export function VoteTimer({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const key = `plenum.voteTimer.${voteId}`;
  const [endsAt, setEndsAt] = useState<number | null>(() => Number(sessionStorage.getItem(key)) || null);
  const set = (minutes: number | null) => {
    const end = minutes === null ? null : Date.now() + minutes * 60_000;
    if (end === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, String(end));
    setEndsAt(end);
  };
  return (
    <div className="vote-timer" data-testid="vote-timer">
      {endsAt === null ? (
        <div className="button-row" role="group" aria-label={t('chair.timer.label')}>
          <span className="muted">{t('chair.timer.label')}:</span>
          {MINUTES.map((m) => (
            <button key={m} type="button" className="small" onClick={() => set(m)} aria-label={t('chair.timer.setFor', { count: m })}>
              {t('chair.timer.minutes', { count: m })}
            </button>
          ))}
        </div>
      ) : <Countdown endsAt={endsAt} onClear={() => set(null)} />}
    </div>
  );
}

function Countdown({ endsAt, onClear }: { endsAt: number; onClear: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = endsAt - now;
  return (
    <p className={`countdown ${left <= 0 ? 'countdown-over' : ''}`}>
      {left > 0
        ? <span data-testid="timer-left">{t('chair.timer.left', { time: formatDuration(left) })}</span>
        : <strong role="alert" data-testid="timer-over">{t('chair.timer.over')}</strong>}
      {' '}
      <button type="button" className="small link" onClick={onClear}>{t('chair.timer.clear')}</button>
    </p>
  );
}
