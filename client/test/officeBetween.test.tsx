import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BetweenPanel } from '../src/views/office/BetweenPanel.tsx';
import { demoMeeting, office, seed } from './support/meeting.ts';
import { fill } from './support/fill.ts';
import { setMe } from '../src/store/person.ts';

afterEach(() => { vi.unstubAllGlobals(); setMe(null); });

const agenda = (draft: string, proposals: string, finalPapers: string, draftDone: string | null = null) => [
  { kind: 'draftAgenda', rule: 'R-AGD-6', weeksBefore: 6, daysBefore: 42, shortenedReason: null, dueDate: '2024-03-08', due: '2024-03-08T22:59:59.999Z', doneAt: draftDone, state: draft },
  { kind: 'proposals', rule: 'R-AGD-6', weeksBefore: 4, daysBefore: 28, shortenedReason: null, dueDate: '2024-03-22', due: '2024-03-22T22:59:59.999Z', doneAt: null, state: proposals },
  { kind: 'finalPapers', rule: 'R-AGD-6', weeksBefore: 3, daysBefore: 21, shortenedReason: null, dueDate: '2024-03-29', due: '2024-03-29T22:59:59.999Z', doneAt: null, state: finalPapers },
];

function api(routes: Record<string, () => unknown>) {
  const posts: { url: string; command: Record<string, unknown>; key: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posts.push({ url, command: JSON.parse(String(init.body)).command, key: new Headers(init.headers).get('idempotency-key') });
      return new Response(JSON.stringify({ data: { state: {} } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const route = routes[url] as (() => unknown) | undefined;
    return new Response(JSON.stringify(route ? route() : null), { status: route ? 200 : 404, headers: { 'content-type': 'application/json' } });
  }));
  return posts;
}

describe('office: deadlines and follow-up between sessions', () => {
  it('R-AGD-6: shows each deadline with its due date and state; the office records the draft agenda as sent', async () => {
    let recorded = false;
    const posts = api({
      '/api/meetings/dmk-2024-1/deadlines': () => ({
        sessionDate: '2024-04-19', kind: 'regular', protocol: null,
        agenda: recorded ? agenda('missed', 'met', 'overdue', '2024-03-10T09:00:00.000Z') : agenda('overdue', 'met', 'pending'),
      }),
    });
    seed(demoMeeting(), office);
    render(<BetweenPanel />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Fristen'));
    const draft = await screen.findByTestId('deadline-draftAgenda');
    expect(draft).toHaveTextContent('Entwurf der Tagesordnung (D − 6 Wochen)');
    expect(draft).toHaveTextContent('8.3.2024');
    expect(draft).toHaveTextContent('überfällig');
    expect(screen.getByTestId('deadline-proposals')).toHaveTextContent('eingehalten');
    expect(screen.getByTestId('deadline-finalPapers')).toHaveTextContent('offen');
    expect(screen.getByText('Die Frist für den Protokollentwurf beginnt mit dem Schluss der Sitzung.')).toBeInTheDocument();
    recorded = true;
    await user.click(screen.getByRole('button', { name: 'Tagesordnungsentwurf versandt' }));
    expect(posts[0]).toMatchObject({ url: '/api/between/agenda/dmk-2024-1', command: { type: 'recordDraftAgendaSent' } });
    expect(posts[0].key).toMatch(/^[A-Za-z0-9_-]{8,80}$/);
    expect(await screen.findByText('versäumt')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tagesordnungsentwurf versandt' })).toBeDisabled();
  });

  it('R-PRT-2: the protocol draft due date, a warning when it is late, and the end of the objection period', async () => {
    api({
      '/api/meetings/dmk-2024-1/deadlines': () => ({
        sessionDate: '2024-04-19', kind: 'regular', agenda: agenda('met', 'met', 'met', '2024-03-01T09:00:00.000Z'),
        protocol: { rule: 'R-PRT-2', draftDue: '2024-05-03T21:59:59.999Z', sentAt: '2024-05-06T07:00:00.000Z', draft: 'missed', warnDraftLate: true,
          objectionsEnd: '2024-05-21T21:59:59.999Z', objectionsOpen: true, objections: 2, openObjections: 1, approvedAt: null },
      }),
    });
    seed(demoMeeting(), office);
    render(<BetweenPanel />);
    await userEvent.setup().click(screen.getByText('Fristen'));
    const p = await screen.findByTestId('protocol-deadlines');
    expect(within(p).getByRole('alert')).toHaveTextContent('Der Protokollentwurf ist fällig oder überfällig');
    expect(p).toHaveTextContent('versäumt');
    expect(p).toHaveTextContent('21.5.2024');
    expect(p).toHaveTextContent('Einwendungen: 2, offen: 1');
  });

  it('R-FUP-1 / R-FUP-2: implementation status per adopted resolution; a working group is set up with chair Land, assignment and deadline, and closed when done', async () => {
    const posts = api({
      '/api/between/followup': () => [{ id: 'dmk', seq: 3, state: {
        resolutions: { 'dmk-2024-1.top-6': { title: 'TOP 6: Pilotstudie', proposingLands: ['SN'], adoptedAt: '2024-04-19T10:00:00.000Z', source: '1. DMK',
          implementation: [{ land: 'SN', status: 'inProgress', note: 'Ausschreibung läuft', at: '2024-06-01T10:00:00.000Z' }] } },
        workingGroups: { 'wg-1': { name: 'AG Digitale Teilhabe', chairLand: 'SH', assignment: 'Bericht vorlegen', deadline: '2000-01-31', decision: '1. DMK, TOP 7',
          setUpAt: '1999-12-01T10:00:00.000Z', closedAt: null, report: null } },
      } }],
    });
    // The follow-up record is conference-wide: run by the office of the conference (F6).
    setMe({ role: 'office', participantId: null, meetingId: 'dmk-2024-1', label: 'Geschäftsstelle', scope: 'conference', sessions: [], runsConferenceProcedures: true });
    render(<BetweenPanel />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umsetzung und Arbeitsgruppen'));
    expect(await screen.findByTestId('resolution-dmk-2024-1.top-6')).toHaveTextContent('Sachsen');
    expect(screen.getByTestId('resolution-dmk-2024-1.top-6')).toHaveTextContent('in Arbeit: Ausschreibung läuft');
    expect(screen.getByTestId('group-wg-1')).toHaveTextContent('Frist überschritten');
    await user.click(screen.getByRole('button', { name: 'Auftrag erledigt – beenden' }));
    expect(posts[0]).toMatchObject({ url: '/api/between/followup/dmk', command: { type: 'closeWorkingGroup', groupId: 'wg-1' } });

    const form = screen.getByRole('group', { name: 'Arbeitsgruppe einsetzen' });
    await fill(user, within(form).getByLabelText('Name'), 'AG KI in der Arbeitswelt');
    await user.selectOptions(within(form).getByLabelText('Vorsitzland'), 'RP');
    await fill(user, within(form).getByLabelText('Auftrag'), 'Empfehlungen erarbeiten');
    await user.type(within(form).getByLabelText('Frist'), '2025-03-31');
    await fill(user, within(form).getByLabelText('Einsetzungsbeschluss'), '1. DMK, TOP 9');
    await user.click(within(form).getByRole('button', { name: 'Arbeitsgruppe einsetzen' }));
    expect(posts[1].command).toEqual({
      type: 'setUpWorkingGroup', name: 'AG KI in der Arbeitswelt', chairLand: 'RP', assignment: 'Empfehlungen erarbeiten', deadline: '2025-03-31', decision: '1. DMK, TOP 9',
    });
    expect(await screen.findByText('Gespeichert.')).toBeInTheDocument();
  });
});
