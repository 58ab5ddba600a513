import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import { ALL_LANDS, chair, deputyOf, demoMeeting, memberOf, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14); // all but SH and TH

function quorate() {
  return demoMeeting().checkIn(FOURTEEN);
}

describe('chair console', () => {
  it('R-VOT-3, R-SES-2: no vote yet — quorum with its numbers, each Land present or absent, open-vote offered', () => {
    const m = quorate();
    m.run({ type: 'checkIn', mode: 'remote' }, deputyOf('SH'));
    seed(m, chair);
    render(<ChairConsole />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('1. Digitalministerkonferenz (DMK)');
    expect(screen.getAllByTestId('quorum')[0]).toHaveTextContent('15 Länder anwesend, 11 erforderlich');
    expect(screen.getByTestId('land-row-BE')).toHaveAttribute('data-presence', 'room');
    expect(screen.getByTestId('land-row-SH')).toHaveAttribute('data-presence', 'remote');
    expect(within(screen.getByTestId('land-row-SH')).getByText(/Ständige Vertretung Schleswig-Holstein/)).toBeInTheDocument();
    expect(screen.getByTestId('land-row-TH')).toHaveAttribute('data-presence', 'absent');
    expect(screen.getByTestId('open-vote')).toBeEnabled();
    expect(screen.queryByTestId('close-vote')).not.toBeInTheDocument();
    expect(screen.queryByTestId('outcome')).not.toBeInTheDocument();
  });

  it('R-MEM-3, R-MEM-4: the chair is informed of temporary deputies and transfers given and held', () => {
    const m = quorate();
    m.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Staatssekretärin Thüringen', participantId: 'p-TH-temp' }, office);
    m.run({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, memberOf('BB'));
    seed(m, chair);
    render(<ChairConsole />);
    expect(within(screen.getByTestId('land-row-TH')).getByTestId('temp-deputy-TH')).toHaveTextContent('Staatssekretärin Thüringen');
    expect(screen.getByTestId('transfer-given-BB')).toHaveTextContent('übertragen an Berlin (bis auf Widerruf');
    expect(screen.getByTestId('transfer-held-BE')).toHaveTextContent('führt Stimme von Brandenburg');
  });

  it('R-MEM-3: the Länder table (attendance tab) keeps its headers; a temporary deputy sits in the representation cell', async () => {
    const m = quorate();
    m.run({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Staatssekretärin Thüringen', participantId: 'p-TH-temp' }, office);
    seed(m, chair);
    render(<ChairConsole />);
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Anwesenheit' }));
    const table = screen.getByRole('table', { name: /Anwesenheit, Vertretung/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Land', 'Anwesenheit', 'Vertreten durch', 'Stimmübertragungen']);
    const row = screen.getByTestId('land-row-TH');
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Thüringen TH');
    const cells = within(row).getAllByRole('cell');
    expect(cells[1]).toContainElement(within(row).getByTestId('temp-deputy-TH'));
    expect(cells[1]).toHaveTextContent('Weitere Stellvertretung: Staatssekretärin Thüringen');
  });

  it('R-VOT-6: opening a vote sends openVote for the current item, whole or by paragraph', async () => {
    const m = quorate();
    m.run({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Umfang'), '2');
    await user.click(screen.getByTestId('open-vote'));
    expect(commands[0].command).toEqual({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-5', paragraph: '2' } });
    expect(await screen.findByTestId('close-vote')).toBeInTheDocument();
    expect(screen.getByText(/TOP 5 .*Ziffer 2/)).toBeInTheDocument();
  });

  it('R-MEM-2: an open vote shows the live tally per Land and flags a conflict between representatives of a Land', () => {
    const m = quorate();
    m.run({ type: 'checkIn', mode: 'room' }, deputyOf('BE'));
    m.openResolution();
    m.cast('BE', 'yes');
    m.cast('BE', 'no', deputyOf('BE'));
    m.cast('BB', 'yes');
    m.cast('HH', 'abstain');
    seed(m, chair);
    render(<ChairConsole />);
    expect(screen.getByTestId('tally-yes')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('tally-no')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('tally-abstain')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('tally-notVoted')).toHaveAttribute('data-count', '11');
    expect(screen.getByTestId('ballot-row-BE')).toHaveAttribute('data-choice', 'no');
    expect(screen.getByTestId('vote-conflicts')).toHaveTextContent('Berlin');
    expect(screen.getByTestId('close-vote')).toBeInTheDocument();
    expect(screen.getByTestId('cancel-vote')).toBeInTheDocument();
    expect(screen.queryByTestId('open-vote')).not.toBeInTheDocument();
  });

  it('R-VOT-2: 14 present, 10 yes → adopted, with the explanation (base 14, needed 9)', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 10 ? 'yes' : i < 13 ? 'no' : 'abstain'));
    m.close();
    seed(m, chair);
    render(<ChairConsole />);
    const outcome = screen.getByTestId('outcome');
    expect(outcome).toHaveAttribute('data-outcome', 'adopted');
    expect(outcome).toHaveTextContent('Angenommen');
    expect(screen.getByTestId('explanation')).toHaveTextContent('R-VOT-2: Basis 14, erforderlich 9, Ja 10, Nein 3, Enthaltung 1 → angenommen');
    expect(screen.getByTestId('open-vote')).toBeInTheDocument();
  });

  it('R-VOT-2: 14 present, 8 yes → rejected', () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land, i) => m.cast(land, i < 8 ? 'yes' : 'no'));
    m.close();
    seed(m, chair);
    render(<ChairConsole />);
    expect(screen.getByTestId('outcome')).toHaveAttribute('data-outcome', 'rejected');
    expect(screen.getByTestId('outcome')).toHaveTextContent('Abgelehnt');
    expect(screen.getByTestId('explanation')).toHaveTextContent('erforderlich 9, Ja 8, Nein 6');
  });

  it('closing sends closeVote and the outcome appears from the acknowledged events', async () => {
    const m = quorate();
    const voteId = m.openResolution();
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    await userEvent.setup().click(screen.getByTestId('close-vote'));
    expect(commands[0].command).toEqual({ type: 'closeVote', voteId });
    expect(await screen.findByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
    expect(screen.getByTestId('explanation')).toHaveTextContent('Konsens');
  });
});
