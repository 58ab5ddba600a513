import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import OfficeView from '../src/views/office/OfficeView.tsx';
import { ALL_LANDS, Meeting, demoMeeting, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';
import { fill } from './support/fill.ts';

/** The office page lists invitations over REST; here the list is empty (no server in jsdom). */
function stubInvitationsApi() {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })));
}
afterEach(() => vi.unstubAllGlobals());

function officeOn(m: Meeting) {
  stubInvitationsApi();
  seed(m, office);
  const served = serve(m, office);
  render(<OfficeView />);
  return { ...served, user: userEvent.setup() };
}

const itemRow = (id: string) => within(screen.getByTestId(`office-item-${id}`));

describe('office: agenda items', () => {
  it('R-AGD-1: edits an item — title, kind, rapporteurs, paragraphs, Bundesrat, standing, barred from publication', async () => {
    const m = demoMeeting();
    const { commands, user } = officeOn(m);
    await user.click(itemRow('top-7').getByRole('button', { name: 'Bearbeiten: TOP 7' }));
    const form = within(screen.getByRole('form', { name: 'Punkt TOP 7 bearbeiten' }));
    expect(form.getByLabelText('Titel')).toHaveValue('Digitale Teilhabe');
    await user.clear(form.getByLabelText('Titel'));
    await fill(user, form.getByLabelText('Titel'), 'Digitale Teilhabe stärken');
    await user.selectOptions(form.getByLabelText('Art'), 'report');
    await user.click(form.getByRole('checkbox', { name: 'Hamburg' }));
    await user.clear(form.getByLabelText('Ziffern des Beschlussvorschlags'));
    await fill(user, form.getByLabelText('Ziffern des Beschlussvorschlags'), 'Eins.\n\nZwei.');
    await user.click(form.getByRole('checkbox', { name: 'Gegenstand im Bundesratsverfahren' }));
    await user.click(form.getByRole('checkbox', { name: 'nicht zur Veröffentlichung' }));
    await user.selectOptions(form.getByLabelText('Ständiger Punkt'), 'landsExchange');
    await user.click(form.getByRole('button', { name: 'Änderungen speichern' }));

    expect(commands[0].command).toEqual({
      type: 'editAgendaItem', itemId: 'top-7',
      item: {
        number: 'TOP 7', title: 'Digitale Teilhabe stärken', kind: 'report', rapporteurs: ['SH', 'HH'],
        paragraphs: [{ number: '1', text: 'Eins.' }, { number: '2', text: 'Zwei.' }],
        bundesrat: true, standing: 'landsExchange', barredFromPublication: true,
      },
    });
    const item = m.state.agenda.find((i) => i.id === 'top-7')!;
    expect(item).toMatchObject({ title: 'Digitale Teilhabe stärken', bundesrat: true, barredFromPublication: true, rapporteurs: ['SH', 'HH'] });
    expect(await screen.findByTestId('office-item-top-7')).toHaveTextContent('Digitale Teilhabe stärken');
    expect(screen.queryByRole('form', { name: 'Punkt TOP 7 bearbeiten' })).not.toBeInTheDocument();
  });

  it('R-VOT-5: an edit while a vote on the item is open is refused with the translated item.voteOpen', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    m.openResolution('top-5');
    const { user } = officeOn(m);
    await user.click(itemRow('top-5').getByRole('button', { name: 'Bearbeiten: TOP 5' }));
    const form = within(screen.getByRole('form', { name: 'Punkt TOP 5 bearbeiten' }));
    await user.type(form.getByLabelText('Titel'), ' (neu)');
    await user.click(form.getByRole('button', { name: 'Änderungen speichern' }));
    const alert = await itemRow('top-5').findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'item.voteOpen');
    expect(alert).toHaveTextContent(/^Während einer laufenden Abstimmung kann der Punkt nicht geändert werden\.$/);
    expect(alert).toHaveAttribute('data-rule', 'R-VOT-5');
    // The form stays open with the input, nothing changed.
    expect(form.getByLabelText('Titel')).toHaveValue(`${m.state.agenda.find((i) => i.id === 'top-5')!.title} (neu)`);
  });

  it('removes an item from the agenda', { timeout: 30_000 }, async () => {
    const m = demoMeeting();
    const { commands, user } = officeOn(m);
    await user.click(itemRow('top-10').getByRole('button', { name: 'Entfernen: TOP 10' }));
    // The demo session is open: removing asks first.
    await user.click(screen.getByTestId('confirm-ok'));
    expect(commands[0].command).toEqual({ type: 'removeAgendaItem', itemId: 'top-10' });
    expect(screen.queryByTestId('office-item-top-10')).not.toBeInTheDocument();
    expect(m.state.agenda.some((i) => i.id === 'top-10')).toBe(false);
  });

  it('during the live session, removing an item asks first; afterwards it can be undone (the same item comes back)', { timeout: 30_000 }, async () => {
    const m = demoMeeting();
    expect(m.state.session?.status).toBe('open');
    const { commands, user } = officeOn(m);
    await user.click(itemRow('top-10').getByRole('button', { name: 'Entfernen: TOP 10' }));
    expect(screen.getByTestId('confirm-dialog')).toHaveAccessibleName('TOP 10 während der laufenden Sitzung entfernen?');
    await user.click(screen.getByTestId('confirm-cancel'));
    expect(commands).toHaveLength(0);
    await user.click(itemRow('top-10').getByRole('button', { name: 'Entfernen: TOP 10' }));
    await user.click(screen.getByTestId('confirm-ok'));
    expect(commands[0].command).toEqual({ type: 'removeAgendaItem', itemId: 'top-10' });
    expect(await screen.findByTestId('undo-remove')).toHaveTextContent('TOP 10 wurde entfernt.');
    const before = m.state.agenda.length;
    await user.click(screen.getByRole('button', { name: 'Rückgängig machen' }));
    expect(commands[1].command).toMatchObject({ type: 'addAgendaItem', itemId: 'top-10', item: { number: 'TOP 10' } });
    expect(m.state.agenda).toHaveLength(before + 1);
    expect(await screen.findByTestId('office-item-top-10')).toBeInTheDocument();
    expect(screen.queryByTestId('undo-remove')).not.toBeInTheDocument();
  });

  it('R-AGD-4: sets the IT-Planungsrat coordination state of an item', async () => {
    const m = demoMeeting();
    const { commands, user } = officeOn(m);
    const row = itemRow('top-6');
    const set = row.getByRole('button', { name: 'Abstimmungsstand setzen: TOP 6' });
    expect(set).toBeDisabled();
    await user.selectOptions(row.getByLabelText('IT-Planungsrat, TOP 6'), 'pending');
    await user.click(set);
    expect(commands[0].command).toEqual({ type: 'setItPlrCoordination', itemId: 'top-6', state: 'pending' });
    expect(await itemRow('top-6').findByText('IT-Planungsrat: Abstimmung der Vorsitze offen')).toBeInTheDocument();
    await user.selectOptions(row.getByLabelText('IT-Planungsrat, TOP 6'), 'agreed');
    await user.click(set);
    expect(await itemRow('top-6').findByText('IT-Planungsrat: mit den Vorsitzen abgestimmt')).toBeInTheDocument();
  });
});

