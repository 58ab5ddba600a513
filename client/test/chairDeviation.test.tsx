import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConferenceHome } from '@plenum/shared';
import { ConferencePanel } from '../src/views/conference/ConferencePanel.tsx';
import { demoMeeting, office, seed } from './support/meeting.ts';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The conference home answered by a stand-in for GET /api/conference that keeps what the office
 * recorded: a deviation posted with all 16 Länder is in the next home; with fewer, the answer is
 * the server's refusal (chair.deviationNotAgreed, R-CHR-3) and nothing is kept.
 */
function stubConference() {
  const home: ConferenceHome = { timeZone: 'Europe/Berlin', archive: [], deviations: [], reachedRequests: [], sessions: [] };
  const posts: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      const command = JSON.parse(String(init.body)).command as { years: number[]; lands: string[]; decision: string; agreedBy: string[] };
      posts.push(command);
      if (command.agreedBy.length < 16) return json({ error: { code: 'chair.deviationNotAgreed', rule: 'R-CHR-3', details: { missing: 'SH' } } }, 409);
      home.deviations.push({ ...command, id: `dev-${posts.length}`, at: '2026-12-01T10:00:00Z' });
      return json({ data: { state: {} } });
    }
    return url === '/api/conference' ? json(home) : json(null, 404);
  }));
  return posts;
}

describe('R-CHR-3: the office records a deviation from the chair rotation and sees the resulting chair table', () => {
  it('R-CHR-1/3: the table shows every year of the rotation and after it; a swap of 2027 and 2028 agreed by all 16 is two deviations, and the table shows both years swapped, 2029 by rotation', async () => {
    const posts = stubConference();
    seed(demoMeeting(), office);
    render(<ConferencePanel canEdit />);
    const table = await screen.findByTestId('chair-table');
    const row = (year: number) => within(table).getByRole('row', { name: new RegExp(`^${year}\\b`) });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + (2040 - 2024 + 1) + 2);
    expect(row(2024)).toHaveTextContent('Berlin und Brandenburg');
    expect(row(2027)).toHaveTextContent('Hessen');
    expect(row(2041)).toHaveTextContent('Rheinland-Pfalz');

    const user = userEvent.setup();
    const form = screen.getByTestId('chair-deviation-form');
    expect(within(form).getByLabelText('Zwei Jahre tauschen ihre Vorsitzländer')).toBeChecked();
    await user.type(within(form).getByLabelText('Jahr'), '2027');
    await user.type(within(form).getByLabelText('Tausch mit Jahr'), '2028');
    expect(screen.getByTestId('deviation-year-chair')).toHaveTextContent('2027 laut Reihenfolge: Hessen');
    expect(screen.getByTestId('deviation-other-chair')).toHaveTextContent('2028 laut Reihenfolge: Mecklenburg-Vorpommern');
    await user.type(within(form).getByLabelText('Beschluss und Begründung'), 'Beschluss der DMK vom 1.12.2026: Landtagswahl in Hessen');
    // One Land short: the server refuses and names it; nothing recorded.
    await user.click(within(form).getByRole('button', { name: 'Alle 16 Länder' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Schleswig-Holstein' }));
    expect(within(form).getByText('Zugestimmt haben (15 von 16 Ländern)')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Abweichung festhalten' }));
    expect(await screen.findByTestId('conference-error')).toHaveTextContent('es fehlen: SH');
    expect(row(2027)).toHaveTextContent('Hessen');

    await user.click(within(form).getByRole('checkbox', { name: 'Schleswig-Holstein' }));
    await user.click(within(form).getByRole('button', { name: 'Abweichung festhalten' }));
    expect(await screen.findByText('Der Tausch der Jahre 2027 und 2028 ist festgehalten.')).toBeInTheDocument();
    expect(posts.slice(1)).toEqual([
      { type: 'recordChairDeviation', years: [2027], lands: ['MV'], decision: 'Beschluss der DMK vom 1.12.2026: Landtagswahl in Hessen', agreedBy: expect.any(Array) },
      { type: 'recordChairDeviation', years: [2028], lands: ['HE'], decision: 'Beschluss der DMK vom 1.12.2026: Landtagswahl in Hessen', agreedBy: expect.any(Array) },
    ]);
    expect((posts[1].agreedBy as string[]).sort()).toHaveLength(16);
    const after = await screen.findByTestId('chair-table');
    const rowAfter = (year: number) => within(after).getByRole('row', { name: new RegExp(`^${year}\\b`) });
    expect(rowAfter(2027)).toHaveTextContent('Mecklenburg-Vorpommern');
    expect(rowAfter(2027)).toHaveAttribute('data-deviation', 'true');
    expect(rowAfter(2028)).toHaveTextContent('Hessen');
    expect(rowAfter(2029)).toHaveTextContent('Niedersachsen');
    expect(rowAfter(2029)).toHaveAttribute('data-deviation', 'false');
    expect(screen.getByTestId('deviation-list')).toHaveTextContent('2027: Mecklenburg-Vorpommern');
  });

  it('R-CHR-3: another Land takes one year\'s chair: the form sends that Land; a chair (not the office) sees the table but no form', async () => {
    const posts = stubConference();
    seed(demoMeeting(), office);
    const { unmount } = render(<ConferencePanel canEdit />);
    const user = userEvent.setup();
    const form = await screen.findByTestId('chair-deviation-form');
    await user.click(within(form).getByLabelText('Ein anderes Land übernimmt den Vorsitz eines Jahres'));
    await user.type(within(form).getByLabelText('Jahr'), '2030');
    await user.click(within(within(form).getByRole('group', { name: /^Vorsitzland/ })).getByRole('checkbox', { name: 'Sachsen' }));
    await user.type(within(form).getByLabelText('Beschluss und Begründung'), 'Beschluss vom 2.2.2029');
    await user.click(within(form).getByRole('button', { name: 'Alle 16 Länder' }));
    await user.click(within(form).getByRole('button', { name: 'Abweichung festhalten' }));
    expect(await screen.findByText('Die Abweichung für 2030 ist festgehalten.')).toBeInTheDocument();
    expect(posts).toMatchObject([{ type: 'recordChairDeviation', years: [2030], lands: ['SN'] }]);
    unmount();
    render(<ConferencePanel canEdit={false} />);
    expect(await screen.findByTestId('chair-table')).toBeInTheDocument();
    expect(screen.queryByTestId('chair-deviation-form')).toBeNull();
  });
});
