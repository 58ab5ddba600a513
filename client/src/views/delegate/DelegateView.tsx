import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { useCurrentVote, useLandName, useMe } from '../common/hooks.ts';
import { ItemText } from '../common/ItemText.tsx';
import { Layout } from '../common/Layout.tsx';
import { Quorum } from '../common/Quorum.tsx';
import { BallotsPanel } from './BallotsPanel.tsx';
import { CheckInPanel } from './CheckInPanel.tsx';
import { DeclarationPanel } from './DeclarationPanel.tsx';
import { ParticipationPanel } from './ParticipationPanel.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import { VoteAlert } from './VoteAlert.tsx';
import { CalledNotice } from './CalledNotice.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { landsParticipantMayCast } from '@plenum/shared/src/meeting/derive.ts';
import './delegate.css';

/** Between sessions (circulars, protocol draft, session requests): its own chunk, loaded on demand. */
const DelegateBetweenPanel = lazy(() => import('./DelegateBetweenPanel.tsx'));
/** A meeting of the Arbeitsgremium: the live bracket view of the Land's working level (R-AGR-1). */
const ArbeitsgremiumLive = lazy(() => import('../drafts/ArbeitsgremiumLive.tsx'));

/** The delegate's phone: check in, vote for the own Land and held Länder, transfer, declare, consent. */
export default function DelegateView() {
  const { t } = useTranslation();
  const me = useMe();
  const landName = useLandName();
  const vote = useCurrentVote();
  const item = useMeeting((s) => s.state.agenda.find((i) => i.id === s.state.currentItemId) ?? null);
  const loaded = useMeeting((s) => s.seq > 0);
  const state = useMeeting((s) => s.state);
  const arbeitsgremium = useMeeting((s) => s.state.session?.kind === 'arbeitsgremium');
  const uncast = vote?.status === 'open' && me ? landsParticipantMayCast(state, vote, me.id).filter((land) => !vote.ballots[land]).length : 0;
  if (!me || !me.land) {
    return (
      <Layout role={t('role.delegate')} className="delegate">
        <h1>{t('delegate.title')}</h1>
        <p>{loaded ? t('delegate.unknown') : t('common.loading')}</p>
      </Layout>
    );
  }
  if (arbeitsgremium) {
    return (
      <Layout role={t('role.delegate')} className="delegate">
        <h1 className="delegate-title">{landName(me.land)} <span className="subtitle">{me.name} · {t(`kind.${me.kind}`)}</span></h1>
        <CheckInPanel me={me} />
        <Suspense fallback={<p>{t('common.loading')}</p>}><ArbeitsgremiumLive mode="land" /></Suspense>
      </Layout>
    );
  }
  return (
    <Layout role={t('role.delegate')} className="delegate">
      <ConnectionBanner />
      <VoteAlert vote={vote} uncast={uncast} />
      <CalledNotice me={me} />
      <h1 className="delegate-title">{landName(me.land)} <span className="subtitle">{me.name} · {t(`kind.${me.kind}`)}</span></h1>
      <BallotsPanel vote={vote} />
      <Quorum />
      <CheckInPanel me={me} />
      <section aria-labelledby="item-heading" className="panel">
        <h2 id="item-heading">{t('delegate.currentItem')}</h2>
        {item ? <ItemText item={item} headingLevel={3} /> : <p>{t('common.noCurrentItem')}</p>}
      </section>
      {item && item.kind === 'proposal' && <DeclarationPanel me={me} item={item} />}
      <TransferPanel me={me} />
      <ParticipationPanel me={me} />
      <Suspense fallback={null}><DelegateBetweenPanel me={me} /></Suspense>
    </Layout>
  );
}
