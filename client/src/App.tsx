import { lazy, Suspense, useEffect, useState } from 'react';
import type { ActorRole, ErrorPayload } from '@plenum/shared';
import { fetchMe } from './api.ts';
import { InvalidLinkPage, LoadingPage, NoInvitationPage, NotFoundPage } from './pages/SimplePages.tsx';
import { matchPublic, navigate, usePath } from './router.ts';
import { connectMeeting, disconnectMeeting, useMeeting } from './store/index.ts';
import { currentMeetingOf, refreshMe, setMe, usePerson } from './store/person.ts';

// Each view is its own chunk: the delegate's phone loads only the delegate view.
const ChairConsole = lazy(() => import('./views/chair/ChairConsole.tsx'));
const DelegateView = lazy(() => import('./views/delegate/DelegateView.tsx'));
const ScreenView = lazy(() => import('./views/screen/ScreenView.tsx'));
const OfficeView = lazy(() => import('./views/office/OfficeView.tsx'));
const PublicView = lazy(() => import('./views/public/PublicView.tsx'));
const DraftsView = lazy(() => import('./views/drafts/DraftsView.tsx'));

const HOME: Record<ActorRole, string> = {
  chair: '/chair', delegate: '/delegate', office: '/office', screen: '/screen',
  // Guests and staff follow the session; they never vote (R-GST-1).
  guest: '/screen', staff: '/screen', public: '/screen', system: '/screen',
};
const ROLE_PATHS = ['/', '/chair', '/delegate', '/screen', '/office'];

export function homeFor(role: ActorRole): string {
  return HOME[role];
}

/** Which paths a role may open; anything else sends it to its home. */
function allowed(role: ActorRole, path: string): boolean {
  return path === HOME[role] || path === '/screen' || (isDraftsPath(path) && DRAFT_ROLES.has(role));
}

/** The Arbeitsgremium's drafts (R-AGR-1): the office, the chair and the Länder's officers. */
const DRAFT_ROLES = new Set<ActorRole>(['office', 'chair', 'delegate']);
const isDraftsPath = (path: string) => path === '/drafts' || /^\/drafts\/[^/]+$/.test(path);

function MeetingConnection({ meetingId, anonymous, children }: { meetingId: string; anonymous: boolean; children: React.ReactNode }) {
  useEffect(() => {
    connectMeeting(meetingId, { anonymous });
    return () => disconnectMeeting();
  }, [meetingId, anonymous]);
  return <>{children}</>;
}

function ViewFor({ path }: { path: string }) {
  const view =
    path === '/chair' ? <ChairConsole /> :
    path === '/delegate' ? <DelegateView /> :
    path === '/office' ? <OfficeView /> :
    isDraftsPath(path) ? <DraftsView /> :
    <ScreenView />;
  return <Suspense fallback={<LoadingPage />}>{view}</Suspense>;
}

/**
 * `/` reads /api/me and routes by role; the role pages need the session cookie. The page connects
 * to where the link lands (the live or next session), or to the session the person chose.
 */
function SignedIn({ path }: { path: string }) {
  const me = usePerson((s) => s.me);
  const meetingId = usePerson(currentMeetingOf);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    let live = true;
    void fetchMe().then((res) => {
      if (!live) return;
      if ('data' in res) setMe(res.data);
      else setError(res.error);
    });
    return () => { live = false; setMe(null); };
  }, []);
  useEffect(() => {
    if (me && !allowed(me.role, path)) navigate(homeFor(me.role), { replace: true });
  }, [me, path]);
  // A session of the conference was created, moved, cancelled, opened or closed: the switcher's
  // sessions and statuses are read again (the page stays on the session it shows).
  const conferenceChangedAt = useMeeting((s) => s.conferenceChangedAt);
  useEffect(() => {
    if (!conferenceChangedAt) return;
    let live = true;
    void fetchMe().then((res) => { if (live && 'data' in res) refreshMe(res.data); });
    return () => { live = false; };
  }, [conferenceChangedAt]);
  if (error) return <NoInvitationPage />;
  if (!me || !meetingId || !allowed(me.role, path)) return <LoadingPage />;
  return (
    <MeetingConnection meetingId={meetingId} anonymous={false}>
      <ViewFor path={path} />
    </MeetingConnection>
  );
}

export function App() {
  const path = usePath();
  if (path === '/invalid-link') return <InvalidLinkPage />;
  const publicMeeting = matchPublic(path);
  if (publicMeeting) {
    return (
      <MeetingConnection meetingId={publicMeeting} anonymous>
        {/* R-SES-4: the public viewer renders the server's public projection, never the events. */}
        <Suspense fallback={<LoadingPage />}><PublicView /></Suspense>
      </MeetingConnection>
    );
  }
  if (ROLE_PATHS.includes(path) || isDraftsPath(path)) return <SignedIn path={path} />;
  return <NotFoundPage />;
}
