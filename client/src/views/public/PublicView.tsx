import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PublicOutcome, PublicProjection, PublicVote } from '@plenum/shared';
import { explanationText } from '@plenum/shared/src/explain.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { Layout } from '../common/Layout.tsx';
import { OfflineBanner } from '../common/OfflineBanner.tsx';
import { CalledLand, useIsCalled } from '../screen/CalledLand.tsx';
import '../screen/screen.css';

/**
 * The public viewer (`/public/<meeting>`, R-SES-4): renders the server's public projection only
 * (store slice `publicView`), never the event stream. While a round is open it shows which Länder
 * have voted, not how; every Land's vote and the outcome follow the close.
 */
export default function PublicView() {
  const { t } = useTranslation();
  const lang = useLang();
  const view = useMeeting((s) => s.publicView);
  const joinError = useMeeting((s) => s.joinError);
  const connection = useMeeting((s) => s.connection);
  const role = t('role.public');

  if (joinError?.code === 'session.notPublic') {
    return (
      <Layout role={role} className="screen">
        <h1>{t('screen.notPublicTitle')}</h1>
        <p data-testid="not-public">{t('screen.notPublic')}</p>
      </Layout>
    );
  }

  const a = view?.attendance;
  return (
    <Layout role={role} className="screen">
      {/* No connection: say so over the whole width, and grey out the last picture below. */}
      {connection !== 'online' && <OfflineBanner connection={connection} large />}
      <div className={`screen-body ${view?.vote ? 'with-vote' : ''} ${connection !== 'online' ? 'stale' : ''}`} data-testid="public-view" data-seq={view?.seq ?? 0}>
        <div className="screen-head">
          <div>
            <h1 className="screen-title">{view?.session.title ?? t('screen.waiting')}</h1>
            {view && <p className="screen-sub">{formatDate(view.session.date, lang)} · {view.session.place}</p>}
          </div>
          {a && (
            <p className={`quorum large ${a.quorate ? 'quorum-met' : 'quorum-missing'}`} data-testid="quorum" data-met={a.quorate}>
              <span className="quorum-label">{t('quorum.label')}: </span>
              <strong>{t('quorum.numbers', { count: a.presentLands, required: a.required })}</strong>{' '}
              <span>{a.quorate ? t('quorum.met') : t('quorum.notMet')}</span>{' '}
              <span>{t('publicView.attendance', { room: a.room, remote: a.remote })}</span>
            </p>
          )}
        </div>
        {joinError && <ErrorAlert error={joinError} testId="join-error" />}
        <section aria-labelledby="public-item-heading" className="screen-item">
          <h2 id="public-item-heading" className="visually-hidden">{t('screen.currentItem')}</h2>
          {view?.currentItem ? (
            <p className="screen-item-title"><span className="item-number">{view.currentItem.number}</span> {view.currentItem.title}</p>
          ) : (
            <p>{t('common.noCurrentItem')}</p>
          )}
        </section>
        {view?.vote && <PublicRound vote={view.vote} />}
        {view && <Speakers speakers={view.speakers} />}
        {view && view.outcomes.length > 0 && <Outcomes outcomes={view.outcomes} />}
      </div>
    </Layout>
  );
}

function label(t: TFunction, v: Pick<PublicVote, 'motion' | 'item'>): string {
  const m = v.motion;
  if (m.kind === 'setPublic') return t(m.public ? 'motion.setPublicOn' : 'motion.setPublicOff');
  const item = v.item ? `${v.item.number} ${v.item.title}` : m.itemId;
  if (m.kind === 'resolution') return m.paragraph ? t('motion.resolutionParagraph', { item, paragraph: m.paragraph }) : t('motion.resolution', { item });
  return t(m.kind === 'admitShortNotice' ? 'motion.admitShortNotice' : 'motion.bundesratProcedure', { item });
}