describe('office: people', () => {
  it('names the chair (person); it is listed with who named it', async () => {
    const m = new Meeting();
    m.run({ type: 'scheduleSession', title: '5. DMK', date: '2026-05-07', place: 'Hamburg', kind: 'regular', format: 'hybrid' }, office);
    const { commands, user } = officeOn(m);
    expect(screen.getByTestId('chair-persons')).toHaveTextContent('Noch niemand benannt.');
    const form = screen.getByRole('form', { name: 'Vorsitz (Person)' });
    await fill(user, within(form).getByLabelText('Name'), 'Senatorin Hamburg');
    await user.click(within(form).getByRole('button', { name: 'Vorsitz benennen' }));
    expect(commands[0].command).toEqual({ type: 'nameChair', name: 'Senatorin Hamburg' });
    expect(await screen.findByTestId('chair-persons')).toHaveTextContent(/Senatorin Hamburg benannt von Geschäftsstelle, \d\d\.\d\d\.2024/);
  });

  it('R-MEM-3: a temporary deputy shows who named them and when', async () => {
    const m = demoMeeting();
    const { user } = officeOn(m);
    const form = screen.getByRole('heading', { name: /Weitere stimmberechtigte Stellvertretung/ }).closest('form')!;
    await user.selectOptions(within(form).getByLabelText('Land'), 'HB');
    await fill(user, within(form).getByLabelText('Name'), 'Staatsrätin Bremen');
    await user.click(within(form).getByRole('button', { name: 'Stellvertretung benennen' }));
    const deputy = await screen.findByTestId('office-temp-deputy-HB');
    const named = Object.values(m.state.participants).find((p) => p.name === 'Staatsrätin Bremen')!;
    expect(named.registeredBy.role).toBe('office');
    expect(deputy).toHaveTextContent('Staatsrätin Bremen');
    expect(deputy).toHaveTextContent(/benannt von Geschäftsstelle, 19\.04\.2024, \d\d:\d\d/);
  });

  it('R-GST-1: invites a guest for single items; the list says for which', async () => {
    const m = demoMeeting();
    const { commands, user } = officeOn(m);
    const panel = within(screen.getByRole('region', { name: 'Gäste' }));
    const guestForm = panel.getByRole('button', { name: 'Gast einladen' }).closest('form')!;
    await fill(user, within(guestForm).getByLabelText('Name'), 'Prof. Dr. Beispiel');
    await user.click(within(guestForm).getByRole('checkbox', { name: 'TOP 6' }));
    await user.click(within(guestForm).getByRole('checkbox', { name: 'TOP 9' }));
    await user.click(within(guestForm).getByRole('button', { name: 'Gast einladen' }));
    expect(commands[0].command).toEqual({ type: 'inviteGuest', name: 'Prof. Dr. Beispiel', guestKind: 'itemGuest', itemIds: ['top-6', 'top-9'] });
    expect(await panel.findByText(/zu TOP 6, TOP 9/)).toBeInTheDocument();

    // A permanent guest is invited for the whole session: no items are sent.
    await fill(user, within(guestForm).getByLabelText('Name'), 'Bundesminister');
    await user.selectOptions(within(guestForm).getByLabelText('Art'), 'federalMinister');
    expect(within(guestForm).queryByRole('checkbox', { name: 'TOP 6' })).not.toBeInTheDocument();
    await user.click(within(guestForm).getByRole('button', { name: 'Gast einladen' }));
    expect(commands[1].command).toEqual({ type: 'inviteGuest', name: 'Bundesminister', guestKind: 'federalMinister' });
  });

  it('R-GST-2: staff announced before the session are not flagged; announced after it started they are', async () => {
    const m = demoMeeting(); // opened
    const { commands, user } = officeOn(m);
    const panel = within(screen.getByRole('region', { name: 'Gäste' }));
    const staffForm = panel.getByRole('button', { name: 'Begleitperson anmelden' }).closest('form')!;
    const form = within(staffForm);
    await fill(user, form.getByLabelText('Name'), 'Referent Sachsen');
    await user.selectOptions(form.getByLabelText('Begleitet'), 'SN');
    fireEvent.change(form.getByLabelText('Angemeldet am (leer: jetzt)'), { target: { value: '2024-04-10T09:30' } });
    await user.click(form.getByRole('button', { name: 'Begleitperson anmelden' }));
    expect(commands[0].command).toMatchObject({ type: 'announceStaff', name: 'Referent Sachsen', accompanies: 'SN' });
    expect(commands[0].command).toHaveProperty('announcedAt', new Date('2024-04-10T09:30').toISOString());

    await fill(user, form.getByLabelText('Name'), 'Referentin Bayern');
    await user.selectOptions(form.getByLabelText('Begleitet'), 'BY');
    await user.click(form.getByRole('button', { name: 'Begleitperson anmelden' }));
    expect(commands[1].command).toEqual({ type: 'announceStaff', name: 'Referentin Bayern', accompanies: 'BY' });

    const rows = within(await screen.findByTestId('staff')).getAllByRole('listitem');
    const sn = rows.find((r) => r.textContent?.includes('Referent Sachsen'))!;
    const by = rows.find((r) => r.textContent?.includes('Referentin Bayern'))!;
    expect(sn).toHaveTextContent('begleitet Sachsen');
    expect(sn).toHaveTextContent(/angemeldet 10\.04\.2024/);
    expect(sn).not.toHaveTextContent('nach Sitzungsbeginn angemeldet');
    expect(by).toHaveTextContent('nach Sitzungsbeginn angemeldet');
  });
});

