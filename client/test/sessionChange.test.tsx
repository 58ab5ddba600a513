import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { demoCommands, type SessionFormat } from '@plenum/shared';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { SessionPanel } from '../src/views/chair/SessionPanel.tsx';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { Meeting, memberOf, seed, system } from './support/meeting.ts';

/** The demo session prepared and not opened (what the conference can still move or cancel), in `format` if given. */
function planned(format?: SessionFormat): Meeting {
  const m = new Meeting();
  for (const command of demoCommands()) {
    if (command.type === 'scheduleSession') m.run({ ...command, format: format ?? command.format }, system);
    else m.run(command.type === 'addAgendaItem' ? { ...command, item: { ...command.item, paragraphs: command.item.paragraphs.filter((p) => p.text.trim() !== '') } } : command, system);
  }
  return m;
}

describe('R-SES-2: the session\'s format as the GO names it', () => {
  it('R-SES-2: a telephone conference is shown as such on the chair\'s session panel and the room screen', () => {
    const m = planned('telephone');
    seed(m, { role: 'screen', participantId: null });
    render(<><ScreenView /><SessionPanel /></>);
    expect(screen.getByTestId('session-format')).toHaveTextContent('Telefonkonferenz');
    expect(screen.getByText(/Potsdam · Telefonkonferenz/)).toBeInTheDocument();
  });
});

describe('R-SES-1: a session moved or cancelled by the conference says so in its own views', () => {
  it('R-SES-1: moved: the delegate sees the new date and place, the old ones and the reason; the chair panel the chair Land of the new date', () => {
    const m = planned();
    m.run({ type: 'recordReschedule', date: '2025-03-14', place: 'Hamburg', format: 'web', chairLands: ['HB'], chairDecision: null, reason: 'Terminkollision mit der MPK' }, system);
    seed(m, memberOf('BY'));
    render(<><DelegateView /><SessionPanel /></>);
    const facts = within(screen.getByRole('region', { name: 'Sitzung' }));
    const notice = screen.getByTestId('session-rescheduled');
    expect(notice).toHaveAttribute('role', 'status');
    expect(within(notice).getByRole('heading')).toHaveTextContent('Diese Sitzung wurde verlegt');
    expect(notice).toHaveTextContent('Neuer Termin: Freitag, 14. März 2025, Hamburg (bisher Freitag, 19. April 2024, Potsdam).');
    expect(notice).toHaveTextContent('Grund: Terminkollision mit der MPK');
    expect(notice).toHaveTextContent(/Verlegt am 19\.04\.2024, \d\d:\d\d Uhr MESZ\./);
    expect(facts.getByText('Vorsitz').nextElementSibling).toHaveTextContent('Bremen');
    expect(facts.getByText('Datum').nextElementSibling).toHaveTextContent('Freitag, 14. März 2025');
    // R-SES-2: the exact format, in German.
    expect(screen.getByTestId('session-format')).toHaveTextContent('Webkonferenz');
    expect(screen.queryByTestId('session-cancelled')).not.toBeInTheDocument();
  });

  it('R-SES-1: cancelled: the delegate opening the session is told at once (an alert) that it is cancelled, when and why', () => {
    const m = planned();
    m.run({ type: 'recordCancellation', reason: 'Anlass entfallen' }, system);
    seed(m, memberOf('BY'));
    render(<DelegateView />);
    const alert = screen.getByTestId('session-cancelled');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Diese Sitzung ist abgesagt');
    expect(alert).toHaveTextContent(/Abgesagt am 19\.04\.2024, \d\d:\d\d Uhr MESZ\. Grund: Anlass entfallen/);
  });
});