function PublicRound({ vote }: { vote: PublicVote }) {
  const { t } = useTranslation();
  const lang = useLang();
  const landName = useLandName();
  const open = vote.status === 'open';
  const isCalled = useIsCalled(vote.id);
  const e = vote.explanation;
  const outcome = vote.status === 'cancelled' || !e ? 'cancelled' : e.outcome;
  return (
    <section aria-labelledby="public-vote-heading" className={`screen-vote screen-vote-${vote.status}`} data-testid="public-vote" data-status={vote.status}>
      <div className="screen-vote-head">
        <h2 id="public-vote-heading">{open ? t('screen.voteOpen') : t('screen.voteResult')}</h2>
        <p className="screen-motion">{label(t, vote)}</p>
        {open && <CalledLand voteId={vote.id} />}
      </div>
      {!open && (
        <section className={`outcome outcome-${outcome} outcome-banner`} data-testid="outcome" data-outcome={outcome} aria-live="polite">
          <p className="outcome-headline">
            <span className="outcome-word">{t(`outcome.${outcome}`)}</span>
            {e && <span className="outcome-method">{t(`method.${e.method}`)}</span>}
          </p>
          {e && <p className="explanation" data-testid="explanation">{explanationText(e, lang)}</p>}
        </section>
      )}
      {vote.status !== 'cancelled' && (
        <section className="screen-lands-section" data-testid={open ? 'voted-lands' : 'land-choices'} aria-labelledby="public-lands-heading">
          <h3 id="public-lands-heading" className="screen-lands-heading">
            {open ? t('screen.votedLands', { count: vote.voted.length, total: vote.electorate.length }) : t('screen.choicesCaption')}
          </h3>
          {open && <p>{t('publicView.turnoutOnly')}</p>}
          <ul className={`screen-lands ${open ? 'screen-lands-open' : 'screen-lands-closed'}`}>
            {vote.electorate.map((land) => {
              const voted = vote.voted.includes(land);
              const choice = vote.choices?.[land] ?? null;
              const text = open ? (voted ? t('screen.hasVoted') : t('screen.notYetVoted')) : choice ? t(`choice.${choice}`) : t('choice.notVoted');
              const holder = vote.castBy[land];
              // R-VOT-7: a device or declared orally, as on the room screen; never by whom (R-PRT-3).
              const from = vote.source?.[land];
              const called = open && isCalled(land);
              return (
                <li key={land} className={`screen-land land-${open ? (voted ? 'voted' : 'waiting') : choice ?? 'none'} ${called ? 'land-called' : ''}`}
                  data-testid={open ? `voted-${land}` : `choice-${land}`} data-source={from ?? 'none'} data-called={called}>
                  <span className="screen-land-name">{landName(land)}{called && <span className="called-badge"> · {t('screen.calledShort')}</span>}</span>
                  <span className="visually-hidden">: </span>
                  <span className="screen-land-state">
                    {text}
                    {holder && <span className="screen-land-by"> ({t('screen.castBy', { land: landName(holder) })})</span>}
                    {from && <span className={`screen-land-source source-${from}`}> · {t(`screen.source.${from}`)}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </section>
  );
}

function Speakers({ speakers }: { speakers: PublicProjection['speakers'] }) {
  const { t } = useTranslation();
  const landName = useLandName();
  const who = (s: { name: string; land: string | null }) => (s.land ? `${s.name} (${landName(s.land)})` : s.name);
  return (
    <section aria-labelledby="public-speakers-heading" className="public-speakers" data-testid="public-speakers">
      <h2 id="public-speakers-heading">{t('speakers.heading')}</h2>
      <p>{speakers.current ? t('publicView.speaking', { name: who(speakers.current) }) : t('speakers.nobody')}</p>
      {speakers.queue.length > 0 && (
        <ol aria-label={t('speakers.queue')}>{speakers.queue.map((s, i) => <li key={i}>{who(s)}</li>)}</ol>
      )}
    </section>
  );
}

function Outcomes({ outcomes }: { outcomes: PublicOutcome[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="public-outcomes-heading" className="public-outcomes" data-testid="public-outcomes">
      <h2 id="public-outcomes-heading">{t('publicView.outcomesHeading')}</h2>
      <ul>
        {outcomes.map((o) => (
          <li key={o.id} data-outcome={o.outcome}>
            {label(t, o)}: <strong>{t(`outcome.${o.outcome}`)}</strong>
            {o.outcome !== 'cancelled' && ` (${t('tally.summaryClosed', { yes: o.yes, no: o.no, abstain: o.abstain })})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
