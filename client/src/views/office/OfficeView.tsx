import { useTranslation } from 'react-i18next';
import { useMeeting } from '../../store/index.ts';
import { Layout } from '../common/Layout.tsx';
import { PublicLink } from '../common/PublicLink.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { GuestsPanel, RosterPanel } from './RosterPanel.tsx';
import { SchedulePanel } from './SchedulePanel.tsx';
import { BetweenPanel } from './BetweenPanel.tsx';
import { WorkingLevelPanel } from './WorkingLevelPanel.tsx';
import { usePerson } from '../../store/person.ts';
import { OfficeRollCall } from './OfficeRollCall.tsx';
import { ConferencePanel } from '../conference/ConferencePanel.tsx';
import { ConferenceOfficeLink } from './ConferenceOfficeLink.tsx';

/** The office (Geschäftsstelle, R-CHR-2) prepares the session. */
export default function OfficeView() {
  const { t } = useTranslation();
  const title = useMeeting((s) => s.state.session?.title);
  // R-AGR-1: an Arbeitsgremium meeting has working-level representatives, not members and deputies;
  // the conference's office issues their conference invitations there.
  const arbeitsgremium = useMeeting((s) => s.state.session?.kind === 'arbeitsgremium');
  const conference = usePerson((s) => s.me?.scope === 'conference');
  const workingLevel = arbeitsgremium && conference;
  // F6: sessions and chair deviations are the conference's records, kept by the office that runs
  // its procedures; another office sees them without the forms the server would refuse.
  const runsConference = usePerson((s) => s.me?.runsConferenceProcedures ?? false);
  return (
    <Layout role={t('role.office')} className="office">
      <h1>{title ? t('office.titleFor', { title }) : t('office.title')}</h1>
      <nav aria-label={t('office.sections')} className="section-nav no-print">
        <ul>
          <li><a href="#conference-heading">{t('conference.heading')}</a></li>
          <li><a href="#schedule-heading">{t('office.schedule.heading')}</a></li>
          {!arbeitsgremium && <li><a href="#office-roll-call-heading">{t('office.rollCall.heading')}</a></li>}
          {workingLevel
            ? <li><a href="#working-level-heading">{t('office.workingLevel.heading')}</a></li>
            : <li><a href="#roster-heading">{t('office.nav.roster')}</a></li>}
          <li><a href="#guests-heading">{t('office.guests.heading')}</a></li>
          <li><a href="#office-agenda-heading">{t('chair.agenda.heading')}</a></li>
          <li><a href="#invitations-heading">{t('office.invitations.heading')}</a></li>
          <li><a href="#public-link-heading">{t('publicLink.heading')}</a></li>
        </ul>
      </nav>
      <ConferenceOfficeLink />
      <ConferencePanel canEdit={runsConference} />
      <SchedulePanel />
      {/* R-AGR-1: an Arbeitsgremium meeting has no vote and no roll call (as on the chair console). */}
      {!arbeitsgremium && <OfficeRollCall />}
      <section className="panel" aria-labelledby="public-link-heading"><PublicLink headingLevel={2} /></section>
      {workingLevel ? <WorkingLevelPanel /> : <RosterPanel />}
      <GuestsPanel />
      <AgendaEditor />
      <InvitationsPanel />
      <BetweenPanel />
    </Layout>
  );
}
