import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatTime } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { ScreenItem } from './ScreenItem.tsx';
import { motionItem, type LiveScreenState } from './screenState.ts';
import { motionLabel } from '../common/MotionLabel.ts';
import { ScreenVote } from './ScreenVote.tsx';

/** The part of the room screen that changes with its state. */
export function ScreenBody({ screen }: { screen: LiveScreenState }) {
  switch (screen.kind) {
    case 'waiting':
      return <Waiting />;
    case 'itemCalled':
      return <ScreenItem item={screen.item} label="screen.state.itemCalled" full />;
    case 'voteOpen':
    case 'result':
      return <ScreenVote vote={screen.vote} item={screen.item} />;
    case 'speaker':
      return <Speaker screen={screen} />;
    case 'closed':
      return <Closed closedAt={screen.closedAt} />;
  }
}

/** Before the session or between items: the agenda, so the screen is never empty. */
function Waiting() {
  const { t } = useTranslation();
  const session = useMeeting((s) => s.state.session);
  const agenda = useMeeting((s) => s.state.agenda);
  const items = agenda.filter((i) => !i.shortNotice || i.admitted);
  return (
    <section className="screen-waiting" aria-labelledby="screen-state-heading" data-testid="screen-waiting">
      <h2 id="screen-state-heading" className="screen-state-label">
        {session?.status === 'open' ? t('screen.state.between') : t('screen.state.waiting')}
      </h2>
      {items.length > 0 && (
        <ol className="screen-agenda" aria-label={t('screen.agenda')}>
          {items.map((i) => (
            <li key={i.id}><span className="item-number">{i.number}</span> {i.title}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Speaker({ screen }: { screen: Extract<LiveScreenState, { kind: 'speaker' }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const { speaker } = screen;
  return (
    <>
      {screen.item && <ScreenItem item={screen.item} label="screen.state.itemCalled" />}
      <section className="screen-speaker" aria-labelledby="screen-speaker-heading" data-testid="screen-speaker">
        <h2 id="screen-speaker-heading" className="screen-state-label">{t('screen.state.speaker')}</h2>
        <p className="screen-speaker-name">
          {speaker.name}
          {speaker.land && <span className="screen-speaker-land"> · {landName(speaker.land)}</span>}
        </p>
        <p className="screen-speaker-since">{t('screen.speakerSince', { time: formatTime(screen.since, lang) })}</p>
      </section>
    </>
  );
}

/** The session is over: said in words, with what it decided, round by round. */
function Closed({ closedAt }: { closedAt: string | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useMeeting((s) => s.state);
  const rounds = Object.values(state.votes)
    .filter((v) => v.status === 'closed' && v.explanation)
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  const adopted = rounds.filter((v) => v.explanation?.outcome === 'adopted').length;
  return (
    <section className="screen-closed" aria-labelledby="screen-state-heading" data-testid="screen-closed">
      <h2 id="screen-state-heading" className="screen-state-big">{t('screen.state.closed')}</h2>
      <p>
        {closedAt && <>{t('screen.closedAt', { time: formatTime(closedAt, lang) })} · </>}
        {t('screen.decisions', { count: adopted })}
      </p>
      {rounds.length > 0 && (
        <ul className="screen-rounds" aria-label={t('screen.rounds')}>
          {rounds.map((v) => {
            const item = motionItem(state, v);
            return (
              <li key={v.id} className={`screen-round screen-round-${v.explanation!.outcome}`}>
                <span className="screen-round-what">{item ? `${item.number} ${item.title}` : motionLabel(t, state, v.motion)}</span>
                <span className="screen-round-outcome">{t(`outcome.${v.explanation!.outcome}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
