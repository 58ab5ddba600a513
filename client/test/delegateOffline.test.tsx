import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { disconnectMeeting } from '../src/store/index.ts';
import { ALL_LANDS, demoMeeting, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

afterEach(() => disconnectMeeting());

describe('the delegate phone without a connection', () => {
  it('R-MEM-2: the socket drops during a vote: a full-width banner says the vote counts only once confirmed, a tap waits honestly in the queue, and on reconnect it is sent and the banner goes', { timeout: 30_000 }, async () => {
    const m = demoMeeting().checkIn(ALL_LANDS);
    m.openResolution();
    seed(m, memberOf('HE'));
    const { socket, commands } = serve(m, memberOf('HE'));
    render(<DelegateView />);
    const region = screen.getByTestId('connection-banner-region');
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument();

    act(() => socket.serverDrop('transport close'));
    const banner = screen.getByTestId('connection-banner');
    expect(banner).toHaveClass('kern-alert', 'kern-alert--danger');
    expect(banner).toHaveTextContent('Keine Verbindung – Ihre Stimme wird erst gezählt, wenn sie bestätigt ist.');
    expect(region).toContainElement(banner);

    // A tap while offline is not sent (the fake socket throws on an emit while disconnected) and says it does not count yet.
    const user = userEvent.setup();
    await user.click(screen.getByTestId('vote-yes'));
    expect(screen.getByTestId('ballot-state-HE')).toHaveTextContent('Noch nicht gezählt – wird gesendet, sobald die Verbindung wieder steht.');
    expect(screen.getByTestId('vote-yes')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('connection-banner-pending')).toHaveTextContent('1 Eingabe wartet.');
    expect(commands).toHaveLength(0);

    act(() => socket.serverConnect());
    await waitFor(() => expect(screen.queryByTestId('connection-banner')).not.toBeInTheDocument());
    expect(commands.map((c) => c.command)).toMatchObject([{ type: 'castVote', land: 'HE', choice: 'yes' }]);
    await waitFor(() => expect(screen.getByTestId('ballot-state-HE')).toHaveTextContent('Ja'));
    expect(screen.getByTestId('vote-yes')).toHaveAttribute('aria-pressed', 'true');
  });
});
