import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, DMK_PROFILE, publicProjection } from '@plenum/shared';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import OfficeView from '../src/views/office/OfficeView.tsx';
import PublicView from '../src/views/public/PublicView.tsx';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { disconnectMeeting, meetingStore } from '../src/store/index.ts';
import { ALL_LANDS, chair, demoMeeting, memberOf, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

const screenRole = { role: 'screen' as const, participantId: null };
const AT = '2024-04-19T09:40:00.000Z';

afterEach(() => disconnectMeeting());

describe('R-VOT-7: which Land the chair calls now (the roll-call cursor)', () => {
  it('R-VOT-7: the chair\'s roll-call table sends the focused row once it rests (a held arrow key sends only where it stops), and null when the table closes', { timeout: 30_000 }, async () => {
    const m = demoMeeting().checkIn(ALL_LANDS);
    const voteId = m.openResolution();
    seed(m, chair);
    const { socket } = serve(m, chair);
    socket.handlers['meeting:call'] = (_req, ack) => ack({ data: { at: AT } });
    render(<ChairConsole />);
    const user = userEvent.setup();
    const sent = () => socket.sent('meeting:call').map((e) => e.payload.cursor?.land ?? null);
    await user.click(screen.getByTestId('roll-call-toggle'));
    // The first Land in protocol order is called as the table opens.
    await waitFor(() => expect(socket.sent('meeting:call').at(-1)?.payload).toEqual({ meetingId: DEMO_MEETING_ID, cursor: { land: 'BW', voteId } }));
    act(() => screen.getByTestId('roll-call-row-BW').focus());
    // J and five arrows, each key rendered (and its effects run) before the next, on the test's clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const key of ['j', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown']) {
        act(() => { fireEvent.keyDown(document.activeElement!, { key }); });
        act(() => { vi.advanceTimersByTime(100); }); // a key every 100 ms: faster than the settle time
      }
      expect(screen.getByTestId('roll-call-row-HE')).toHaveFocus();
      // Recording moved on and the arrows passed four Länder: none of them was sent.
      expect(sent()).toEqual(['BW']);
      act(() => { vi.advanceTimersByTime(60); });
      expect(sent()).toEqual(['BW', 'HE']);
      expect(socket.sent('meeting:call').at(-1)?.payload.cursor).toEqual({ land: 'HE', voteId });
    } finally {
      vi.useRealTimers();
    }
    await user.click(screen.getByTestId('roll-call-toggle'));
    expect(socket.sent('meeting:call').at(-1)?.payload).toEqual({ meetingId: DEMO_MEETING_ID, cursor: null });
  });

  it('R-SES-2: the attendance call sends its cursor with voteId null (End: Thüringen)', { timeout: 30_000 }, async () => {
    const m = demoMeeting();
    seed(m, chair);
    const { socket } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('attendance-call-toggle'));
    act(() => screen.getByTestId('attendance-row-BW').focus());
    await user.keyboard('{End}');
    await waitFor(() => expect(socket.sent('meeting:call').at(-1)?.payload.cursor).toEqual({ land: 'TH', voteId: null }));
  });

  it('R-VOT-7: the room screen says "Aufgerufen: Hessen" and frames Hessen\'s cell, from the server\'s relay; the close of the round ends it', () => {
    const m = demoMeeting().checkIn(ALL_LANDS);
    const voteId = m.openResolution();
    seed(m, screenRole);
    const { socket } = serve(m, screenRole);
    render(<ScreenView />);
    expect(screen.queryByTestId('screen-called')).not.toBeInTheDocument();
    act(() => socket.fire('meeting:called', { meetingId: DEMO_MEETING_ID, cursor: { land: 'HE', voteId, at: AT } }));
    expect(screen.getByTestId('screen-called')).toHaveTextContent('Namentlicher Aufruf Aufgerufen: Hessen');
    expect(screen.getByTestId('voted-HE')).toHaveAttribute('data-called', 'true');
    expect(screen.getByTestId('voted-HE')).toHaveTextContent('Hessen · aufgerufen');
    expect(screen.getByTestId('voted-BY')).toHaveAttribute('data-called', 'false');
    // Another meeting's relay changes nothing.
    act(() => socket.fire('meeting:called', { meetingId: 'other', cursor: { land: 'BY', voteId, at: AT } }));
    expect(screen.getByTestId('screen-called')).toHaveAttribute('data-land', 'HE');
    act(() => {
      m.close();
      meetingStore.setState({ state: m.state, seq: m.seq });
    });
    expect(screen.queryByTestId('screen-called')).not.toBeInTheDocument();
  });

  it('R-SES-2: during the attendance call (no round open) the screen says which Land is called over whatever it shows', () => {
    const m = demoMeeting();
    seed(m, screenRole, { rollCallCursor: { land: 'HE', voteId: null, at: AT } });
    render(<ScreenView />);
    expect(screen.getByTestId('screen-called')).toHaveTextContent('Anwesenheit – namentlicher Aufruf Aufgerufen: Hessen');
  });

  it('R-VOT-7: Hessen\'s phone says "Ihr Land wird aufgerufen"; Bavaria\'s phone stays quiet; the Land holding a transferred vote hears it for that Land', () => {
    const m = demoMeeting().checkIn(ALL_LANDS.filter((l) => l !== 'SL'));
    m.run({ type: 'transferVote', to: 'RP', scope: { kind: 'untilRevoked' }, from: 'SL' }, memberOf('SL'));
    const voteId = m.openResolution();
    const cursor = { land: 'HE', voteId, at: AT };
    seed(m, memberOf('HE'), { rollCallCursor: cursor });
    const { unmount } = render(<DelegateView />);
    expect(screen.getByTestId('called-notice')).toHaveTextContent('Ihr Land wird aufgerufen Der Vorsitz ruft Hessen zur Stimmabgabe auf.');
    expect(screen.getByTestId('called-notice')).toHaveAttribute('role', 'status');
    // Without a connection the call may have moved on: not shown as current.
    act(() => meetingStore.setState({ connection: 'reconnecting' }));
    expect(screen.queryByTestId('called-notice')).not.toBeInTheDocument();
    unmount();
    seed(m, memberOf('BY'), { rollCallCursor: cursor });
    const bavaria = render(<DelegateView />);
    expect(screen.queryByTestId('called-notice')).not.toBeInTheDocument();
    bavaria.unmount();
    seed(m, memberOf('RP'), { rollCallCursor: { land: 'SL', voteId, at: AT } });
    render(<DelegateView />);
    expect(screen.getByTestId('called-notice')).toHaveTextContent('Saarland wird aufgerufen – Sie führen die Stimme');
  });

  it('R-SES-4 / R-VOT-7: the public view frames the called Land of an open public round, and marks each Land\'s vote "Gerät" or "Aufruf" after the close — never a name (R-PRT-3)', () => {
    const m = demoMeeting().checkIn(ALL_LANDS);
    m.run({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair);
    for (const land of ALL_LANDS) m.cast(land, 'yes');
    m.close();
    const voteId = m.openResolution();
    m.cast('HE', 'no');
    m.run({ type: 'recordVote', voteId, land: 'BW', choice: 'yes', mode: 'rollCall' }, chair);
    const pub = { role: 'public' as const, participantId: null };
    seed(m, pub, { publicView: publicProjection(m.state, DMK_PROFILE), rollCallCursor: { land: 'BY', voteId, at: AT } });
    render(<PublicView />);
    expect(screen.getByTestId('screen-called')).toHaveTextContent('Aufgerufen: Bayern');
    expect(screen.getByTestId('voted-BY')).toHaveAttribute('data-called', 'true');
    expect(screen.getByTestId('voted-BW')).toHaveTextContent('Baden-Württemberg: abgestimmt · Aufruf');
    for (const land of ALL_LANDS.filter((l) => l !== 'BW' && l !== 'HE')) {
      m.run({ type: 'recordVote', voteId, land, choice: 'yes', mode: land === 'BY' ? 'showOfHands' : 'rollCall' }, chair);
    }
    m.close();
    act(() => meetingStore.setState({ publicView: publicProjection(m.state, DMK_PROFILE) }));
    expect(screen.queryByTestId('screen-called')).not.toBeInTheDocument();
    expect(screen.getByTestId('choice-HE')).toHaveTextContent('Hessen: Nein · Gerät');
    expect(screen.getByTestId('choice-BW')).toHaveTextContent('Baden-Württemberg: Ja · Aufruf');
    expect(screen.getByTestId('choice-BY')).toHaveTextContent('Bayern: Ja · Handzeichen');
    const grid = screen.getByTestId('land-choices');
    expect(within(grid).queryByText(/Mitglied|Vorsitz/)).toBeNull();
  });

  it('R-VOT-7: the office records at the chair\'s side with the chair\'s tables: attendance by R/V/T/A, then the votes of an open round', { timeout: 30_000 }, async () => {
    const m = demoMeeting();
    seed(m, office);
    const { socket, commands } = serve(m, office);
    render(<OfficeView />);
    const user = userEvent.setup();
    const panel = screen.getByTestId('office-roll-call');
    await user.click(within(panel).getByTestId('attendance-call-toggle'));
    act(() => screen.getByTestId('attendance-row-BW').focus());
    await user.keyboard('rt');
    expect(commands.map((c) => c.command)).toEqual([
      { type: 'checkIn', mode: 'room', participantId: 'p-BW-member' },
      { type: 'checkIn', mode: 'remote', via: 'telephone', participantId: 'p-BY-member' },
    ]);
    expect(await screen.findByTestId('attendance-state-BW')).toHaveTextContent('im Raum · erfasst');
    act(() => {
      m.checkIn(ALL_LANDS.slice(2));
      m.openResolution();
      meetingStore.setState({ state: m.state, seq: m.seq });
    });
    // A round opened: the same panel now records the votes.
    act(() => screen.getByTestId('roll-call-row-BE').focus());
    await user.keyboard('n');
    expect(commands.at(-1)!.command).toMatchObject({ type: 'recordVote', land: 'BE', choice: 'no', mode: 'rollCall' });
    expect(await screen.findByTestId('roll-call-state-BE')).toHaveTextContent('Nein von der Geschäftsstelle erfasst (Namentlicher Aufruf)');
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.sent('meeting:call')).toEqual([]);
  });
});
