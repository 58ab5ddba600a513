import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import { meetingStore } from '../src/store/index.ts';
import { ALL_LANDS, chair, demoMeeting, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

describe('R-VOT-7: roll call on the chair console', () => {
  it('R-VOT-7: J/N/E on the focused row records that Land and moves on, in protocol order; arrows move; a device vote shows in its row', { timeout: 30_000 }, async () => {
    const m = demoMeeting().checkIn(ALL_LANDS);
    const voteId = m.openResolution();
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('roll-call-toggle'));
    const first = screen.getByTestId('roll-call-row-BW');
    act(() => first.focus());
    await user.keyboard('jne');
    expect(commands.map((c) => c.command)).toEqual([
      { type: 'recordVote', voteId, land: 'BW', choice: 'yes', mode: 'rollCall' },
      { type: 'recordVote', voteId, land: 'BY', choice: 'no', mode: 'rollCall' },
      { type: 'recordVote', voteId, land: 'BE', choice: 'abstain', mode: 'rollCall' },
    ]);
    expect(screen.getByTestId('roll-call-row-BB')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('roll-call-row-BE')).toHaveFocus();
    await user.click(screen.getByRole('radio', { name: 'Handzeichen' }));
    act(() => screen.getByTestId('roll-call-row-HB').focus());
    await user.keyboard('j');
    expect(commands.at(-1)!.command).toEqual({ type: 'recordVote', voteId, land: 'HB', choice: 'yes', mode: 'showOfHands' });
    expect(await screen.findByTestId('roll-call-state-BW')).toHaveTextContent('Ja vom Vorsitz erfasst (Namentlicher Aufruf)');

    // Hessen's member taps "Nein" on a phone: the row shows it at once, from a device.
    act(() => {
      m.cast('HE', 'no', memberOf('HE'));
      meetingStore.setState({ state: m.state, seq: m.seq });
    });
    expect(screen.getByTestId('roll-call-row-HE')).toHaveAttribute('data-choice', 'no');
    expect(screen.getByTestId('roll-call-state-HE')).toHaveTextContent('Nein vom Gerät (Mitglied Hessen)');
  });
});
