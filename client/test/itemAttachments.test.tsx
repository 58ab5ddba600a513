import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { chair, demoMeeting, memberOf, office, seed } from './support/meeting.ts';

describe('R-PRT-3: a delegate reads the documents the current item refers to', () => {
  it('R-PRT-3: the current item lists its attachments (label, title, the paragraph that refers to it); one opens to its text', async () => {
    const m = demoMeeting();
    m.run({
      type: 'editAgendaItem', itemId: 'top-2a', item: {
        attachments: [{ label: 'Anlage 1', title: 'Geschäftsordnung der DMK', text: 'Präambel\n\n1. Teilnehmerkreis', paragraphs: ['1'] }],
      },
    } as never, office);
    m.run({ type: 'setCurrentItem', itemId: 'top-2a' }, chair);
    seed(m, memberOf('BY'));
    render(<DelegateView />);
    const list = screen.getByTestId('item-attachments');
    const summary = within(list).getByText(/Anlage 1: Geschäftsordnung der DMK/);
    expect(summary).toHaveTextContent('Anlage 1: Geschäftsordnung der DMK (zu Ziffer 1)');
    expect(within(list).getByText('1. Teilnehmerkreis')).not.toBeVisible();
    await userEvent.setup().click(summary);
    expect(within(list).getByText('1. Teilnehmerkreis')).toBeVisible();
  });
});
