import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseParagraphs } from '../src/views/office/AgendaEditor.tsx';
import OfficeView from '../src/views/office/OfficeView.tsx';
import { Meeting, demoMeeting, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';
import { fill } from './support/fill.ts';

/** The office page lists invitations over REST; here the list is empty (no server in jsdom). */
function stubInvitationsApi() {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })));
}
afterEach(() => vi.unstubAllGlobals());

describe('office', () => {
  it('R-CHR-1: the chair Land is derived from the date while scheduling, and the session is scheduled', async () => {
    stubInvitationsApi();
    const m = new Meeting();
    seed(m, office);
    const { commands } = serve(m, office);
    render(<OfficeView />);
    const user = userEvent.setup();
    const schedule = within(screen.getByRole('region', { name: 'Sitzung ansetzen' }));
    await fill(user, schedule.getByLabelText('Titel'), '5. DMK');
    await user.type(schedule.getByLabelText('Datum'), '2026-05-07');
    expect(screen.getByTestId('derived-chair')).toHaveTextContent('Vorsitz laut Turnus: Hamburg');
    await fill(user, schedule.getByLabelText('Ort'), 'Hamburg');
    await user.click(screen.getByRole('button', { name: 'Sitzung ansetzen' }));
    expect(commands[0].command).toMatchObject({ type: 'scheduleSession', title: '5. DMK', date: '2026-05-07', place: 'Hamburg' });
    expect(await screen.findByTestId('chair-lands')).toHaveTextContent('Hamburg');
  });

  it('R-CHR-1: a joint chair (2024) is shown as both Länder', async () => {
    stubInvitationsApi();
    seed(new Meeting(), office);
    render(<OfficeView />);
    await userEvent.setup().type(screen.getByLabelText('Datum'), '2024-04-19');
    expect(screen.getByTestId('derived-chair')).toHaveTextContent('Berlin und Brandenburg');
  });

  it('R-AGD-1: paragraphs separated by empty lines are numbered 1, 2, 3', () => {
    expect(parseParagraphs('Erstens.\n\nZweitens\nmit Zeile.\n\n\nDrittens.')).toEqual([
      { number: '1', text: 'Erstens.' }, { number: '2', text: 'Zweitens\nmit Zeile.' }, { number: '3', text: 'Drittens.' },
    ]);
  });

  it('R-MEM-3: names a temporary deputy for a Land', async () => {
    stubInvitationsApi();
    const m = demoMeeting();
    seed(m, office);
    const { commands } = serve(m, office);
    render(<OfficeView />);
    const user = userEvent.setup();
    const form = screen.getByRole('heading', { name: /Weitere stimmberechtigte Stellvertretung/ }).closest('form')!;
    await user.selectOptions(form.querySelector('select')!, 'TH');
    await fill(user, form.querySelector('input')!, 'Staatssekretär Thüringen');
    await user.click(screen.getByRole('button', { name: 'Stellvertretung benennen' }));
    expect(commands[0].command).toEqual({ type: 'nameTemporaryDeputy', land: 'TH', name: 'Staatssekretär Thüringen' });
    expect(await screen.findByTestId('roster-TH')).toHaveTextContent('Staatssekretär Thüringen');
  });
});

describe('office invitations', () => {
  it('creates an invitation over REST and shows its link once with a QR code; revokes one', async () => {
    const rows = [{ id: 'inv-1', role: 'delegate', participantId: 'p-BE-member', label: 'Mitglied Berlin', createdAt: '2024-04-10T08:00:00.000Z', revokedAt: null }];
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : null });
      if (init.method === 'POST') return new Response(JSON.stringify({ id: 'inv-2', url: '/i/secret-token-123', token: 'secret-token-123' }), { status: 201 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify(rows), { status: 200 });
    }));
    seed(demoMeeting(), office);
    render(<OfficeView />);
    const user = userEvent.setup();
    const panel = within(screen.getByRole('region', { name: 'Einladungen' }));
    expect(await panel.findByTestId('invitation-inv-1')).toHaveTextContent('Mitglied Berlin');
    await user.selectOptions(panel.getByLabelText('Person'), 'p-BB-member');
    await user.click(panel.getByRole('button', { name: 'Einladungslink erzeugen' }));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/meetings/dmk-2024-1/invitations', body: { role: 'delegate', participantId: 'p-BB-member', label: 'Mitglied Brandenburg' },
    });
    const card = await panel.findByTestId('invitation-card');
    expect(card).toHaveTextContent(`${window.location.origin}/i/secret-token-123`);
    const qr = await within(card).findByTestId('invitation-qr');
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(qr).toHaveAccessibleName('QR-Code des Einladungslinks für Mitglied Brandenburg');
    // Revoking asks first: cancelled, nothing is sent; confirmed, the invitation is revoked.
    await user.click(panel.getByRole('button', { name: 'Widerrufen: Mitglied Berlin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Einladung „Mitglied Berlin“ widerrufen?' });
    await user.click(within(dialog).getByTestId('confirm-cancel'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(panel.getByRole('button', { name: 'Widerrufen: Mitglied Berlin' }));
    await user.click(within(await screen.findByRole('dialog')).getByTestId('confirm-ok'));
    expect(calls.find((c) => c.method === 'DELETE')?.url).toBe('/api/invitations/inv-1');
  });
});
