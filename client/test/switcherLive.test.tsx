import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { DEMO_MEETING_ID, type MeResponse } from '@plenum/shared';
import { SessionSwitcher } from '../src/views/common/SessionSwitcher.tsx';
import { connectMeeting, disconnectMeeting, meetingStore, setSocketFactory } from '../src/store/index.ts';
import { currentMeetingOf, personStore, refreshMe, setMe } from '../src/store/person.ts';
import { FakeSocket } from './support/fakeSocket.ts';

afterEach(() => { disconnectMeeting(); setMe(null); });

const me = (status: 'planned' | 'open', landing = DEMO_MEETING_ID): MeResponse => ({
  role: 'delegate', participantId: 'p-BY-member', scope: 'conference', meetingId: landing,
  sessions: [
    { id: DEMO_MEETING_ID, title: '1. DMK', date: '2024-04-19', startTime: '10:00', place: 'Potsdam', status: 'closed' },
    { id: 'dmk-live', title: 'Außerordentliche DMK', date: '2029-02-02', startTime: '10:00', place: 'Berlin', status },
  ],
} as MeResponse);

describe('the session switcher follows the conference live', () => {
  it('a conference:changed nudge is noted in the store (the page then reads /api/me again)', () => {
    const socket = new FakeSocket();
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID);
    socket.serverConnect();
    expect(meetingStore.getState().conferenceChangedAt).toBeNull();
    socket.fire('conference:changed', { at: '2029-02-02T09:00:00Z' });
    const first = meetingStore.getState().conferenceChangedAt;
    expect(first).not.toBeNull();
  });

  it('the statuses change in place when the sessions are read again; the page stays on the session it shows, even when the other one becomes the landing one', () => {
    setMe(me('planned'));
    expect(currentMeetingOf(personStore.getState())).toBe(DEMO_MEETING_ID);
    render(<SessionSwitcher />);
    expect(screen.getByRole('option', { name: /Außerordentliche DMK.*geplant/ })).toBeInTheDocument();
    // The other session opened: the server now lands the link there.
    act(() => refreshMe(me('open', 'dmk-live')));
    expect(screen.getByRole('option', { name: /Außerordentliche DMK.*läuft/ })).toBeInTheDocument();
    expect(currentMeetingOf(personStore.getState())).toBe(DEMO_MEETING_ID);
  });

  it('the room screen shows no switcher and moves to a session of its link when that one opens; it stays on a session that closed', () => {
    const screenMe = (demo: 'open' | 'closed', other: 'planned' | 'open', landing: string): MeResponse => ({
      role: 'screen', participantId: null, scope: 'conference', meetingId: landing,
      sessions: [
        { id: DEMO_MEETING_ID, title: '1. DMK', date: '2024-04-19', startTime: '10:00', place: 'Potsdam', status: demo },
        { id: 'dmk-live', title: 'Außerordentliche DMK', date: '2029-02-02', startTime: '10:00', place: 'Berlin', status: other },
      ],
    } as MeResponse);
    setMe(screenMe('open', 'planned', DEMO_MEETING_ID));
    render(<SessionSwitcher />);
    expect(screen.queryByTestId('session-switcher')).toBeNull();
    // The demo session closes: the link now lands on the next one, but the room still reads the result.
    act(() => refreshMe(screenMe('closed', 'planned', 'dmk-live')));
    expect(currentMeetingOf(personStore.getState())).toBe(DEMO_MEETING_ID);
    // The next session opens: the screen goes there.
    act(() => refreshMe(screenMe('closed', 'open', 'dmk-live')));
    expect(currentMeetingOf(personStore.getState())).toBe('dmk-live');
    // Two sessions live at once (the demo reopened, say): the screen stays where it is, whatever the link's landing.
    act(() => refreshMe(screenMe('open', 'open', DEMO_MEETING_ID)));
    expect(currentMeetingOf(personStore.getState())).toBe('dmk-live');
    act(() => refreshMe(screenMe('open', 'open', 'dmk-live')));
    expect(currentMeetingOf(personStore.getState())).toBe('dmk-live');
  });
});
