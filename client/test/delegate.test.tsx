import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { headFingerprint } from '@plenum/shared';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { ALL_LANDS, chair, demoMeeting, memberOf, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';
import { fill } from './support/fill.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14);
const quorate = () => demoMeeting().checkIn(FOURTEEN);

describe('delegate (phone)', () => {
  it('no vote: the current item with its numbered paragraphs, check-in state, no ballot', () => {
    const m = quorate();
    m.run({ type: 'setCurrentItem', itemId: 'top-7' }, chair);
    seed(m, memberOf('SH'));
    render(<DelegateView />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Schleswig-Holstein');
    expect(screen.getByText('Zurzeit läuft keine Abstimmung.')).toBeInTheDocument();
    expect(screen.getByTestId('current-item')).toHaveTextContent('TOP 7 Digitale Teilhabe');
    expect(within(screen.getByTestId('current-item')).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.getByTestId('presence-state')).toHaveTextContent('nicht angemeldet');
    expect(screen.queryByTestId('ballot-SH')).not.toBeInTheDocument();
  });

  it('R-SES-2: check in remotely sends checkIn and shows the new state', async () => {
    const m = quorate();
    seed(m, memberOf('SH'));
    const { commands } = serve(m, memberOf('SH'));
    render(<DelegateView />);
    await userEvent.setup().click(screen.getByTestId('check-in-remote'));
    expect(commands[0].command).toEqual({ type: 'checkIn', mode: 'remote' });
    expect(await screen.findByText(/Angemeldet: zugeschaltet/)).toBeInTheDocument();
    expect(screen.getByTestId('check-in-remote')).toHaveAttribute('aria-pressed', 'true');
  });

  it('R-MEM-2: votes Ja, gets a receipt (seq + the fingerprint of its row), changes to Nein before the close', async () => {
    const m = quorate();
    const voteId = m.openResolution();
    seed(m, memberOf('BE'));
    const { commands } = serve(m, memberOf('BE'));
    render(<DelegateView />);
    const user = userEvent.setup();
    const ballot = screen.getByTestId('ballot-BE');
    expect(screen.getByRole('group', { name: 'Stimme für Berlin' })).toBe(ballot);
    await user.click(within(ballot).getByTestId('vote-yes'));
    expect(commands[0].command).toEqual({ type: 'castVote', voteId, land: 'BE', choice: 'yes' });
    const receipt = await screen.findByTestId('vote-receipt-BE');
    expect(receipt).toHaveTextContent(`Nr. ${m.seq}`);
    expect(receipt).toHaveTextContent(`Prüfsumme ${headFingerprint(m.envelopes[m.seq - 1].hash)}`);
    expect(within(ballot).getByTestId('vote-yes')).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(ballot).getByTestId('vote-no'));
    expect(commands[1].command).toMatchObject({ land: 'BE', choice: 'no' });
    expect(await screen.findByText(/Abgegeben: Nein/)).toBeInTheDocument();
    expect(screen.getByTestId('vote-receipt-BE')).toHaveTextContent(`Nr. ${m.seq}`);
    expect(within(ballot).getByTestId('vote-no')).toHaveAttribute('aria-pressed', 'true');
  });

  it('R-MEM-4: a delegate holding a transferred vote sees two ballots and casts them separately', async () => {
    const m = quorate();
    m.run({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, memberOf('BB'));
    const voteId = m.openResolution();
    seed(m, memberOf('BE'));
    const { commands } = serve(m, memberOf('BE'));
    render(<DelegateView />);
    const own = screen.getByTestId('ballot-BE');
    const held = screen.getByTestId('ballot-BB');
    expect(own).toHaveAccessibleName('Stimme für Berlin');
    expect(held).toHaveAccessibleName('Übertragene Stimme von Brandenburg');
    await userEvent.setup().click(within(held).getByTestId('vote-no'));
    expect(commands[0].command).toEqual({ type: 'castVote', voteId, land: 'BB', choice: 'no' });
    expect(await screen.findByTestId('vote-receipt-BB')).toBeInTheDocument();
    expect(screen.queryByTestId('vote-receipt-BE')).not.toBeInTheDocument();
    expect(screen.getByTestId('transfers-held')).toHaveTextContent('Sie führen die Stimme von Brandenburg');
  });

  it('R-MEM-4: the transferring Land sees that its vote is cast by the other Land, and no own ballot', () => {
    const m = quorate();
    m.run({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, memberOf('BB'));
    m.openResolution();
    seed(m, memberOf('BB'));
    render(<DelegateView />);
    expect(screen.getByTestId('own-vote-transferred')).toHaveTextContent('an Berlin übertragen');
    expect(screen.queryByTestId('ballot-BB')).not.toBeInTheDocument();
  });

  it('R-MEM-4: transfer the own vote to a Land until revoked', async () => {
    const m = quorate();
    seed(m, memberOf('HB'));
    const { commands } = serve(m, memberOf('HB'));
    render(<DelegateView />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('transfer-to'), 'NI');
    await user.click(screen.getByRole('button', { name: 'Stimme übertragen' }));
    expect(commands[0].command).toEqual({ type: 'transferVote', to: 'NI', scope: { kind: 'untilRevoked' } });
    expect(await screen.findByTestId('transfers-given')).toHaveTextContent('an Niedersachsen übertragen');
    await user.click(screen.getByTestId('revoke-transfer'));
    expect(commands[1].command).toMatchObject({ type: 'revokeTransfer' });
  });

  it('closed, adopted: the delegate sees the outcome and its explanation', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 10 ? 'yes' : 'no'));
    m.close();
    seed(m, memberOf('BE'));
    render(<DelegateView />);
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
    expect(screen.getByTestId('explanation')).toHaveTextContent('Basis 14, erforderlich 9, Ja 10');
    expect(screen.queryByTestId('vote-yes')).not.toBeInTheDocument();
  });

  it('closed, rejected: the delegate sees Abgelehnt', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 5 ? 'yes' : 'no'));
    m.close();
    seed(m, memberOf('BE'));
    render(<DelegateView />);
    expect(screen.getByTestId('outcome')).toHaveTextContent('Abgelehnt');
  });

  it('R-VOT-4: a temporary deputy cannot add a protocol declaration, and is told why', () => {
    const m = quorate();
    m.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Staatssekretärin Thüringen', participantId: 'p-TH-temp' }, office);
    m.run({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
    seed(m, { role: 'delegate', participantId: 'p-TH-temp' });
    render(<DelegateView />);
    expect(screen.getByTestId('declaration-not-allowed')).toHaveTextContent('weitere stimmberechtigte Stellvertretung');
    expect(screen.queryByRole('button', { name: 'Protokollerklärung abgeben' })).not.toBeInTheDocument();
  });

  it('R-VOT-4: a member adds a protocol declaration to the current proposal', async () => {
    const m = quorate();
    m.run({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
    seed(m, memberOf('BY'));
    const { commands } = serve(m, memberOf('BY'));
    render(<DelegateView />);
    const user = userEvent.setup();
    await fill(user, screen.getByLabelText('Protokollerklärung zu TOP 5'), 'Bayern trägt Ziffer 2 nicht mit.');
    await user.click(screen.getByRole('button', { name: 'Protokollerklärung abgeben' }));
    expect(commands[0].command).toEqual({ type: 'addDeclaration', itemId: 'top-5', text: 'Bayern trägt Ziffer 2 nicht mit.' });
    expect(await screen.findByTestId('declarations')).toHaveTextContent('Bayern trägt Ziffer 2 nicht mit.');
  });

  it('R-SES-3: consents to recording and asks for the floor', async () => {
    const m = quorate();
    seed(m, memberOf('BW'));
    const { commands } = serve(m, memberOf('BW'));
    render(<DelegateView />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Aufzeichnung zustimmen' }));
    expect(await screen.findByTestId('consent-state')).toHaveTextContent('Sie haben der Aufzeichnung zugestimmt.');
    await user.click(screen.getByRole('button', { name: 'Wort melden' }));
    expect(await screen.findByTestId('floor-state')).toHaveTextContent('Platz 1');
    expect(commands.map((c) => c.command.type)).toEqual(['giveRecordingConsent', 'requestFloor']);
  });
});
