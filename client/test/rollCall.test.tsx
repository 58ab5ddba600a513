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

describe('R-SES-2 / R-VOT-7: attendance by roll call on the chair console', () => {
  it('R-VOT-7: R/V/T/A on the focused row check that Land in (room, video, telephone) or out, in protocol order; another person can be chosen; a self check-in shows as such', { timeout: 30_000 }, async () => {
    const m = demoMeeting();
    m.run({ type: 'checkIn', mode: 'remote' }, memberOf('HB'));
    m.run({ type: 'checkIn', mode: 'room' }, memberOf('BB'));
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('attendance-call-toggle'));
    expect(screen.getByRole('heading', { name: 'Anwesenheit: namentlicher Aufruf' })).toBeInTheDocument();
    act(() => screen.getByTestId('attendance-row-BW').focus());
    await user.keyboard('rvta');
    expect(commands.map((c) => c.command)).toEqual([
      { type: 'checkIn', mode: 'room', participantId: 'p-BW-member' },
      { type: 'checkIn', mode: 'remote', via: 'video', participantId: 'p-BY-member' },
      { type: 'checkIn', mode: 'remote', via: 'telephone', participantId: 'p-BE-member' },
      // Absent: whoever of Brandenburg is present is checked out.
      { type: 'checkOut', participantId: 'p-BB-member' },
    ]);
    expect(screen.getByTestId('attendance-row-HB')).toHaveFocus();
    expect(await screen.findByTestId('attendance-state-BY')).toHaveTextContent('per Video · erfasst');
    expect(screen.getByTestId('attendance-row-BE')).toHaveAttribute('data-attendance', 'telephone');
    expect(screen.getByTestId('attendance-row-BB')).toHaveAttribute('data-attendance', 'absent');
    // Bremen checked in from a device, without a channel.
    expect(screen.getByTestId('attendance-state-HB')).toHaveTextContent('zugeschaltet · selbst angemeldet');
    // Hamburg is represented by its permanent deputy today.
    await user.selectOptions(screen.getByTestId('attendance-person-HH'), 'p-HH-deputy');
    await user.click(screen.getByTestId('attendance-HH-telephone'));
    expect(commands.at(-1)!.command).toEqual({ type: 'checkIn', mode: 'remote', via: 'telephone', participantId: 'p-HH-deputy' });
    expect(await screen.findByTestId('attendance-call-summary')).toHaveTextContent('5 Länder anwesend: 1 im Raum, 1 per Video, 2 per Telefon, 1 zugeschaltet');
    // The arrow keys move without recording.
    act(() => screen.getByTestId('attendance-row-HE').focus());
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByTestId('attendance-row-HB')).toHaveFocus();
    expect(commands).toHaveLength(5);
  });
});
