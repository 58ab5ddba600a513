import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConferenceHome } from '@plenum/shared';
import { ConferencePanel } from '../src/views/conference/ConferencePanel.tsx';
import { demoMeeting, office, seed } from './support/meeting.ts';

afterEach(() => vi.unstubAllGlobals());

const HOME: ConferenceHome = {
  timeZone: 'Europe/Berlin',
  archive: [], deviations: [], reachedRequests: [],
  sessions: [{
    id: 'dmk-2024-1', kind: 'regular', basis: 'schedule', requestId: null, title: '1. Digitalministerkonferenz (DMK)', date: '2024-04-19',
    startTime: '10:00', place: 'Potsdam', format: 'hybrid', chairLands: ['BE', 'BB'], chairDecision: null, status: 'closed', createdAt: '2024-01-01T00:00:00Z',
    changes: [], carriedIn: [], deadlines: [], phase: 'past',
    meeting: { status: 'closed', items: [], landsPresent: 14, landsTotal: 16, results: { adopted: 5, rejected: 1, noted: 2, open: 0 }, protocol: 'published', agendaProposals: [] },
  }, {
    id: 'ag-2027-1', kind: 'arbeitsgremium', basis: 'chairProposal', requestId: null, title: 'Sitzung des DMK-Arbeitsgremiums', date: '2027-03-01',
    startTime: '09:00', place: 'Videokonferenz', format: 'video', chairLands: ['HE'], chairDecision: null, status: 'closed', createdAt: '2027-01-01T00:00:00Z',
    changes: [], carriedIn: [], deadlines: [], phase: 'past',
    meeting: {
      status: 'closed', items: [], landsPresent: 16, landsTotal: 16, results: { adopted: 0, rejected: 0, noted: 0, open: 0 }, protocol: 'none',
      agendaProposals: [{ targetSessionId: 'dmk-2024-1', at: '2027-03-01T10:00:00Z', drafts: [{ draftId: 'draft-top-7', title: 'Digitale Teilhabe', version: 3, openBrackets: 1 }] }],
    },
  }],
};

describe('office: the conference home (R-SES-1, R-CHR-1, R-AGD-6)', () => {
  it('R-CHR-1 / R-AGD-6: picking a date shows the chair Land and the deadlines; the office creates the session with its format and start time', async () => {
    const posts: Record<string, unknown>[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)).command);
        return new Response(JSON.stringify({ data: { state: {} } }), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return new Response(JSON.stringify(url === '/api/conference' ? HOME : null), { status: url === '/api/conference' ? 200 : 404, headers: { 'content-type': 'application/json' } });
    }));
    seed(demoMeeting(), office);
    render(<ConferencePanel canEdit />);
    const past = await screen.findByTestId('conference-session-dmk-2024-1');
    expect(past).toHaveTextContent('Berlin und Brandenburg');
    expect(past).toHaveTextContent('14 von 16 Ländern anwesend; 5 angenommen, 1 abgelehnt; Protokoll: veröffentlicht');
    // R-AGR-2: a meeting of the Arbeitsgremium shows its kind and the agenda proposal it ended with.
    const ag = screen.getByTestId('conference-session-ag-2027-1');
    expect(ag).toHaveTextContent('Sitzung des DMK-Arbeitsgremiums');
    expect(within(ag).getByTestId('conference-ag-proposal')).toHaveTextContent('Tagesordnungsvorschlag für 1. Digitalministerkonferenz (DMK): „Digitale Teilhabe“ v3 (1 offene Klammer)');
    // A past session is neither rescheduled nor cancelled.
    expect(within(past).queryByRole('button', { name: 'Absagen' })).toBeNull();

    const user = userEvent.setup();
    const form = screen.getByTestId('conference-create');
    await user.type(within(form).getByLabelText('Titel'), '3. DMK');
    await user.type(within(form).getByLabelText('Datum'), '2027-04-23');
    await user.type(within(form).getByLabelText('Ort'), 'Wiesbaden');
    await user.selectOptions(within(form).getByLabelText('Format (R-SES-2)'), 'web');
    expect(screen.getByTestId('conference-preview-chair')).toHaveTextContent('Hessen');
    expect(screen.getByTestId('conference-preview-deadlines')).toHaveTextContent('Freitag, 12. März 2027');
    await user.click(within(form).getByRole('button', { name: 'Sitzung anlegen' }));
    expect(posts[0]).toMatchObject({ type: 'createSession', kind: 'regular', title: '3. DMK', date: '2027-04-23', startTime: '10:00', place: 'Wiesbaden', format: 'web' });
    expect(await screen.findByTestId('conference-status')).toHaveTextContent('Sitzung „3. DMK“ angelegt.');
  }, 30_000); // typing into five fields on a loaded machine
});

describe('the conference archive on the home', () => {
  it('lists every resolution across sessions with its follow-up; the search narrows it', async () => {
    const home: ConferenceHome = {
      ...HOME,
      archive: [
        { sessionId: 'dmk-2027-2', sessionTitle: '2. DMK', date: '2027-02-12', itemId: 'top-1', number: 'TOP 5', title: 'Cloud-Strategie', outcome: 'adopted', followUp: 'open' },
        { sessionId: 'dmk-2024-1', sessionTitle: '1. DMK', date: '2024-04-19', itemId: 'top-7', number: 'TOP 7', title: 'KI in der Verwaltung', outcome: 'rejected', followUp: null },
      ],
    };
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(home), { status: 200, headers: { 'content-type': 'application/json' } })));
    seed(demoMeeting(), office);
    render(<ConferencePanel canEdit />);
    const archive = within(await screen.findByTestId('conference-archive'));
    expect(archive.getByTestId('archive-dmk-2027-2-top-1')).toHaveTextContent('TOP 5: Cloud-Strategie');
    expect(archive.getByTestId('archive-dmk-2027-2-top-1')).toHaveTextContent('angenommen');
    expect(archive.getByTestId('archive-dmk-2027-2-top-1')).toHaveTextContent('offen');
    expect(archive.getByTestId('archive-dmk-2024-1-top-7')).toHaveTextContent('abgelehnt');
    expect(archive.getByRole('status')).toHaveTextContent('2 Beschlüsse');
    await userEvent.setup().type(archive.getByLabelText(/Beschlüsse durchsuchen/), 'verwaltung');
    expect(archive.queryByTestId('archive-dmk-2027-2-top-1')).toBeNull();
    expect(archive.getByTestId('archive-dmk-2024-1-top-7')).toBeInTheDocument();
    expect(archive.getByRole('status')).toHaveTextContent('1 Beschluss');
  });
});