describe('office: schedule', () => {
  it('R-CHR-1: a chair deviating from the rotation is scheduled only with the decision, and shown with it', async () => {
    const m = new Meeting();
    const { commands, user } = officeOn(m);
    const schedule = within(screen.getByRole('region', { name: 'Sitzung ansetzen' }));
    await fill(user, schedule.getByLabelText('Titel'), 'Sondersitzung');
    await user.type(schedule.getByLabelText('Datum'), '2026-09-01');
    expect(screen.getByTestId('derived-chair')).toHaveTextContent('Hamburg');
    await fill(user, schedule.getByLabelText('Ort'), 'Mainz');
    await user.click(schedule.getByRole('checkbox', { name: 'Abweichender Vorsitz (durch Beschluss)' }));
    await user.click(schedule.getByRole('checkbox', { name: 'Rheinland-Pfalz' }));
    await fill(user, schedule.getByLabelText('Beschluss, der die Abweichung festlegt'), 'Beschluss der 4. DMK, TOP 3');
    await user.click(screen.getByRole('button', { name: 'Sitzung ansetzen' }));
    expect(commands[0].command).toMatchObject({ type: 'scheduleSession', chairDeviation: { lands: ['RP'], decision: 'Beschluss der 4. DMK, TOP 3' } });
    expect(await screen.findByTestId('chair-lands')).toHaveTextContent('Rheinland-Pfalz');
    expect(screen.getByTestId('session-facts')).toHaveTextContent('Beschluss der 4. DMK, TOP 3');
  });
});
