import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { Layout } from '../common/Layout.tsx';
import { Tabs } from '../common/Tabs.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { BallotsPanel } from './BallotsPanel.tsx';
import { CurrentItemPanel } from './CurrentItemPanel.tsx';
import { LandsPanel } from './LandsPanel.tsx';
import { RecordingPanel } from './RecordingPanel.tsx';
import { SessionControls } from './SessionControls.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { DraftsLink } from '../drafts/DraftsLink.tsx';

/** A meeting of the Arbeitsgremium: its live bracket view, in its own chunk (R-AGR-1). */
const ArbeitsgremiumLive = lazy(() => import('../drafts/ArbeitsgremiumLive.tsx'));

/**
 * The chair's cockpit for one laptop screen (1440×900 without scrolling while a vote runs): the
 * called item with quorum and speakers, the vote with its live tally, who has not voted and its
 * controls, and every Land's vote with who cast it. Agenda, attendance and the session's facts are
 * tabs below.
 */
/** The session's title with its controls (open, close), above every chair layout. */
function CockpitHead() {
  const { t } = useTranslation();
  const title = useMeeting((s) => s.state.session?.title);
  return (
    <div className="cockpit-head">
      <h1>{title ?? t('chair.title')}</h1>
      <SessionControls />
    </div>
  );
}

export default function ChairConsole() {
  const { t } = useTranslation();
  const arbeitsgremium = useMeeting((s) => s.state.session?.kind === 'arbeitsgremium');
  if (arbeitsgremium) {
    // R-AGR-1: no GO-5 vote; the chair calls the brackets of the drafts in turn.
    return (
      <Layout role={t('role.chair')} className="chair">
        <CockpitHead />
        <Suspense fallback={<p>{t('common.loading')}</p>}><ArbeitsgremiumLive mode="chair" /></Suspense>
        <Tabs label={t('chair.tabs.label')} className="chair-tabs" tabs={[
          { id: 'lands', label: t('chair.tabs.attendance'), content: <LandsPanel /> },
          { id: 'session', label: t('chair.tabs.session'), content: <SessionPanel /> },
        ]} />
      </Layout>
    );
  }
  return (
    <Layout role={t('role.chair')} className="chair">
      <CockpitHead />
      <div className="cockpit">
        <div className="cockpit-col">
          <CurrentItemPanel />
          <SpeakersPanel />
        </div>
        <VotePanel />
        <BallotsPanel />
      </div>
      <Tabs label={t('chair.tabs.label')} className="chair-tabs" tabs={[
        { id: 'agenda', label: t('chair.agenda.heading'), content: <AgendaPanel /> },
        { id: 'lands', label: t('chair.tabs.attendance'), content: <LandsPanel /> },
        { id: 'session', label: t('chair.tabs.session'), content: <><SessionPanel /><RecordingPanel /></> },
      ]} />
      <DraftsLink />
    </Layout>
  );
}
