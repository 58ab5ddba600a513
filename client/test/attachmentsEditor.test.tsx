import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaEditor } from '../src/views/office/AgendaEditor.tsx';
import { demoMeeting, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

describe('R-PRT-3: the office adds the documents a resolution refers to', () => {
  it('R-PRT-3: adds "Anlage 1" to TOP 2 a, referring to paragraph 1; marks it barred; removes it — each an editAgendaItem with the whole list', async () => {
    const m = demoMeeting();
    seed(m, office);
    const { commands } = serve(m, office);
    render(<AgendaEditor />);
    const user = userEvent.setup();
    const editor = within(screen.getByTestId('attachments-top-2a'));
    await user.click(editor.getByText('Anlagen zu TOP 2 a (0)'));
    expect(editor.getByLabelText('Bezeichnung (z. B. Anlage 1)')).toHaveValue('Anlage 1');
    await user.type(editor.getByLabelText('Titel der Anlage'), 'Geschäftsordnung der DMK');
    await user.type(editor.getByLabelText(/^Bezug auf Ziffer/), '1');
    await user.type(editor.getByLabelText(/^Text der Anlage/), 'Präambel');
    await user.click(editor.getByRole('button', { name: 'Anlage hinzufügen' }));
    await screen.findByText('Anlagen zu TOP 2 a (1)');
    expect(commands.at(-1)?.command).toEqual({
      type: 'editAgendaItem', itemId: 'top-2a',
      item: { attachments: [{ label: 'Anlage 1', title: 'Geschäftsordnung der DMK', text: 'Präambel', paragraphs: ['1'], barredFromPublication: false }] },
    });
    expect(m.state.agenda.find((i) => i.id === 'top-2a')?.attachments).toHaveLength(1);
    expect(editor.getByText(/Anlage 1: Geschäftsordnung der DMK \(zu Ziffer 1\)/)).toBeInTheDocument();
    // The next one is proposed as Anlage 2.
    expect(editor.getByLabelText('Bezeichnung (z. B. Anlage 1)')).toHaveValue('Anlage 2');

    await user.click(within(editor.getByRole('list')).getByRole('checkbox', { name: 'von der Veröffentlichung ausgenommen' }));
    expect(commands.at(-1)?.command).toMatchObject({ item: { attachments: [{ label: 'Anlage 1', barredFromPublication: true }] } });
    await user.click(editor.getByRole('button', { name: 'Anlage entfernen: Anlage 1' }));
    expect(commands.at(-1)?.command).toEqual({ type: 'editAgendaItem', itemId: 'top-2a', item: { attachments: [] } });
  });
});
