import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BetweenPanel } from '../src/views/office/BetweenPanel.tsx';

afterEach(() => vi.unstubAllGlobals());

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
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : null });
      const body = init?.method === 'POST' ? { data: {} } : [closed];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }));
    render(<BetweenPanel />);
    expect(calls).toHaveLength(0);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren'));
    expect(await screen.findByText('Eilbeschluss Cybersicherheit')).toBeInTheDocument();
    expect(screen.getByText(/angenommen; Widerspruchsfrist bis .*Zustimmungen 12\/11, Konsens/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ergebnis mitteilen' }));
    expect(calls.find((c) => c.url === '/api/between/circular/circ-1')?.body).toEqual({ command: { type: 'communicateCircularResult' } });
  });
});
