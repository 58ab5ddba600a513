import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { DEMO_MEETING_ID, DMK_PROFILE, publicProjection, type PublicProjection } from '@plenum/shared';
import { App } from '../src/App.tsx';
import { navigate } from '../src/router.ts';
import { disconnectMeeting, meetingStore, setSocketFactory } from '../src/store/index.ts';
import { FakeSocket } from './support/fakeSocket.ts';
import { ALL_LANDS, chair, demoMeeting, type Meeting } from './support/meeting.ts';

afterEach(() => {
  disconnectMeeting();
  act(() => navigate('/', { replace: true }));
});

/** The demo session made public by its decision (R-SES-4), 14 Länder present. */
function publicMeeting(): Meeting {
  const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
  m.run({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair);
  for (const land of ALL_LANDS.slice(0, 14)) m.cast(land, 'yes');
  m.close();
  return m;
}
const project = (m: Meeting): PublicProjection => publicProjection(m.state, DMK_PROFILE)!;

/** /public/<meeting> with a fake server that answers the join with `first`. */
function openPublic(first: PublicProjection) {
  const socket = new FakeSocket();
  socket.handlers['meeting:join'] = (_req, ack) => ack({
    data: { meetingId: DEMO_MEETING_ID, role: 'public', participantId: null, profile: DMK_PROFILE, serverTime: '', catchUp: { kind: 'public', projection: first } },
  });
  setSocketFactory(() => socket);
  act(() => navigate(`/public/${DEMO_MEETING_ID}`));
  render(<App />);
  act(() => socket.serverConnect());
  return socket;
}

describe('R-SES-4: the public viewer renders the projection', () => {
  it('R-SES-4: an open round shows which Länder have voted, never how; then the update after the close shows the outcome', async () => {
    const m = publicMeeting();
    m.openResolution('top-5');
    m.cast('BE', 'yes');
    m.cast('BB', 'no');
    const socket = openPublic(project(m));
    const lands = await screen.findByTestId('voted-lands');
    expect(lands).toHaveTextContent('Abgestimmt: 2 von 14 Ländern');
    expect(screen.getByTestId('voted-BE')).toHaveTextContent('abgestimmt');
    expect(within(lands).queryByText(/Ja|Nein/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('tally')).not.toBeInTheDocument();
    expect(screen.getByTestId('quorum')).toHaveTextContent('14 Länder anwesend, 11 erforderlich');
    // Invited roles' events are not for this view: the store takes none.
    expect(meetingStore.getState().state.seq).toBe(0);

    for (const land of ALL_LANDS.slice(0, 14).filter((l) => l !== 'BE' && l !== 'BB')) m.cast(land, 'yes');
    m.close();
    const closed = project(m);
    act(() => socket.fire('meeting:public', { meetingId: DEMO_MEETING_ID, projection: closed }));
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
    expect(screen.getByTestId('choice-BB')).toHaveTextContent('Nein');
    expect(screen.getByTestId('public-outcomes')).toHaveTextContent('Angenommen');
  });

  it('an older or repeated projection never replaces a newer one', async () => {
    const m = publicMeeting();
    const older = project(m);
    m.openResolution('top-5');
    const newer = project(m);
    const socket = openPublic(newer);
    await screen.findByTestId('voted-lands');
    act(() => socket.fire('meeting:public', { meetingId: DEMO_MEETING_ID, projection: older }));
    expect(meetingStore.getState().publicView?.seq).toBe(newer.seq);
    expect(screen.getByTestId('public-view')).toHaveAttribute('data-seq', String(newer.seq));
  });

  it('R-SES-4: told that the session is not public (any more), the view says so', async () => {
    const socket = openPublic(project(publicMeeting()));
    await screen.findByTestId('public-view');
    act(() => socket.fire('meeting:error', { code: 'session.notPublic', rule: 'R-SES-4' }));
    expect(screen.getByTestId('not-public')).toBeInTheDocument();
  });

  it('a server restart: a full-width banner over the greyed last picture, and the viewer reconnects by itself', async () => {
    const socket = openPublic(project(publicMeeting()));
    await screen.findByTestId('public-view');
    act(() => socket.serverDrop('io server disconnect'));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Keine Verbindung – wird wiederhergestellt.');
    expect(screen.getByTestId('public-view')).toHaveClass('stale');
    expect(socket.connectCalls).toBe(2);
    act(() => socket.serverConnect());
    expect(screen.queryByTestId('offline-banner')).not.toBeInTheDocument();
    expect(screen.getByTestId('public-view')).not.toHaveClass('stale');
  });
});
