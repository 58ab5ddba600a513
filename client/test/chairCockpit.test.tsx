import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MEETING_ID } from '@plenum/shared';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import { ALL_LANDS, chair, demoMeeting, deputyOf, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

// A loaded 2-core machine renders the whole console slowly: give each test room.
const SLOW = { timeout: 30_000 };
const FOURTEEN = ALL_LANDS.slice(0, 14); // all but SH and TH

function quorate() {
  return demoMeeting().checkIn(FOURTEEN);
}

describe('chair cockpit: confirmations and who cast what', () => {
  it('R-VOT-2: closing while 3 Länder have not voted asks first; "Zurück" sends nothing, keeps the vote open and returns focus', SLOW, async () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.slice(0, 11).forEach((land) => m.cast(land, 'yes'));
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    expect(within(screen.getByTestId('not-voted')).getByRole('heading')).toHaveTextContent('Noch ohne Stimme: 3 Länder');
    const user = userEvent.setup();
    const close = screen.getByTestId('close-vote');
    await user.click(close);
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveAccessibleName('3 Länder haben nicht abgestimmt – trotzdem schließen?');
    expect(dialog).toHaveTextContent('Noch ohne Stimme: Saarland, Sachsen, Sachsen-Anhalt.');
    // The safe choice has the focus, so Enter by habit does not close the vote.
    expect(screen.getByTestId('confirm-cancel')).toHaveFocus();
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-dialog')).not.toBeInTheDocument();
    expect(close).toHaveFocus();
    expect(commands).toHaveLength(0);
    // Escape is a "no" too.
    await user.click(close);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('confirm-dialog')).not.toBeInTheDocument();
    expect(commands).toHaveLength(0);
    // Confirmed: the round is closed.
    await user.click(close);
    await user.click(screen.getByTestId('confirm-ok'));
    expect(commands.map((c) => c.command.type)).toEqual(['closeVote']);
    expect(await screen.findByTestId('outcome')).toHaveAttribute('data-outcome', 'adopted');
  });

  it('R-VOT-2: when every Land has voted, closing needs no question', SLOW, async () => {
    const m = quorate();
    m.openResolution();
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    expect(within(screen.getByTestId('not-voted')).getByRole('heading')).toHaveTextContent('Alle Länder haben abgestimmt');
    await userEvent.setup().click(screen.getByTestId('close-vote'));
    expect(screen.queryByTestId('confirm-dialog')).not.toBeInTheDocument();
    expect(commands.map((c) => c.command.type)).toEqual(['closeVote']);
  });

  it('cancelling a vote names what is lost (the votes cast) before anything is sent', SLOW, async () => {
    const m = quorate();
    const voteId = m.openResolution();
    FOURTEEN.slice(0, 5).forEach((land) => m.cast(land, 'no'));
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('cancel-vote'));
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Die 5 abgegebenen Stimmen werden verworfen');
    expect(commands).toHaveLength(0);
    await user.click(screen.getByTestId('confirm-ok'));
    expect(commands[0].command).toEqual({ type: 'cancelVote', voteId });
  });

  it('closing the session says which items were not dealt with and that it cannot be reopened', SLOW, async () => {
    const m = quorate();
    m.openResolution('top-5');
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    seed(m, chair);
    const { commands } = serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('close-session'));
    const untouched = screen.getByTestId('untouched-items');
    expect(untouched).toHaveTextContent(/Tagesordnungspunkte sind nicht behandelt: TOP 2 a, TOP 2 b/);
    expect(untouched).not.toHaveTextContent('TOP 5,');
    expect(screen.getByTestId('confirm-dialog')).toHaveTextContent('Eine geschlossene Sitzung kann nicht wieder eröffnet werden.');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(commands).toHaveLength(0);
    await user.click(screen.getByTestId('close-session'));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(commands.map((c) => c.command.type)).toEqual(['closeSession']);
  });

  it('R-MEM-2, R-MEM-4: "Abgegeben durch" names who cast each vote: the member, the holder of a transferred vote, and every entry of a conflict', () => {
    const m = quorate();
    m.run({ type: 'checkIn', mode: 'room' }, deputyOf('BE'));
    m.run({ type: 'checkOut' }, memberOf('SL'));
    m.run({ type: 'transferVote', to: 'BE', scope: { kind: 'untilRevoked' } }, memberOf('SL'));
    m.openResolution();
    m.cast('BY', 'yes');
    m.cast('SL', 'no', memberOf('BE'));
    m.cast('BE', 'yes');
    m.cast('BE', 'no', deputyOf('BE'));
    seed(m, chair);
    render(<ChairConsole />);
    expect(screen.getByTestId('cast-by-BY')).toHaveTextContent('Mitglied Bayern');
    expect(screen.getByTestId('cast-by-SL')).toHaveTextContent('über Berlin (Stimmübertragung)');
    expect(screen.getByTestId('cast-by-SL')).toHaveTextContent('Mitglied Berlin');
    const berlin = screen.getByTestId('cast-by-BE');
    expect(within(berlin).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Mitglied Berlin: Ja/),
      expect.stringMatching(/^Ständige Vertretung Berlin \(Ständige Vertretung\): Nein/),
    ]);
    expect(screen.getByTestId('ballot-row-BE')).toHaveTextContent('Konflikt');
    expect(screen.getByTestId('vote-conflicts')).toHaveTextContent('Berlin');
  });

  it('R-SES-4: the session tab links the public view, with a QR code, and says it shows only a public session', SLOW, async () => {
    const m = quorate();
    seed(m, chair);
    render(<ChairConsole />);
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Sitzung und Aufzeichnung' }));
    const link = screen.getByTestId('public-url');
    expect(link).toHaveAttribute('href', `${window.location.origin}/public/${DEMO_MEETING_ID}`);
    expect(screen.getByTestId('public-link')).toHaveTextContent('Die Sitzung ist nicht öffentlich');
    expect(await screen.findByTestId('public-qr')).toHaveAttribute('alt', 'QR-Code der öffentlichen Ansicht');
  });

  describe('clocks', () => {
    afterEach(() => { vi.useRealTimers(); });

    it('the speaker\'s running time counts from when the floor was given', () => {
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
      const m = quorate();
      m.run({ type: 'requestFloor' }, memberOf('NW'));
      m.run({ type: 'giveFloor' }, chair);
      const since = Date.parse(m.state.speakers.current!.since);
      vi.setSystemTime(since + 65_000);
      seed(m, chair);
      render(<ChairConsole />);
      expect(screen.getByTestId('speaking-time')).toHaveTextContent('Redezeit 1:05');
      act(() => { vi.advanceTimersByTime(60_000); });
      expect(screen.getByTestId('speaking-time')).toHaveTextContent('Redezeit 2:05');
    });

    it('the vote timer the chair sets counts down and then says the time is up, without closing the vote', async () => {
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
      const m = quorate();
      m.openResolution();
      seed(m, chair);
      const { commands } = serve(m, chair);
      render(<ChairConsole />);
      await userEvent.setup().click(screen.getByRole('button', { name: 'Zeit für die Abstimmung: 2 Minuten' }));
      expect(screen.getByTestId('timer-left')).toHaveTextContent('Restzeit 2:00');
      act(() => { vi.advanceTimersByTime(61_000); });
      expect(screen.getByTestId('timer-left')).toHaveTextContent('Restzeit 0:59');
      act(() => { vi.advanceTimersByTime(60_000); });
      expect(screen.getByTestId('timer-over')).toHaveTextContent('Die gesetzte Zeit ist abgelaufen.');
      expect(screen.getByTestId('close-vote')).toBeInTheDocument();
      expect(commands).toHaveLength(0);
    });
  });
});
