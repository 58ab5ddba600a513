import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, type Actor, type Command } from '@plenum/shared';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { ALL_LANDS, chair, demoMeeting, memberOf, office, type Meeting } from './support/meeting.ts';
import { serve } from './support/server.ts';
import type { FakeSocket } from './support/fakeSocket.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14);

/** Someone else's command (the chair's) reaches the phone as a broadcast, as on the server. */
function broadcast(m: Meeting, socket: FakeSocket, command: Command, actor: Actor) {
  const events = m.run(command, actor);
  act(() => socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events, serverTime: new Date().toISOString() }));
}

describe('R-VOT-7: what the Land sees on its phone when the chair records its vote', () => {
  it('R-VOT-7: "Vom Vorsitz erfasst: Ja" arrives live; the delegate corrects it to Nein (a conflict, the last entry counts); the receipt says the device entry counted', async () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const voteId = m.openResolution();
    const { socket, commands } = serve(m, memberOf('BE'));
    render(<DelegateView />);
    const ballot = await screen.findByTestId('ballot-BE');
    expect(screen.getByTestId('vote-alert')).toBeInTheDocument();

    broadcast(m, socket, { type: 'recordVote', voteId, land: 'BE', choice: 'yes', mode: 'rollCall' }, chair);
    const state = within(ballot).getByTestId('ballot-state-BE');
    expect(state).toHaveTextContent('Vom Vorsitz erfasst: Ja (Namentlicher Aufruf) Sie können es bis zum Schluss korrigieren.');
    expect(state).toHaveAttribute('data-source', 'chair');
    expect(within(ballot).getByTestId('vote-yes')).toHaveAttribute('aria-pressed', 'true');
    // The Land's vote is in: no banner urging to vote.
    expect(screen.queryByTestId('vote-alert')).not.toBeInTheDocument();

    // The correction is a device entry in the same slot: sent, logged, and it counts.
    await userEvent.setup().click(within(ballot).getByTestId('vote-no'));
    expect(commands.at(-1)!.command).toEqual({ type: 'castVote', voteId, land: 'BE', choice: 'no' });
    expect(await within(ballot).findByText(/Abgegeben: Nein/)).toBeInTheDocument();
    expect(within(ballot).getByTestId('ballot-state-BE')).toHaveAttribute('data-source', 'device');
    expect(within(ballot).getByTestId('ballot-conflict-BE')).toHaveTextContent('Ihre Eingabe am Gerät und die Erfassung durch den Vorsitz weichen ab. Es zählt die letzte Eingabe.');
    expect(m.state.votes[voteId].ballots.BE.history.map((h) => [h.choice, h.oral])).toEqual([['yes', 'rollCall'], ['no', null]]);
    expect(within(ballot).getByTestId('vote-receipt-BE')).toHaveTextContent(`Nr. ${m.seq}`);

    broadcast(m, socket, { type: 'closeVote', voteId }, chair);
    const receipt = screen.getByTestId('final-receipt-BE');
    expect(receipt).toHaveTextContent('Ihre Stimme für Berlin: Nein – gezählt (Eingabe am Gerät)');
    expect(receipt).toHaveAttribute('data-source', 'device');
    expect(receipt).toHaveAttribute('data-counted', 'no');
  });

  it('R-VOT-7: when the chair records after the device, the receipt says the chair\'s record counted; a Land only the chair recorded gets a line without a receipt', async () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const voteId = m.openResolution();
    const { socket } = serve(m, memberOf('BE'));
    render(<DelegateView />);
    const ballot = await screen.findByTestId('ballot-BE');
    await userEvent.setup().click(within(ballot).getByTestId('vote-no'));
    expect(await within(ballot).findByTestId('vote-receipt-BE')).toBeInTheDocument();
    broadcast(m, socket, { type: 'recordVote', voteId, land: 'BE', choice: 'yes', mode: 'showOfHands' }, chair);
    expect(within(ballot).getByTestId('ballot-state-BE')).toHaveTextContent('Vom Vorsitz erfasst: Ja (Handzeichen)');
    expect(within(ballot).getByTestId('ballot-conflict-BE')).toBeInTheDocument();
    broadcast(m, socket, { type: 'closeVote', voteId }, chair);
    const receipt = screen.getByTestId('final-receipt-BE');
    expect(receipt).toHaveTextContent('Ihre Stimme für Berlin: Nein – gezählt: Ja vom Vorsitz erfasst (Handzeichen)');
    expect(receipt).toHaveAttribute('data-source', 'chair');
    expect(receipt).toHaveAttribute('data-counted', 'yes');
  });

  it('R-VOT-7: a phone that never voted sees after the close that the chair recorded its Land\'s vote and that it counted', async () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const voteId = m.openResolution();
    const { socket } = serve(m, memberOf('HE'));
    render(<DelegateView />);
    await screen.findByTestId('ballot-HE');
    broadcast(m, socket, { type: 'recordVote', voteId, land: 'HE', choice: 'abstain', mode: 'rollCall' }, chair);
    broadcast(m, socket, { type: 'closeVote', voteId }, chair);
    const line = screen.getByTestId('final-receipt-HE');
    expect(line).toHaveTextContent('Stimme für Hessen: Enthaltung – vom Vorsitz erfasst (Namentlicher Aufruf), gezählt');
    expect(line).toHaveAttribute('data-source', 'chair');
    expect(line).not.toHaveTextContent('Quittung');
  });

  it('R-VOT-7: a vote the office recorded at the chair\'s side says so on the phone, in the conflict and after the close (not "vom Vorsitz")', async () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const voteId = m.openResolution();
    const { socket } = serve(m, memberOf('BE'));
    render(<DelegateView />);
    const ballot = await screen.findByTestId('ballot-BE');
    await userEvent.setup().click(within(ballot).getByTestId('vote-no'));
    expect(await within(ballot).findByTestId('vote-receipt-BE')).toBeInTheDocument();
    broadcast(m, socket, { type: 'recordVote', voteId, land: 'BE', choice: 'yes', mode: 'rollCall' }, office);
    const state = within(ballot).getByTestId('ballot-state-BE');
    expect(state).toHaveTextContent('Von der Geschäftsstelle erfasst: Ja (Namentlicher Aufruf)');
    expect(state).not.toHaveTextContent('Vorsitz');
    expect(within(ballot).getByTestId('ballot-conflict-BE')).toHaveTextContent('Erfassung durch die Geschäftsstelle weichen ab');
    broadcast(m, socket, { type: 'closeVote', voteId }, chair);
    expect(screen.getByTestId('final-receipt-BE')).toHaveTextContent('Ihre Stimme für Berlin: Nein – gezählt: Ja von der Geschäftsstelle erfasst (Namentlicher Aufruf)');
  });
});
