import { DEMO_MEETING_ID } from '@plenum/shared';
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { ALL_LANDS, chair, demoMeeting, memberOf, seed } from './support/meeting.ts';

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
    expect(screen.getByTestId('screen-item')).toHaveTextContent(/TOP 6 Zusammenarbeit/);
    expect(screen.getByTestId('screen-item')).toHaveTextContent('Berichterstattung');
    expect(screen.getByTestId('quorum')).toHaveTextContent('14 Länder anwesend, 11 erforderlich');
    expect(screen.queryByTestId('screen-vote')).not.toBeInTheDocument();
  });

  it('R-MEM-2: open vote: the turnout and WHICH Länder voted, never a running yes/no count', () => {
    const m = quorate();
    m.openResolution();
    m.cast('BE', 'yes');
    m.cast('BB', 'no');
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('screen-turnout')).toHaveTextContent('2 von 14 Ländern haben abgestimmt');
    expect(screen.getByTestId('voted-BE')).toHaveAttribute('data-voted', 'true');
    expect(screen.getByTestId('voted-HH')).toHaveAttribute('data-voted', 'false');
    // No count per option while the round is open, and no Land's choice.
    expect(screen.queryByTestId('tally')).not.toBeInTheDocument();
    expect(screen.queryByTestId('land-choices')).not.toBeInTheDocument();
    expect(screen.getByTestId('screen-vote')).not.toHaveTextContent(/\bJa\b|\bNein\b/);
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

  it('R-VOT-2: after the close the outcome is a banner with word, method and the explanation in words', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 10 ? 'yes' : i < 13 ? 'no' : 'abstain'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    const banner = screen.getByTestId('outcome');
    expect(banner).toHaveClass('outcome-banner');
    expect(banner.querySelector('.outcome-word')).toHaveTextContent(/^Angenommen$/);
    expect(within(banner).getByText('mit 10 von 14 Stimmen (Zweidrittelmehrheit erreicht)')).toBeInTheDocument();
    expect(within(banner).getByTestId('explanation')).toHaveTextContent('Basis 14, erforderlich 9, Ja 10, Nein 3, Enthaltung 1 → angenommen');
    // The banner comes before the bars and the Länder, in reading order too.
    const vote = screen.getByTestId('screen-vote');
    const order = [banner, screen.getByTestId('tally'), screen.getByTestId('land-choices')];
    expect(order.every((el, i) => i === 0 || (order[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(vote).toContainElement(banner);
  });

  it('R-MEM-4: a transferred vote is shown as cast by the holder, open (whether) and closed (how)', () => {
    const m = quorate();
    m.run({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, memberOf('SH'));
    m.openResolution();
    m.cast('SH', 'yes', memberOf('BE'));
    seed(m, screenRole);
    const { unmount } = render(<ScreenView />);
    const openCell = screen.getByTestId('voted-SH');
    expect(openCell).toHaveAttribute('data-voted', 'true');
    expect(openCell).toHaveTextContent('Schleswig-Holstein: ✓ abgestimmt (durch Berlin)');
    expect(screen.getByTestId('voted-BE')).not.toHaveTextContent('durch');
    unmount();

    ALL_LANDS.slice(0, 14).forEach((land) => m.cast(land, 'yes'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('choice-SH')).toHaveAttribute('data-choice', 'yes');
    expect(screen.getByTestId('choice-SH')).toHaveTextContent('Schleswig-Holstein: Ja (durch Berlin)');
    expect(screen.getByTestId('choice-BE')).toHaveTextContent(/^Berlin: Ja · Gerät$/);
  });

  it('R-VOT-5: all 16 Länder in the grid, those outside the frozen electorate marked as not present at the opening', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land) => m.cast(land, 'no'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    const grid = screen.getByTestId('land-choices');
    expect(within(grid).getAllByRole('listitem')).toHaveLength(16);
    expect(screen.queryByTestId('choice-TH')).not.toBeInTheDocument();
    expect(within(grid).getByText('Thüringen').closest('li')).toHaveTextContent('Thüringen: bei Eröffnung nicht anwesend');
    expect(screen.getByTestId('choice-HH')).toHaveTextContent('Hamburg: Nein');
  });

  it('the result is said through the polite live region when a round seen open is closed', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 9 ? 'no' : 'yes'));
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('announce-polite')).not.toHaveTextContent('Abgelehnt');
    m.close();
    act(() => seed(m, screenRole));
    expect(screen.getByTestId('announce-polite')).toHaveTextContent('Ergebnis: Abgelehnt mit Zweidrittelmehrheit. R-VOT-2: Basis 14, erforderlich 9, Ja 5, Nein 9');
  });

  it('a long item title stays whole in the text (clamped only visually) with the full title as tooltip', () => {
    const m = quorate();
    m.run({ type: 'setCurrentItem', itemId: 'top-6' }, chair);
    seed(m, screenRole);
    render(<ScreenView />);
    const title = screen.getByText(/Pilotstudie/, { selector: '.screen-item-title' });
    expect(title).toHaveClass('screen-item-title');
    expect(title).toHaveAttribute('title', expect.stringMatching(/^TOP 6 Zusammenarbeit.*Bereich Wirtschaft$/));
  });

  it('R-SES-4: while the session is public, the room screen shows a QR code and the short address of the public view', async () => {
    const m = quorate();
    seed(m, screenRole);
    const { unmount } = render(<ScreenView />);
    expect(screen.queryByTestId('public-link')).not.toBeInTheDocument();
    unmount();
    m.run({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair);
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    seed(m, screenRole);
    render(<ScreenView />);
    expect(screen.getByTestId('public-link')).toHaveTextContent(`${window.location.host}/public/${DEMO_MEETING_ID}`);
    expect(await screen.findByTestId('public-qr')).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
  });

  it('offline: a banner says so and the last known state stays, greyed out', () => {
    const m = quorate();
    m.openResolution();
    seed(m, screenRole, { connection: 'reconnecting' });
    render(<ScreenView />);
    expect(screen.getByTestId('offline-banner')).toHaveTextContent('Keine Verbindung – wird wiederhergestellt.');
    const body = screen.getByTestId('screen-state');
    expect(body).toHaveAttribute('data-state', 'offline');
    expect(body).toHaveAttribute('data-shown', 'voteOpen');
    expect(body).toHaveClass('stale');
  });
});
