import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { Layout } from '../common/Layout.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { LandsPanel } from './LandsPanel.tsx';
import { RecordingPanel } from './RecordingPanel.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { SpeakersPanel } from './SpeakersPanel.tsx';
import { VotePanel } from './VotePanel.tsx';

/** The chair's console (laptop): attendance, quorum, agenda, votes, speakers, recording. */
export default function ChairConsole() {
  const { t } = useTranslation();
  const title = useMeeting((s) => s.state.session?.title);
  return (
    <Layout role={t('role.chair')} className="chair">
      <h1>{title ?? t('chair.title')}</h1>
      <div className="chair-grid">
        <div className="chair-col">
          <SessionPanel />
          <VotePanel />
          <SpeakersPanel />
          <RecordingPanel />
        </div>
        <div className="chair-col">
          <LandsPanel />
          <AgendaPanel />
        </div>
      </div>
    </Layout>
  );
}
