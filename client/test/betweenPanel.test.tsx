import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeResponse } from '@plenum/shared';
import { BetweenPanel } from '../src/views/office/BetweenPanel.tsx';
import { setMe } from '../src/store/person.ts';

afterEach(() => { vi.unstubAllGlobals(); setMe(null); });

/** The office as /api/me describes it: of the conference (a conference-wide invitation), or of one meeting. */
const office = (scope: 'conference' | 'meeting'): MeResponse => ({
  role: 'office', participantId: null, meetingId: 'dmk-2024-1', label: 'Geschäftsstelle', scope, sessions: [],
  runsConferenceProcedures: scope === 'conference',
});
const serve = (calls: { url: string; body: unknown }[]) => vi.fn(async (url: string, init?: RequestInit) => {
  calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
  const body = init?.method === 'POST' ? { data: {} } : [closed];
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
});

const closed = {
  id: 'circ-1',
  state: {
    procedureId: 'circ-1', status: 'adopted', title: 'Eilbeschluss Cybersicherheit', text: 'x', paragraphs: [], proposingLand: 'HE',
    chairLands: ['HH'], holidayLands: ['HH'], roster: [], agreementsNeeded: 11, startedAt: '2026-03-02T09:00:00Z',
    deadline: '2026-03-09T22:59:59.999Z', answers: Object.fromEntries(['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL']
      .map((l) => [l, { choice: 'yes', participantId: `p-${l}`, at: '2026-03-03T09:00:00Z', history: [] }])),
    declarations: [], objection: null, goesToSession: false, closedAt: '2026-03-10T00:00:00Z',
    explanation: { consensus: true }, communicatedAt: null, recipients: [], publishedAt: null,
  },
};

describe('office: between sessions panel', () => {
  it('R-CIR-2: lists circular procedures with status, agreements and consensus; the office communicates the result', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', serve(calls));
    setMe(office('conference'));
    render(<BetweenPanel />);
    expect(calls).toHaveLength(0);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren'));
    expect(await screen.findByText('Eilbeschluss Cybersicherheit')).toBeInTheDocument();
    expect(screen.getByText(/angenommen; Widerspruchsfrist bis .*Zustimmungen 12\/11, Konsens/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ergebnis mitteilen' }));
    expect(calls.find((c) => c.url === '/api/between/circular/circ-1')?.body).toEqual({ command: { type: 'communicateCircularResult' } });
  });

  it('F6 / R-CIR-1: the office of the conference sees the start form; the office of one meeting follows the circulars without any control the server refuses', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', serve(calls));
    setMe(office('conference'));
    const user = userEvent.setup();
    const { unmount } = render(<BetweenPanel />);
    await user.click(screen.getByText('Umlaufverfahren'));
    expect(await screen.findByText('Eilbeschluss Cybersicherheit')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Umlaufverfahren starten' })).toBeInTheDocument();
    expect(screen.getByLabelText('Beschlussvorschlag')).toBeInTheDocument();
    await user.click(screen.getByText('Umsetzung und Arbeitsgruppen'));
    expect(await screen.findByRole('button', { name: 'Arbeitsgruppe einsetzen' })).toBeInTheDocument();
    unmount();

    setMe(office('meeting'));
    render(<BetweenPanel />);
    await user.click(screen.getByText('Umlaufverfahren'));
    expect(await screen.findByText('Eilbeschluss Cybersicherheit')).toBeInTheDocument();
    expect(screen.getByText(/angenommen; Widerspruchsfrist bis .*Zustimmungen 12\/11, Konsens/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Umlaufverfahren starten' })).toBeNull();
    expect(screen.queryByLabelText('Beschlussvorschlag')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ergebnis mitteilen' })).toBeNull();
    expect(screen.getByText(/nur die Geschäftsstelle der Konferenz/)).toBeInTheDocument();
    // The follow-up record is conference-wide too: readable, but no working group is set up from here.
    await user.click(screen.getByText('Umsetzung und Arbeitsgruppen'));
    expect(await screen.findByText('Noch keine angenommenen Beschlüsse.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Arbeitsgruppe einsetzen' })).toBeNull();
    expect(calls.filter((c) => c.body !== null)).toEqual([]);
  });
});
