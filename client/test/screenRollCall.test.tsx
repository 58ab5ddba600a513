import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { meetingStore } from '../src/store/index.ts';
import { ALL_LANDS, chair, demoMeeting, seed } from './support/meeting.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14);
const screenRole = { role: 'screen' as const, participantId: null };

describe('R-VOT-7: the room screen follows a roll call', () => {
  it('R-VOT-7: open: each recorded Land shows up at once, marked "Aufruf" or "Gerät", with how many were declared orally — never a choice; closed: per Land the choice and where it came from', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const voteId = m.openResolution();
    m.cast('HE', 'no');
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('voted-HE')).toHaveAttribute('data-source', 'device');
    expect(screen.getByTestId('voted-HE')).toHaveTextContent('Hessen: ✓ abgestimmt · Gerät');
    expect(screen.queryByTestId('screen-oral-count')).not.toBeInTheDocument();

    // The chair calls the Länder in protocol order: each row arrives as it is recorded.
    for (const land of ['BW', 'BY', 'BE']) {
      act(() => {
        m.run({ type: 'recordVote', voteId, land, choice: land === 'BY' ? 'no' : 'yes', mode: 'rollCall' }, chair);
        meetingStore.setState({ state: m.state, seq: m.seq });
      });
      expect(screen.getByTestId(`voted-${land}`)).toHaveAttribute('data-voted', 'true');
      expect(screen.getByTestId(`voted-${land}`)).toHaveAttribute('data-source', 'rollCall');
    }
    expect(screen.getByTestId('voted-BW')).toHaveTextContent('Baden-Württemberg: ✓ abgestimmt · Aufruf');
    expect(screen.getByTestId('voted-BB')).toHaveAttribute('data-source', 'none');
    expect(screen.getByTestId('screen-turnout')).toHaveTextContent('4 von 14 Ländern haben abgestimmt · davon 3 mündlich erfasst');
    // R-MEM-2: still no choice on the screen while the round is open.
    expect(screen.getByTestId('screen-vote')).not.toHaveTextContent(/\bJa\b|\bNein\b/);

    act(() => {
      m.run({ type: 'recordVote', voteId, land: 'BB', choice: 'abstain', mode: 'showOfHands' }, chair);
      m.close();
      meetingStore.setState({ state: m.state, seq: m.seq });
    });
    expect(screen.getByTestId('choice-BW')).toHaveTextContent('Baden-Württemberg: Ja · Aufruf');
    expect(screen.getByTestId('choice-BY')).toHaveTextContent('Bayern: Nein · Aufruf');
    expect(screen.getByTestId('choice-BB')).toHaveTextContent('Brandenburg: Enthaltung · Handzeichen');
    expect(screen.getByTestId('choice-HE')).toHaveTextContent('Hessen: Nein · Gerät');
    expect(screen.getByTestId('choice-HE')).toHaveAttribute('data-source', 'device');
    expect(screen.getByTestId('choice-HH')).toHaveAttribute('data-source', 'none');
  });
});
