import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { DEMO_MEETING_ID } from '@plenum/shared';
import { App } from '../src/App.tsx';
import { navigate } from '../src/router.ts';
import { meetingStore, send, setSocketFactory } from '../src/store/index.ts';
import { StatusBar } from '../src/views/common/StatusBar.tsx';
import { FakeSocket } from './support/fakeSocket.ts';
import { demoMeeting, memberOf } from './support/meeting.ts';
import { serve } from './support/server.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => navigate('/', { replace: true }));
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('boot and routes', () => {
  it('/invalid-link explains that the link is invalid or revoked', () => {
    act(() => navigate('/invalid-link'));
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Link ungültig');
    expect(screen.getByTestId('invalid-link')).toHaveTextContent('ungültig oder wurde widerrufen');
  });

  it('/ reads /api/me and routes a delegate to /delegate, joined to the meeting', async () => {
    const m = demoMeeting();
    const fetchMock = vi.fn(async () => json({ role: 'delegate', participantId: 'p-BE-member', meetingId: DEMO_MEETING_ID, label: 'Berlin' }));
    vi.stubGlobal('fetch', fetchMock);
    const socket = new FakeSocket();
    setSocketFactory(() => socket);
    act(() => navigate('/'));
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/delegate'));
    // Before the join answers there is nothing to vote on yet: the page says it is loading.
    expect(await screen.findByText('Wird geladen …')).toBeInTheDocument();
    expect(screen.queryByTestId('check-in-room')).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/me', expect.anything());
    // The view is there once the socket is up and joined.
    serveOn(socket, m);
    act(() => socket.serverConnect());
    expect(await screen.findByTestId('check-in-room')).toBeInTheDocument();
    expect(socket.sent('meeting:join')[0].payload.meetingId).toBe(DEMO_MEETING_ID);
  });

  it('without a session cookie (401) the page asks for the personal invitation link', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ error: { code: 'auth.required' } }, 401)));
    act(() => navigate('/chair'));
    render(<App />);
    expect(await screen.findByTestId('no-invitation')).toBeInTheDocument();
  });

  it('R-SES-4: /public/:meetingId joins without a cookie and shows session.notPublic clearly', async () => {
    const socket = new FakeSocket();
    socket.handlers['meeting:join'] = (_req, ack) => ack({ error: { code: 'session.notPublic', rule: 'R-SES-4' } });
    let anonymous: boolean | null = null;
    setSocketFactory((o) => { anonymous = o.anonymous; return socket; });
    act(() => navigate(`/public/${DEMO_MEETING_ID}`));
    render(<App />);
    act(() => socket.serverConnect());
    expect(anonymous).toBe(true);
    expect(await screen.findByTestId('not-public')).toBeInTheDocument();
  });
});

/** Lets a FakeSocket that is already handed out answer joins from a meeting. */
function serveOn(socket: FakeSocket, m: ReturnType<typeof demoMeeting>) {
  socket.handlers['meeting:join'] = (_req, ack) =>
    ack({ data: { meetingId: DEMO_MEETING_ID, role: 'delegate', participantId: 'p-BE-member', profile: meetingStore.getState().profile, serverTime: '', catchUp: { kind: 'snapshot', seq: m.seq, state: m.state } } });
}

describe('status bar', () => {
  it('shows online, then reconnecting at once when the connection drops, with the commands waiting', async () => {
    const m = demoMeeting();
    const { socket } = serve(m, memberOf('BE'));
    render(<StatusBar />);
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    expect(screen.getByTestId('connection-status')).toHaveTextContent('Verbunden');
    // The last update (Berlin time, with its zone) and the event number are diagnostics behind "Details".
    expect(screen.getByTestId('last-update')).toHaveTextContent(/Letzte Aktualisierung: \d\d:\d\d:\d\d Uhr MES?Z · Ereignis Nr\. \d+/);
    expect(screen.getByTestId('last-update').closest('details')).not.toHaveAttribute('open');
    act(() => socket.serverDrop());
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-status', 'reconnecting');
    expect(screen.getByTestId('connection-status')).toHaveTextContent('wird wiederhergestellt');
    let done: Promise<unknown> = Promise.resolve();
    act(() => { done = send({ type: 'checkIn', mode: 'room' }); });
    expect(screen.getByTestId('pending-count')).toHaveTextContent('1 Eingabe wartet auf Bestätigung');
    act(() => socket.serverConnect());
    await act(async () => { await done; });
    expect(screen.queryByTestId('pending-count')).not.toBeInTheDocument();
    expect(screen.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
  });
});
