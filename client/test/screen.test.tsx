import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { ALL_LANDS, chair, demoMeeting, seed } from './support/meeting.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14);
const screenRole = { role: 'screen' as const, participantId: null };
const quorate = () => demoMeeting().checkIn(FOURTEEN);

describe('room screen / remote viewer', () => {
  it('no vote: session title, current item and quorum in large type', () => {
    const m = quorate();
    m.run({ type: 'setCurrentItem', itemId: 'top-6' }, chair);
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1. Digitalministerkonferenz (DMK)');
    expect(screen.getByText(/Pilotstudie/)).toBeInTheDocument();
    expect(screen.getByTestId('quorum')).toHaveTextContent('14 Länder anwesend, 11 erforderlich');
    expect(screen.queryByTestId('screen-vote')).not.toBeInTheDocument();
  });

  it('open vote: bars per option and WHICH Länder voted, not how', () => {
    const m = quorate();
    m.openResolution();
    m.cast('BE', 'yes');
    m.cast('BB', 'no');
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('tally-yes')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('tally-no')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('tally-notVoted')).toHaveAttribute('data-count', '12');
    expect(screen.getByTestId('voted-BE')).toHaveAttribute('data-voted', 'true');
    expect(screen.getByTestId('voted-HH')).toHaveAttribute('data-voted', 'false');
    expect(screen.getByTestId('voted-lands')).toHaveTextContent('Abgestimmt: 2 von 14 Ländern');
    // How a Land voted is not shown while the round is open.
    expect(screen.queryByTestId('land-choices')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('voted-lands')).queryByText(/Ja|Nein/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('outcome')).not.toBeInTheDocument();
  });

  it('closed, adopted: every Land\'s vote and the outcome with its explanation', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 12 ? 'yes' : 'abstain'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('choice-BE')).toHaveAttribute('data-choice', 'yes');
    expect(screen.getByTestId('choice-ST')).toHaveAttribute('data-choice', 'abstain');
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
    expect(screen.getByTestId('explanation')).toHaveTextContent('Konsens');
  });

  it('closed, rejected: Abgelehnt with the numbers', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 9 ? 'no' : 'yes'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('outcome')).toHaveTextContent('Abgelehnt');
    expect(screen.getByTestId('explanation')).toHaveTextContent('Ja 5, Nein 9');
    expect(screen.getByTestId('choice-BW')).toHaveAttribute('data-choice', 'no');
  });

  it('R-SES-4: the public viewer of a non-public session gets a clear message', () => {
    seed(demoMeeting(), { role: 'public', participantId: null }, { connection: 'offline', joinError: { code: 'session.notPublic', rule: 'R-SES-4' } });
    render(<ScreenView publicView />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Keine öffentliche Übertragung');
    expect(screen.getByTestId('not-public')).toBeInTheDocument();
    expect(screen.queryByTestId('quorum')).not.toBeInTheDocument();
  });

  it('R-SES-4: after a decision to go public, the public viewer sees the session', () => {
    const m = quorate();
    m.run({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair);
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    seed(m, { role: 'public', participantId: null });
    render(<ScreenView publicView />);
    expect(screen.queryByTestId('not-public')).not.toBeInTheDocument();
    expect(screen.getByTestId('outcome')).toHaveTextContent('Sitzung öffentlich machen');
  });
});
