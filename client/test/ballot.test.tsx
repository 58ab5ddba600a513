import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { receiptsFrom } from '../src/store/meetingStore.ts';
import { receiptKey } from '../src/store/index.ts';
import { ALL_LANDS, deputyOf, demoMeeting, memberOf, seed, type Meeting } from './support/meeting.ts';
import type { Actor } from '@plenum/shared';

const FOURTEEN = ALL_LANDS.slice(0, 14);
const quorate = () => demoMeeting().checkIn(FOURTEEN);

/** Seeds the store as this person's phone that saw every event: with the receipts of its own votes. */
function seedAs(m: Meeting, who: Actor) {
  const receipts = Object.fromEntries(receiptsFrom(m.envelopes, who.participantId).map((r) => [receiptKey(r.voteId, r.land), r]));
  seed(m, who, { receipts });
}

describe('phone ballot', () => {
  it('R-VOT-5: a Land that checks in after the open is told why it has no ballot in this round', () => {
    const m = quorate();
    m.openResolution();
    m.checkIn(['TH']);
    seedAs(m, memberOf('TH'));
    render(<DelegateView />);
    expect(screen.queryByTestId('ballot-TH')).not.toBeInTheDocument();
    expect(screen.getByTestId('late-check-in')).toHaveTextContent(/nach Eröffnung dieser Abstimmung/);
    expect(screen.getByTestId('late-check-in')).toHaveTextContent(/ab der nächsten Abstimmung/);
    // Nothing to cast, so no banner urging to vote.
    expect(screen.queryByTestId('vote-alert')).not.toBeInTheDocument();
  });

  it('a vote open with a ballot not yet cast: a banner and the document title say so; once cast, the banner goes', () => {
    const m = quorate();
    m.openResolution();
    seedAs(m, memberOf('BE'));
    const { unmount } = render(<DelegateView />);
    expect(screen.getByTestId('vote-alert')).toHaveTextContent('Abstimmung läuft: Ihre Stimme fehlt.');
    expect(document.title.startsWith('● Abstimmung:')).toBe(true);
    unmount();
    expect(document.title.startsWith('● Abstimmung:')).toBe(false);
    m.cast('BE', 'yes');
    seedAs(m, memberOf('BE'));
    render(<DelegateView />);
    expect(screen.queryByTestId('vote-alert')).not.toBeInTheDocument();
  });

  it('R-MEM-2: after the close the receipt stays: "Ihre Stimme für Berlin: Ja – gezählt"', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    seedAs(m, memberOf('BE'));
    render(<DelegateView />);
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
    const receipt = screen.getByTestId('final-receipt-BE');
    expect(receipt).toHaveTextContent('Ihre Stimme für Berlin: Ja – gezählt');
    expect(receipt).toHaveAttribute('data-counted', 'yes');
  });

  it('R-MEM-2: a deputy who changed the member\'s vote is named in the member\'s receipt: "durch Vertretung geändert: Nein"', () => {
    const m = quorate();
    m.run({ type: 'checkIn', mode: 'remote' }, deputyOf('BE'));
    m.openResolution();
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.cast('BE', 'no', deputyOf('BE'));
    m.close();
    seedAs(m, memberOf('BE'));
    const { unmount } = render(<DelegateView />);
    const receipt = screen.getByTestId('final-receipt-BE');
    expect(receipt).toHaveTextContent('Ihre Stimme für Berlin: Ja – durch Vertretung geändert: Nein');
    expect(receipt).toHaveAttribute('data-counted', 'no');
    unmount();
    // The deputy's own receipt: its vote is the one counted.
    seedAs(m, deputyOf('BE'));
    render(<DelegateView />);
    expect(screen.getByTestId('final-receipt-BE')).toHaveTextContent('Ihre Stimme für Berlin: Nein – gezählt');
  });
});
