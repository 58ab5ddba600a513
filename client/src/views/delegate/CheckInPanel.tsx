import { useTranslation } from 'react-i18next';
import type { Participant } from '@plenum/shared';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useCommand } from '../common/useCommand.ts';

/** R-SES-2: check in in the room or remotely, and out again. */
export function CheckInPanel({ me }: { me: Participant }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, error, pending } = useCommand();
  const mode = me.presence?.mode ?? null;
  return (
    <section aria-labelledby="checkin-heading" className="panel">
      <h2 id="checkin-heading">{t('delegate.checkIn.heading')}</h2>
      <p data-testid="presence-state">
        {mode ? t('delegate.checkIn.since', { mode: t(`presence.${mode}`), time: formatTime(me.presence!.since, lang) }) : t('delegate.checkIn.notPresent')}
      </p>
      <div className="button-row big">
        <button type="button" data-testid="check-in-room" aria-pressed={mode === 'room'} disabled={pending || mode === 'room'} onClick={() => run({ type: 'checkIn', mode: 'room' })}>
          {t('delegate.checkIn.room')}
        </button>
        <button type="button" data-testid="check-in-remote" aria-pressed={mode === 'remote'} disabled={pending || mode === 'remote'} onClick={() => run({ type: 'checkIn', mode: 'remote' })}>
          {t('delegate.checkIn.remote')}
        </button>
        {mode && (
          <button type="button" data-testid="check-out" disabled={pending} onClick={() => run({ type: 'checkOut' })}>
            {t('delegate.checkIn.out')}
          </button>
        )}
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
